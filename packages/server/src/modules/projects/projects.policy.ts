import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type Hosted = { hostPath: string };

export type ProjectPermission = 'project:read' | 'project:manage' | 'project:file';

export const canReadProject: Policy<Actor, Hosted> = (actor, project) =>
  isWithinScope(scopeOf(actor, 'project:read'), project.hostPath);

export const canManageProject: Policy<Actor, Hosted> = (actor, project) =>
  isWithinScope(scopeOf(actor, 'project:manage'), project.hostPath);

export const canFileProject: Policy<Actor, Hosted> = (actor, project) =>
  isWithinScope(scopeOf(actor, 'project:file'), project.hostPath);

/** Callers name the permissions they act under; each maps to its predicate. */
export const projectPolicy: Readonly<Record<ProjectPermission, Policy<Actor, Hosted>>> = {
  'project:read': canReadProject,
  'project:manage': canManageProject,
  'project:file': canFileProject,
};

/** Projects are registered for hosts the actor manages projects of. */
export const canRegisterProjectsFor: Policy<Actor, { path: string }> = (actor, host) =>
  isWithinScope(scopeOf(actor, 'project:manage'), host.path);

/** Lists: canReadProject or canFileProject, applied in SQL. */
export const projectListScope = (actor: Actor): string[] => [
  ...scopeOf(actor, 'project:read'),
  ...scopeOf(actor, 'project:file'),
];
