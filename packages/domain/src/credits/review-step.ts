/**
 * Who may act on a step of a claim's review chain (ADR 0023). A step belongs to one
 * organisation: its own reviewers (a credit:review grant at exactly that org) act on it.
 * A reviewer of an ancestor org may act for it (代审) only when they say so, and never for
 * a unit's own first review. And one person approves a claim's submission at one step only:
 * a chain of three bodies is not one reviewer clicking three times.
 */

/** Where the caller holds credit:review, and where the step waits (materialised paths). */
export interface ReviewStepFacts {
  stepOrgId: string;
  stepOrgPath: string;
  stepOrgKind: string;
  /** The orgs at which the caller holds credit:review. */
  reviewerOrgs: readonly { orgId: string; orgPath: string }[];
}

/** How the caller stands to a step: its own reviewer, an ancestor that may act for it, or neither. */
export type ReviewStepStanding =
  { kind: 'own' } | { kind: 'ancestor'; actingOrgId: string } | { kind: 'none' };

export function reviewStepStandingOf(facts: ReviewStepFacts): ReviewStepStanding {
  if (facts.reviewerOrgs.some((o) => o.orgId === facts.stepOrgId)) return { kind: 'own' };
  // A unit's own review is the unit's: the bodies above it never take it.
  if (facts.stepOrgKind === 'unit') return { kind: 'none' };
  // The nearest ancestor the caller reviews at is the one they act through.
  const ancestors = facts.reviewerOrgs
    .filter((o) => o.orgPath !== facts.stepOrgPath && facts.stepOrgPath.startsWith(o.orgPath))
    .sort((a, b) => b.orgPath.length - a.orgPath.length);
  const nearest = ancestors[0];
  return nearest ? { kind: 'ancestor', actingOrgId: nearest.orgId } : { kind: 'none' };
}

export type ReviewStepProblem = 'not_your_step' | 'act_for_required' | 'act_for_own_step';

/** What a decision on a step may do: act as the step's own org, act for it, or be refused. */
export type ReviewStepDecision =
  | { ok: true; actFor: false }
  | { ok: true; actFor: true; actingOrgId: string }
  | { ok: false; problem: ReviewStepProblem };

/**
 * A reviewer's decision on the current step: their own step needs no flag (and refuses the
 * flag, which would record a 代审 that was none); an ancestor's needs `actFor`.
 */
export function decideReviewStep(
  standing: ReviewStepStanding,
  actFor: boolean,
): ReviewStepDecision {
  switch (standing.kind) {
    case 'own':
      return actFor ? { ok: false, problem: 'act_for_own_step' } : { ok: true, actFor: false };
    case 'ancestor':
      return actFor
        ? { ok: true, actFor: true, actingOrgId: standing.actingOrgId }
        : { ok: false, problem: 'act_for_required' };
    case 'none':
      return { ok: false, problem: 'not_your_step' };
  }
}

/** One row of a claim's review history, oldest first, as the rule needs it. */
export interface ReviewHistoryFact {
  action: string;
  step: number;
  actorUserId: string | null;
}

/**
 * The step of the claim's current submission (the history since its last submit or
 * resubmit) that this user already approved, or null. A return starts a new submission:
 * who approved before it may approve again after the resubmission, at one step.
 */
export function approvedStepOf(
  history: readonly ReviewHistoryFact[],
  userId: string,
): number | null {
  let start = 0;
  history.forEach((h, i) => {
    if (h.action === 'submit' || h.action === 'resubmit') start = i + 1;
  });
  const earlier = history
    .slice(start)
    .find((h) => h.action === 'approve' && h.actorUserId === userId);
  return earlier ? earlier.step : null;
}
