import type { Actor } from '../../platform/auth/actor';
import { scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/**
 * A notification is its recipient's alone: no role reads or marks another person's (an
 * officer's reach over a unit does not extend to what its staff are told).
 */
export const canReadNotification: Policy<Actor, { userId: string }> = (actor, notification) =>
  notification.userId === actor.userId;

/** Preferences likewise: each account sets its own channels. */
export const canSetPreferences: Policy<Actor, { userId: string }> = (actor, owner) =>
  owner.userId === actor.userId;

/**
 * The delivery log (the outbox: addresses, failures) is watched by the system administrators,
 * over the accounts holding a role in their subtrees; applied in SQL.
 */
export const deliveryLogScope = (actor: Actor): string[] => scopeOf(actor, 'system:monitor');
