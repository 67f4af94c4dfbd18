import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** Only platform orgs carry keys, and only inside the actor's platform:manage subtree. */
export const canManagePlatform: Policy<Actor, { kind: string; path: string }> = (actor, org) =>
  org.kind === 'platform' && isWithinScope(scopeOf(actor, 'platform:manage'), org.path);

export const platformListScope = (actor: Actor): string[] => scopeOf(actor, 'platform:manage');
