import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** A kiosk device belongs to its project: who manages the project manages its devices. */
export const canManageDeviceOf: Policy<Actor, { hostPath: string }> = (actor, project) =>
  isWithinScope(scopeOf(actor, 'project:manage'), project.hostPath);

/**
 * Lists of sessions (the 工作台): those of projects the actor reads or files, as a
 * project's session list is (`SessionsService.list`), applied in SQL.
 */
export const sessionListScope = (actor: Actor): string[] => [
  ...scopeOf(actor, 'project:read'),
  ...scopeOf(actor, 'project:file'),
];
