import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/** A learner may ask to move themselves; otherwise it takes person:manage over their unit. */
export const canRequestTransferOf: Policy<Actor, { userId: string | null; unitPath: string }> = (
  actor,
  person,
) =>
  person.userId === actor.userId || isWithinScope(scopeOf(actor, 'person:manage'), person.unitPath);

/** The receiving unit decides: person:manage over the target unit, not over the current one. */
export const canDecideTransfer: Policy<Actor, { toUnitPath: string }> = (actor, transfer) =>
  isWithinScope(scopeOf(actor, 'person:manage'), transfer.toUnitPath);

/** Lists: transfers of people the actor may read, in or out. */
export const transferListScope = (actor: Actor): string[] => scopeOf(actor, 'person:read');
