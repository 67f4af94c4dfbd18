import { approvedStepOf, decideReviewStep } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import type { TransitionOptions } from './claim-lifecycle';
import { reviewStepStanding } from './credits.policy';
import type { ClaimView } from './credits.repository';

type ReviewerAction = 'approve' | 'return' | 'reject';

/**
 * Whether the caller may decide the step a submitted claim waits at (ADR 0023), and how:
 * as the step's own org, or for it (代审, `actFor`) from an ancestor org; and that nobody
 * approves one submission at two steps. Answers what the lifecycle records for 代审, or
 * throws the AppError that says why not.
 */
export function authoriseReviewStep(
  actor: Actor,
  v: ClaimView,
  action: ReviewerAction,
  actFor: boolean,
  history: readonly { action: string; step: number; actorUserId: string | null }[],
): TransitionOptions['actingFor'] {
  const standing = reviewStepStanding(actor, v);
  const decided = decideReviewStep(standing, actFor);
  if (!decided.ok) {
    const details = { id: v.id, waitingAt: v.reviewerOrgName, problem: decided.problem };
    switch (decided.problem) {
      case 'not_your_step':
        throw new AppError('forbidden', 'The claim is not waiting at your level', details);
      case 'act_for_required':
        throw new AppError(
          'act_for_required',
          `The claim waits at ${v.reviewerOrgName ?? 'a body'} below yours: send actFor to review it for them`,
          details,
        );
      case 'act_for_own_step':
        throw new AppError(
          'validation_failed',
          'actFor: the claim waits at your own level; review it without actFor',
          details,
          [{ path: 'actFor', message: 'not for one’s own step' }],
        );
    }
  }
  if (action === 'approve') {
    const earlier = approvedStepOf(history, actor.userId);
    if (earlier !== null)
      throw new AppError(
        'already_approved',
        `You approved this claim at level ${String(earlier + 1)} already; another reviewer approves level ${String(v.currentStep + 1)}`,
        { id: v.id, approvedStep: earlier, step: v.currentStep },
      );
  }
  if (!decided.actFor) return undefined;
  const grant = actor.grants.find((g) => g.orgId === decided.actingOrgId);
  return {
    actingOrgId: decided.actingOrgId,
    actingOrgName: grant?.orgName ?? '',
    stepOrgName: v.reviewerOrgName ?? '',
  };
}
