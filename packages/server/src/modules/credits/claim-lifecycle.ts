import {
  decideClaimAction,
  historyActionOf,
  isPendingStatus,
  type CalendarAct,
  type ClaimAction,
  type ClaimStatusCode,
} from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { AuditLogService } from '../audit-log/audit-log.service';
import { enteredEvents, type EntryLog } from './claim-entry-log';
import type { StandingsService } from '../standings/standings.service';
import type { CalendarService } from '../calendar/calendar.service';
import { noticeOfTransition, type ClaimNotifier } from './claim-notices';
import type {
  ClaimContentPatch,
  ClaimRow,
  CreditsRepository,
  NewClaim,
  NewClaimReview,
} from './credits.repository';

/** Who makes a transition: a signed-in user, a platform, or the system. */
export interface ClaimActor {
  userId: string | null;
  username: string | null;
  ip: string | null;
}

export interface TransitionOptions {
  reason?: string | undefined;
  /** For submit: the reviewing orgs snapshotted now, level 1 first. */
  chain?: { steps: string[]; reviewChainId: string | null };
  /** The version the caller saw; a newer stored one is a stale_state. */
  expectedVersion?: number | undefined;
  /**
   * 代审 (ADR 0023): a reviewer of an ancestor org decides the step for its own org. The
   * history row records it and the org acted through; the audit log adds `credit.acted_for`.
   */
  actingFor?: { actingOrgId: string; actingOrgName: string; stepOrgName: string } | undefined;
}

export interface TransitionResult {
  id: string;
  status: ClaimStatusCode;
  version: number;
  currentStep: number;
}

/** A claim as the lifecycle needs it: the stored row and its unit's path (for the audit log). */
export type LifecycleClaim = ClaimRow & { unitPath: string };

export interface ClaimLifecycleDeps {
  repository: CreditsRepository;
  auditLog: AuditLogService;
  clock: Clock;
  /** Queues the person's year to be computed again, in the same transaction (ADR 0018). */
  standings: Pick<StandingsService, 'claimsChanged'>;
  /** The province's calendar: refuses entry and review its days have closed (ADR 0039). */
  calendar: Pick<CalendarService, 'assertOpen'>;
  /** Tells the person of a return or an approval, in the same transaction (ADR 0038). */
  notifications?: ClaimNotifier;
}

/**
 * What each action needs open on the province's calendar (ADR 0039): a first submit is
 * entry; a resubmission finishes a claim already in review; deciding is review. Withdrawing
 * and voiding are never closed by date.
 */
const calendarActOf: Readonly<Record<ClaimAction, CalendarAct | null>> = {
  submit: 'enter',
  resubmit: 'finish',
  approve: 'review',
  return: 'review',
  reject: 'review',
  confirm: 'review',
  withdraw: null,
  void: null,
};

/** What a status means for the person's standing: counted, hoped for, or neither. */
function standingEffectOf(status: string): 'counted' | 'pending' | 'none' {
  if (status === 'effective') return 'counted';
  return isPendingStatus(status) ? 'pending' : 'none';
}

export const transitionProblemMessages = {
  wrong_status: 'not allowed in the claim’s current status',
  empty_chain: 'the unit has no reviewers to submit to',
} as const;

function staleState(claim: { id: string }): AppError {
  return new AppError('stale_state', 'The claim was changed meanwhile; reload it and try again', {
    id: claim.id,
  });
}

/**
 * The one door for a claim's status (ADR 0016). Every change — submit, resubmit, approve,
 * return, reject, confirm a matched arrival, withdraw, void — and every claim that enters
 * with a status passes here: the domain lifecycle decides, the UPDATE matches the version
 * read (0 rows → 409 stale_state), and the history row and the audit entry are written in
 * the caller's transaction. Nothing else writes `credit_claims.status` or `claim_reviews`
 * (a test scans the sources for it). Whatever changes what a claim counts for — a status
 * entering or leaving `effective` or the pending ones, a new claim, a correction — queues
 * the person's standing of that year in the same transaction (ADR 0018).
 */
export class ClaimLifecycle {
  readonly #deps: ClaimLifecycleDeps;

  constructor(deps: ClaimLifecycleDeps) {
    this.#deps = deps;
  }

