import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** Accounts are created at orgs inside the actor's user:manage subtree. */
export const canManageAccountsAt: Policy<Actor, { path: string }> = (actor, org) =>
  isWithinScope(scopeOf(actor, 'user:manage'), org.path);

/** An account is seen (listed) or managed through any of its grants' orgs; the query decides. */
export const accountScope = (actor: Actor, permission: 'user:read' | 'user:manage'): string[] =>
  scopeOf(actor, permission);
