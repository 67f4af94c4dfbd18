import { decideClaimAction, type ClaimAction, type ClaimStatusCode } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { ClaimRow, CreditsRepository } from './credits.repository';

/** Who makes a transition: a signed-in user, a platform, or the system. */
export interface ClaimActor {
  userId: string | null;
  username: string | null;
  ip: string | null;
}

export interface TransitionDeps {
  repository: CreditsRepository;
  auditLog: AuditLogService;
  clock: Clock;
}

export interface TransitionOptions {
  reason?: string | undefined;
  /** For submit: the reviewing orgs snapshotted now, level 1 first. */
  chain?: { steps: string[]; reviewChainId: string | null };
  /** The version the caller saw; a newer stored one is a stale_state. */
  expectedVersion?: number | undefined;
}

export interface TransitionResult {
  id: string;
  status: ClaimStatusCode;
  version: number;
  currentStep: number;
}

export const transitionProblemMessages = {
  wrong_status: 'not allowed in the claim’s current status',
  empty_chain: 'the unit has no reviewers to submit to',
} as const;

function staleState(claim: ClaimRow): AppError {
  return new AppError('stale_state', 'The claim was changed meanwhile; reload it and try again', {
    id: claim.id,
  });
}

/**
 * One guarded transition of a claim (ADR 0007): the domain decides, the UPDATE matches the
 * version read (0 rows → 409 stale_state), and the history row and the audit entry are
 * written in the same transaction.
 */
export async function transitionClaim(
  deps: TransitionDeps,
  tx: DbOrTx,
  claim: ClaimRow & { unitPath: string },
  action: ClaimAction,
  actor: ClaimActor,
  options: TransitionOptions = {},
): Promise<TransitionResult> {
  if (options.expectedVersion !== undefined && options.expectedVersion !== claim.version)
    throw staleState(claim);
  const from = claim.status as ClaimStatusCode;
  const steps = action === 'submit' && options.chain ? options.chain.steps : claim.chainSteps;
  const decided = decideClaimAction(
    { status: from, currentStep: claim.currentStep, stepCount: steps.length },
    action,
  );
  if (!decided.ok) {
    throw new AppError(
      'invalid_state',
      `${action}: ${transitionProblemMessages[decided.problem]}`,
      {
        id: claim.id,
        status: from,
        problem: decided.problem,
      },
    );
  }
  const { status, currentStep } = decided.next;
  const now = deps.clock.now();
  const starting = action === 'submit' || action === 'resubmit';
  const changed = await deps.repository.updateIfVersion(tx, claim.id, claim.version, {
    status,
    currentStep,
    currentReviewerOrgId: status === 'submitted' ? (steps[currentStep] ?? null) : null,
    ...(action === 'submit' && options.chain
      ? { chainSteps: options.chain.steps, reviewChainId: options.chain.reviewChainId }
      : {}),
    ...(starting ? { submittedAt: now, submittedBy: actor.userId, decidedAt: null } : {}),
    ...(status === 'effective' || status === 'rejected' || status === 'voided'
      ? { decidedAt: now }
      : {}),
    updatedAt: now,
  });
  if (!changed) throw staleState(claim);
  const reason = options.reason?.trim() ? options.reason.trim() : null;
  await deps.repository.insertReview(tx, {
    claimId: claim.id,
    step: starting ? 0 : claim.currentStep,
    reviewerOrgId: starting ? null : claim.currentReviewerOrgId,
    actorUserId: actor.userId,
    action,
    fromStatus: from,
    toStatus: status,
    reason,
    at: now,
  });
  await deps.auditLog.record(
    {
      action: `credit.${action}`,
      actorUserId: actor.userId,
      actorUsername: actor.username,
      ip: actor.ip,
      targetType: 'credit_claim',
      targetId: claim.id,
      orgPath: claim.unitPath,
      details: { from, to: status, step: claim.currentStep, reason },
    },
    tx,
  );
  return { id: claim.id, status, version: claim.version + 1, currentStep };
}
