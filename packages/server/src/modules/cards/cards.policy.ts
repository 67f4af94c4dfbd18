import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type Placed = { path: string };

/** Who may act on cards held by people of a unit: its card officer, or a bureau above it. */
export const canManageCardHolder: Policy<Actor, { unitPath: string }> = (actor, holder) =>
  isWithinScope(scopeOf(actor, 'card:manage'), holder.unitPath) ||
  isWithinScope(scopeOf(actor, 'card:issue'), holder.unitPath);

/** A card is seen by its holder's officers, by its issuing bureau, and by the holder. */
export const canSeeCard: Policy<
  Actor,
  { unit_path: string | null; issuer_path: string; person_user_id: string | null }
> = (actor, card) =>
  (card.unit_path !== null && canManageCardHolder(actor, { unitPath: card.unit_path })) ||
  isWithinScope(scopeOf(actor, 'card:issue'), card.issuer_path) ||
  (card.person_user_id !== null && card.person_user_id === actor.userId);

/** Reissue needs a holder: a blank or unbound card has nobody to reissue it to. */
export const canReissueCard: Policy<
  Actor,
  { person_id: string | null; unit_path: string | null }
> = (actor, card) =>
  card.person_id !== null &&
  card.unit_path !== null &&
  canManageCardHolder(actor, { unitPath: card.unit_path });

/** A person's card history: the person themselves, or who manages their cards. */
export const canSeeCardsOf: Policy<Actor, { userId: string | null; unitPath: string }> = (
  actor,
  person,
) =>
  (person.userId !== null && person.userId === actor.userId) || canManageCardHolder(actor, person);

/** A bureau issues cards from an org inside its card:issue subtree. */
export const canIssueCardsFrom: Policy<Actor, Placed> = (actor, org) =>
  isWithinScope(scopeOf(actor, 'card:issue'), org.path);

/** The "actor" is the selling city bureau: it sells only to people of its own city. */
export const canSellCardTo: Policy<Placed, { unitPath: string }> = (bureau, person) =>
  isWithinScope([bureau.path], person.unitPath);

/** Units order cards for their staff; bureaus fill the orders placed under them. */
export const cardOrderPolicy: Readonly<
  Record<'card:manage' | 'card:issue', Policy<Actor, { unit_path: string; bureau_path: string }>>
> = {
  'card:manage': (actor, order) => isWithinScope(scopeOf(actor, 'card:manage'), order.unit_path),
  'card:issue': (actor, order) => isWithinScope(scopeOf(actor, 'card:issue'), order.bureau_path),
};

/** Card orders are placed by a unit (not a city or a province) the actor manages cards of. */
export const canOrderCardsFor: Policy<Actor, Placed & { kind: string }> = (actor, unit) =>
  unit.kind === 'unit' && isWithinScope(scopeOf(actor, 'card:manage'), unit.path);

/** Lists: holders under card:manage or card:issue, issuers under card:issue. */
export function cardScopes(actor: Actor) {
  const issuerScope = scopeOf(actor, 'card:issue');
  return { holderScope: [...scopeOf(actor, 'card:manage'), ...issuerScope], issuerScope };
}

/** Order lists: placed by units under card:manage, or filled by bureaus under card:issue. */
export function cardOrderScopes(actor: Actor) {
  return { unitScope: scopeOf(actor, 'card:manage'), bureauScope: scopeOf(actor, 'card:issue') };
}