  /** One guarded transition of one claim. */
  async change(
    tx: DbOrTx,
    claim: LifecycleClaim,
    action: ClaimAction,
    actor: ClaimActor,
    options: TransitionOptions = {},
  ): Promise<TransitionResult> {
    const { repository, auditLog, clock } = this.#deps;
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
        { id: claim.id, status: from, problem: decided.problem },
      );
    }
    const act = calendarActOf[action];
    if (act) await this.#deps.calendar.assertOpen(tx, act, [claim]);
    const { status, currentStep } = decided.next;
    const now = clock.now();
    const starting = action === 'submit' || action === 'resubmit';
    const changed = await repository.setStatusIfVersion(tx, claim.id, claim.version, {
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
    if (standingEffectOf(from) !== standingEffectOf(status))
      await this.#deps.standings.claimsChanged(tx, [
        { personId: claim.personId, year: claim.year },
      ]);
    const reason = options.reason?.trim() ? options.reason.trim() : null;
    const recorded = historyActionOf(action);
    // A reviewer's step acts for the org at that step; anything else acts outside the chain.
    const reviewing = action === 'approve' || action === 'return' || action === 'reject';
    const actingFor = reviewing ? options.actingFor : undefined;
    await repository.insertReview(tx, {
      claimId: claim.id,
      claimYear: claim.year,
      step: starting ? 0 : claim.currentStep,
      reviewerOrgId: reviewing ? claim.currentReviewerOrgId : null,
      actorUserId: actor.userId,
      actedFor: actingFor !== undefined,
      actorOrgId: actingFor?.actingOrgId ?? null,
      action: recorded,
      fromStatus: from,
      toStatus: status,
      reason,
      at: now,
    });
    await auditLog.record(
      {
        action: `credit.${recorded}`,
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
    if (actingFor)
      await auditLog.record(
        {
          action: 'credit.acted_for',
          actorUserId: actor.userId,
          actorUsername: actor.username,
          ip: actor.ip,
          targetType: 'credit_claim',
          targetId: claim.id,
          orgPath: claim.unitPath,
          details: {
            action: recorded,
            step: claim.currentStep,
            stepOrg: actingFor.stepOrgName,
            actingOrg: actingFor.actingOrgName,
          },
        },
        tx,
      );
    await noticeOfTransition(this.#deps.notifications, tx, claim, action, status, reason);
    return { id: claim.id, status, version: claim.version + 1, currentStep };
  }

  /**
   * A new claim enters: as a draft (to be submitted through `change`) or effective at once
   * (a trusted platform, an approved batch), which the history records as an approval by
   * the arriving channel. The audit log records `credit.recorded`.
   */
  async enter(
    tx: DbOrTx,
    row: NewClaim & { status: 'draft' | 'effective' },
    unitPath: string,
    actor: ClaimActor,
    channel: string,
  ): Promise<ClaimRow> {
    const { repository, auditLog, clock } = this.#deps;
    await this.#deps.calendar.assertOpen(tx, 'enter', [row]);
    const now = clock.now();
    const created = await repository.insertClaim(tx, {
      ...row,
      decidedAt: row.status === 'effective' ? now : null,
    });
    await this.#deps.standings.claimsChanged(tx, [
      { personId: created.personId, year: created.year },
    ]);
    await auditLog.record(
      {
        action: 'credit.recorded',
        actorUserId: actor.userId,
        actorUsername: actor.username,
        ip: actor.ip,
        targetType: 'credit_claim',
        targetId: created.id,
        orgPath: unitPath,
        details: { channel, status: created.status, credits: created.credits },
      },
      tx,
    );
    if (row.status === 'effective') {
      await repository.insertReview(tx, {
        claimId: created.id,
        claimYear: created.year,
        step: 0,
        reviewerOrgId: null,
        actorUserId: actor.userId,
        action: 'approve',
        fromStatus: null,
        toStatus: 'effective',
        reason: `effective on arrival (${channel})`,
        at: now,
      });
    }
    return created;
  }

  /**
   * Many new claims effective on arrival at once (`enter` for a trusted channel's backlog),
   * set-based: written at version 1 with the same `approve` history row as one by one. The
   * caller logs the intake.
   */
  async enterEffective(
    tx: DbOrTx,
    rows: readonly (Omit<NewClaim, 'status' | 'currentStep' | 'currentReviewerOrgId'> & {
      id: string;
    })[],
    actor: ClaimActor,
    channel: string,
    log?: EntryLog,
  ): Promise<void> {
    if (rows.length === 0) return;
    await this.#deps.calendar.assertOpen(tx, 'enter', rows);
    const now = this.#deps.clock.now();
    await this.#deps.repository.insertClaims(
      tx,
      rows.map((row) => ({ ...row, status: 'effective', decidedAt: now })),
    );
    await this.#deps.repository.insertReviews(
      tx,
      rows.map((row) => ({
        claimId: row.id,
        claimYear: row.year,
        step: 0,
        reviewerOrgId: null,
        actorUserId: actor.userId,
        action: 'approve',
        fromStatus: null,
        toStatus: 'effective',
        reason: `effective on arrival (${channel})`,
        at: now,
      })),
    );
    await this.#deps.standings.claimsChanged(
      tx,
      rows.map((r) => ({ personId: r.personId, year: r.year })),
    );
    if (log) await this.#deps.auditLog.recordMany(enteredEvents(rows, null, actor, log), tx);
  }

  /**
   * Many new claims entering submitted at once (imports, ADR 0015), set-based: each is
   * decided as a draft submitted into its chain, written at version 2 (created, then
   * submitted, as one by one), with its `submit` history row. The caller logs the file.
   */
  async enterSubmitted(
    tx: DbOrTx,
    rows: readonly (Omit<NewClaim, 'status' | 'currentStep' | 'currentReviewerOrgId'> & {
      id: string;
      chainSteps: string[];
    })[],
    actor: ClaimActor,
    log?: EntryLog,
  ): Promise<void> {
    await this.#deps.calendar.assertOpen(tx, 'enter', rows);
    const now = this.#deps.clock.now();
    const claims: NewClaim[] = [];
    const reviews: NewClaimReview[] = [];
    for (const row of rows) {
      const decided = decideClaimAction(
        { status: 'draft', currentStep: 0, stepCount: row.chainSteps.length },
        'submit',
      );
      if (!decided.ok) {
        throw new AppError(
          'invalid_state',
          `submit: ${transitionProblemMessages[decided.problem]}`,
          { id: row.id, status: 'draft', problem: decided.problem },
        );
      }
      const { status, currentStep } = decided.next;
      claims.push({
        ...row,
        status,
        currentStep,
        currentReviewerOrgId: row.chainSteps[currentStep] ?? null,
        submittedBy: actor.userId,
        submittedAt: now,
        version: 2,
      });
      reviews.push({
        claimId: row.id,
        claimYear: row.year,
        step: 0,
        reviewerOrgId: null,
        actorUserId: actor.userId,
        action: 'submit',
        fromStatus: 'draft',
        toStatus: status,
        reason: null,
        at: now,
      });
    }
    await this.#deps.repository.insertClaims(tx, claims);
    await this.#deps.repository.insertReviews(tx, reviews);
    await this.#deps.standings.claimsChanged(
      tx,
      rows.map((r) => ({ personId: r.personId, year: r.year })),
    );
    if (log) await this.#deps.auditLog.recordMany(enteredEvents(claims, 'submit', actor, log), tx);
  }

  /** Claims in review that a trusted arrival matched, each confirmed as one by one (rare). */
  async confirmArrived(
    tx: DbOrTx,
    claims: readonly LifecycleClaim[],
    actor: ClaimActor,
    channel: string,
  ): Promise<void> {
    for (const claim of claims)
      await this.change(tx, claim, 'confirm', actor, { reason: `confirmed by ${channel}` });
  }

  /**
   * Claims that arrived again by a channel (a provenance added, the status unchanged): an
   * effective one's channels are listed in the person's standing (ADR 0021), so its year
   * is queued.
   */
  async arrivedAgain(
    tx: DbOrTx,
    claims: readonly Pick<ClaimRow, 'personId' | 'year' | 'status'>[],
  ): Promise<void> {
    const counted = claims.filter((c) => c.status === 'effective');
    if (counted.length === 0) return;
    await this.#deps.standings.claimsChanged(
      tx,
      counted.map((c) => ({ personId: c.personId, year: c.year })),
    );
  }

  /**
   * A correction of a draft or returned claim's activity and value (not its status), if
   * nobody changed it since `claim.version`: false otherwise. Its pending credits change,
   * in its old year and its new one.
   */
  async correct(
    tx: DbOrTx,
    claim: Pick<ClaimRow, 'id' | 'version' | 'personId' | 'year' | 'unitId' | 'status'>,
    patch: ClaimContentPatch,
  ): Promise<boolean> {
    const act = claim.status === 'draft' ? 'enter' : 'finish';
    const years = [claim.year, patch.year ?? claim.year];
    await this.#deps.calendar.assertOpen(
      tx,
      act,
      years.map((year) => ({ unitId: claim.unitId, year })),
    );
    const changed = await this.#deps.repository.updateIfVersion(tx, claim.id, claim.version, patch);
    if (!changed) return false;
    await this.#deps.standings.claimsChanged(
      tx,
      [...new Set(years)].map((year) => ({ personId: claim.personId, year })),
    );
    return true;
  }
}
