import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type Placed = { path: string };

export type OrgPermission = 'org:read' | 'org:manage';

export const canReadOrg: Policy<Actor, Placed> = (actor, org) =>
  isWithinScope(scopeOf(actor, 'org:read'), org.path);

export const canManageOrg: Policy<Actor, Placed> = (actor, org) =>
  isWithinScope(scopeOf(actor, 'org:manage'), org.path);

/** Callers name the permission they act under; each maps to its predicate. */
export const orgPolicy: Readonly<Record<OrgPermission, Policy<Actor, Placed>>> = {
  'org:read': canReadOrg,
  'org:manage': canManageOrg,
};

/** Lists and searches: the subtrees over which the actor holds `permission`. */
export const orgScope = (
  actor: Actor,
  permission: OrgPermission | 'person:manage' | 'credit:enter',
): string[] => scopeOf(actor, permission);
