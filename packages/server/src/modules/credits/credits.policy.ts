import { rolePermissions } from '@jijiao/contracts';
import { isClaimEditable, type ClaimStatusCode } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

type Placed = { path: string };

/** What a claim's access depends on (a ClaimView has all of it). */
export interface ClaimAccessFacts {
  personUserId: string | null;
  submittedBy: string | null;
  createdBy: string | null;
  unitPath: string;
  status: string;
  reviewerOrgPath: string | null;
  reviewerOrgKind: string | null;
  currentReviewerOrgId: string | null;
}

/** The orgs at which the actor holds credit:review. */
export function reviewerOrgIdsOf(actor: Actor): string[] {
  return actor.grants
    .filter((g) => rolePermissions[g.role].includes('credit:review'))
    .map((g) => g.orgId);
}

/** The claim is the caller's own (their person record, or they submitted or entered it). */
export const isOwnClaim: Policy<
  Actor,
  Pick<ClaimAccessFacts, 'personUserId' | 'submittedBy' | 'createdBy'>
> = (actor, v) =>
  v.personUserId === actor.userId || v.submittedBy === actor.userId || v.createdBy === actor.userId;

/** Seen without looking at the chain: the learner's own, or staff in a person:read subtree. */
export const canSeeClaimDirectly: Policy<
  Actor,
  Pick<ClaimAccessFacts, 'personUserId' | 'unitPath'>
> = (actor, v) =>
  (v.personUserId === actor.userId && actor.permissions.has('credit:read_own')) ||
  isWithinScope(scopeOf(actor, 'person:read'), v.unitPath);

/** Reviewers of any step of a claim's chain see it, even outside their person:read subtree. */
export const reviewsAStepOf: Policy<Actor, readonly Placed[]> = (actor, steps) => {
  const scope = scopeOf(actor, 'credit:review');
  return steps.some((s) => isWithinScope(scope, s.path));
};

/**
 * Waiting at the caller's level: a reviewing body inside their credit:review subtree (a
 * supervising body may act for the bodies below it), or their own unit's first review.
 * A unit's step is never taken by the bodies above it. Own claims are refused elsewhere.
 */
export const isClaimAtCallersLevel: Policy<
  Actor,
  Pick<ClaimAccessFacts, 'status' | 'reviewerOrgPath' | 'reviewerOrgKind' | 'currentReviewerOrgId'>
> = (actor, v) => {
  if (v.status !== 'submitted' || v.reviewerOrgPath === null) return false;
  if (v.reviewerOrgKind === 'unit')
    return reviewerOrgIdsOf(actor).includes(v.currentReviewerOrgId ?? '');
  return isWithinScope(scopeOf(actor, 'credit:review'), v.reviewerOrgPath);
};

/** An editable claim is changed by its learner (credit:submit_own) or by their unit. */
export const canEditClaim: Policy<
  Actor,
  Pick<ClaimAccessFacts, 'status' | 'personUserId' | 'unitPath'>
> = (actor, v) => {
  if (!isClaimEditable(v.status as ClaimStatusCode)) return false;
  if (v.personUserId === actor.userId) return actor.permissions.has('credit:submit_own');
  return isWithinScope(scopeOf(actor, 'credit:enter'), v.unitPath);
};

/** Credits are entered for people of units the actor holds credit:enter over. */
export const canEnterCreditsFor: Policy<Actor, { unitPath: string }> = (actor, person) =>
  isWithinScope(scopeOf(actor, 'credit:enter'), person.unitPath);

/** Bulk entry, staff lookup and imports work on one unit (not a city or a province). */
export const canEnterCreditsAt: Policy<Actor, Placed & { kind: string }> = (actor, unit) =>
  unit.kind === 'unit' && isWithinScope(scopeOf(actor, 'credit:enter'), unit.path);

/** The review queue: isClaimAtCallersLevel, applied in SQL. */
export const reviewQueueScope = (actor: Actor): string[] => scopeOf(actor, 'credit:review');

/**
 * The review levels of a 工作台 count the claims in review of the people of units in the
 * caller's credit:review subtree, wherever they wait (their unit, a bureau, the province
 * office): the subtrees, for SQL.
 */
export const reviewLevelsScope = (actor: Actor): string[] => scopeOf(actor, 'credit:review');
