import { rolePermissions } from '@jijiao/contracts';
import {
  isClaimEditable,
  reviewStepStandingOf,
  type ClaimStatusCode,
  type ReviewStepStanding,
} from '@jijiao/domain';
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

type StepFacts = Pick<
  ClaimAccessFacts,
  'status' | 'reviewerOrgPath' | 'reviewerOrgKind' | 'currentReviewerOrgId'
>;

/** The caller's grants with credit:review, as the domain's review-step rule takes them. */
function reviewerOrgsOf(actor: Actor): { orgId: string; orgPath: string }[] {
  return actor.grants
    .filter((g) => rolePermissions[g.role].includes('credit:review'))
    .map((g) => ({ orgId: g.orgId, orgPath: g.orgPath }));
}

/**
 * How the caller stands to the step a submitted claim waits at (ADR 0023): its own org's
 * reviewer, an ancestor's (who may act for it, 代审, when they say so), or neither.
 */
export function reviewStepStanding(actor: Actor, v: StepFacts): ReviewStepStanding {
  if (v.status !== 'submitted' || v.reviewerOrgPath === null || v.currentReviewerOrgId === null)
    return { kind: 'none' };
  return reviewStepStandingOf({
    stepOrgId: v.currentReviewerOrgId,
    stepOrgPath: v.reviewerOrgPath,
    stepOrgKind: v.reviewerOrgKind ?? '',
    reviewerOrgs: reviewerOrgsOf(actor),
  });
}

/**
 * Waiting at the caller's level: the step's org is one where they hold credit:review
 * itself. Own claims are refused elsewhere.
 */
export const isClaimAtCallersLevel: Policy<Actor, StepFacts> = (actor, v) =>
  reviewStepStanding(actor, v).kind === 'own';

/**
 * Waiting at an org below the caller's (not a unit's own review): they may act on it only
 * for that org, saying so (代审, `actFor`).
 */
export const canActForClaim: Policy<Actor, StepFacts> = (actor, v) =>
  reviewStepStanding(actor, v).kind === 'ancestor';

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

/**
 * The review queue in SQL: the default one is isClaimAtCallersLevel (claims at the orgs
 * the caller reviews at), the 代审 one canActForClaim (claims at the non-unit orgs below
 * them, inside their credit:review subtrees).
 */
export const reviewQueueScope = (
  actor: Actor,
): { reviewerScope: string[]; reviewerOrgIds: string[] } => ({
  reviewerScope: scopeOf(actor, 'credit:review'),
  reviewerOrgIds: reviewerOrgIdsOf(actor),
});

/**
 * The review levels of a 工作台 count the claims in review of the people of units in the
 * caller's credit:review subtree, wherever they wait (their unit, a bureau, the province
 * office): the subtrees, for SQL.
 */
export const reviewLevelsScope = (actor: Actor): string[] => scopeOf(actor, 'credit:review');

/**
 * Adding a year's partition or archiving a year (ADR 0042) acts on every province's claims
 * of that year: it takes audit:manage over each province that has any (and somewhere).
 */
export const canManageClaimYears: Policy<Actor, readonly Placed[]> = (actor, provinces) => {
  const scope = scopeOf(actor, 'audit:manage');
  return scope.length > 0 && provinces.every((p) => isWithinScope(scope, p.path));
};
