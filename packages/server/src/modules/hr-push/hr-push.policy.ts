import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** HR push is configured per province, by who holds hr_push:manage over it. */
export const canManageHrPush: Policy<Actor, { kind: string; path: string }> = (actor, org) =>
  org.kind === 'province' && isWithinScope(scopeOf(actor, 'hr_push:manage'), org.path);

/**
 * The outbox's health (how many wait, how many failed) is watched by who manages HR push
 * and by the system administrators, over the provinces in their subtrees; applied in SQL.
 */
export const outboxHealthScope = (actor: Actor): string[] => [
  ...scopeOf(actor, 'hr_push:manage'),
  ...scopeOf(actor, 'system:monitor'),
];
