import type {
  BulkResult,
  BulkReview,
  Claim,
  ClaimList,
  ActivityType,
  ReviewDashboard,
  ReviewLevels,
  ReviewDecision,
  ReviewQueueQuery,
} from '@jijiao/contracts';
import type { ClaimAction } from '@jijiao/domain';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { ReadRouting } from '../../platform/db/read-routing';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import type { AuditLogService } from '../audit-log/audit-log.service';
import { claimActorOf, type ClaimsService } from './claims.service';
import { canEditClaim, isOwnClaim, reviewQueueScope } from './credits.policy';
import type { ClaimActor, ClaimLifecycle, TransitionResult } from './claim-lifecycle';
import { voidClaimsOfYear, type VoidClaimsInput } from './claim-void';
import { reviewLevels } from './review-levels';
import { authoriseReviewStep } from './review-step-access';
import { toClaimSummary } from './claim-view';
import type { OrgsService } from '../orgs/orgs.service';
import type { CreditIntake } from './credit-intake.service';
import type { ClaimView, CreditsRepository } from './credits.repository';

interface Deps {
  db: Db;
  /** Where the 工作台 counts read (the replica in a routed request, ADR 0041). */
  reads?: ReadRouting;
  clock: Clock;
  repository: CreditsRepository;
  auditLog: AuditLogService;
  intake: CreditIntake;
  claims: ClaimsService;
  orgs: OrgsService;
  lifecycle: ClaimLifecycle;
}

type ReviewerAction = 'approve' | 'return' | 'reject';

function sortKeyOf(v: ClaimView, sort: ReviewQueueQuery['sort']): string | number {
  if (sort === 'credits') return v.credits;
  if (sort === 'activityDate') return v.activityDate;
  return v.submittedAt?.toISOString() ?? '';
}

/**
 * The review chain (ADR 0007): submit snapshots the chain, each level approves in turn,
 * any level may return (with a reason) or reject; nobody reviews their own claim; every
 * transition is guarded by the claim's version.
 */
export class ClaimReview {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** draft → submitted (the chain in force snapshotted), or returned → resubmitted at level 1. */
  async submit(actor: Actor, id: string, body: { version: number }, ip: string): Promise<Claim> {
    const { claims, intake, db } = this.#deps;
    const v = await claims.findVisible(actor, id);
    if (!canEditClaim(actor, v)) {
      throw new AppError('forbidden', 'Only the claim’s owner or their unit can submit it');
    }
    const action: ClaimAction = v.status === 'returned' ? 'resubmit' : 'submit';
    // What a person or their unit enters carries the documents its type needs.
    if (v.channel === 'self_report' || v.channel === 'unit_bulk_entry')
      await claims.requireEvidenceOf(v);
    await db.transaction(async (tx) => {
      const chain =
        action === 'submit'
          ? {
              steps: await intake.chainFor(
                tx,
                await this.unitOf(tx, v.unitId),
                v.channel === 'self_report',
              ),
              reviewChainId: null,
            }
          : undefined;
      await this.#deps.lifecycle.change(tx, v, action, claimActorOf(actor, ip), {
        expectedVersion: body.version,
        ...(chain ? { chain } : {}),
      });
    });
    return claims.get(actor, id);
  }

  private async unitOf(db: DbOrTx, unitId: string) {
    const unit = await this.#deps.orgs.findAny(unitId, db);
    if (!unit) throw new Error(`claim unit ${unitId} vanished`);
    return unit;
  }

  approve(actor: Actor, id: string, body: ReviewDecision, ip: string): Promise<Claim> {
    return this.decide(actor, id, 'approve', body, ip);
  }

  returnClaim(actor: Actor, id: string, body: ReviewDecision, ip: string): Promise<Claim> {
    return this.decide(actor, id, 'return', body, ip);
  }

  reject(actor: Actor, id: string, body: ReviewDecision, ip: string): Promise<Claim> {
    return this.decide(actor, id, 'reject', body, ip);
  }

  private async decide(
    actor: Actor,
    id: string,
    action: ReviewerAction,
    body: ReviewDecision,
    ip: string,
  ): Promise<Claim> {
    await this.decideOne(actor, id, action, body, ip);
    return this.#deps.claims.get(actor, id);
  }

  private async decideOne(
    actor: Actor,
    id: string,
    action: ReviewerAction,
    body: ReviewDecision,
    ip: string,
  ): Promise<TransitionResult> {
    const { claims, db } = this.#deps;
    if (action !== 'approve' && !body.reason) {
      throw new AppError('validation_failed', `reason: required to ${action} a claim`, undefined, [
        { path: 'reason', message: 'required' },
      ]);
    }
    // The history is read before the claim: an approval of the same step committed between
    // the two reads then shows as a newer version (stale_state, as the API promises), never
    // as this reviewer's approval already recorded against the version read (already_approved).
    const history = await this.historyOf(id);
    const v = await claims.findVisible(actor, id);
    if (body.version !== v.version) {
      throw new AppError(
        'stale_state',
        'The claim was changed meanwhile; reload it and try again',
        {
          id,
          version: v.version,
        },
      );
    }
    if (isOwnClaim(actor, v)) {
      throw new AppError('forbidden', 'You cannot review your own claim', { id, action });
    }
    // Anything but a submitted claim is refused by the lifecycle (invalid_state).
    const actingFor =
      v.status === 'submitted'
        ? authoriseReviewStep(actor, v, action, body.actFor, history)
        : undefined;
    return db.transaction((tx) =>
      this.#deps.lifecycle.change(tx, v, action, claimActorOf(actor, ip), {
        reason: body.reason,
        expectedVersion: body.version,
        actingFor,
      }),
    );
  }

  private async historyOf(id: string) {
    const rows = await this.#deps.repository.history(this.#deps.db, id);
    return rows.map((h) => ({
      action: h.review.action,
      step: h.review.step,
      actorUserId: h.review.actorUserId,
    }));
  }

  /** Approve or return many claims: each answers for itself, each in its own transaction. */
  async bulk(
    actor: Actor,
    action: 'approve' | 'return',
    body: BulkReview,
    ip: string,
  ): Promise<BulkResult> {
    if (action === 'return' && !body.reason) {
      throw new AppError('validation_failed', 'reason: required to return claims', undefined, [
        { path: 'reason', message: 'required' },
      ]);
    }
    const items: BulkResult['items'] = [];
    for (const item of body.items) {
      try {
        const done = await this.decideOne(
          actor,
          item.id,
          action,
          {
            version: item.version,
            actFor: body.actFor,
            ...(body.reason ? { reason: body.reason } : {}),
          },
          ip,
        );
        items.push({
          id: item.id,
          ok: true,
          status: done.status,
          version: done.version,
        });
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        items.push({ id: item.id, ok: false, error: { code: error.code, message: error.message } });
      }
    }
    return { items };
  }

  /**
   * For channels that decide for themselves (approving a whole award batch): no scope
   * checks, in the caller's transaction, still version-guarded and recorded.
   */
  async transitionInTx(
    tx: DbOrTx,
    claimId: string,
    action: ClaimAction,
    actor: ClaimActor,
    options: { reason?: string; expectedVersion?: number } = {},
  ): Promise<TransitionResult> {
    const v = await this.#deps.repository.findView(tx, claimId);
    if (!v) throw notFound({ what: 'claim', details: { id: claimId } });
    const chain =
      action === 'submit'
        ? {
            steps: await this.#deps.intake.chainFor(
              tx,
              await this.unitOf(tx, v.unitId),
              v.channel === 'self_report',
            ),
            reviewChainId: null,
          }
        : undefined;
    return this.#deps.lifecycle.change(tx, v, action, actor, {
      ...options,
      ...(chain ? { chain } : {}),
    });
  }

  /**
   * Fraud: the person's claims of a year (or the one named) voided through the lifecycle,
   * in the caller's transaction, which has checked the caller's right to. Answers the ids.
   */
  voidClaimsOfYear(tx: DbOrTx, input: VoidClaimsInput): Promise<string[]> {
    return voidClaimsOfYear(this.#deps, tx, input);
  }

  /** A claim's person, year and status, locked for a void (no scope check: the caller's). */
  lockForVoid(
    tx: DbOrTx,
    claimId: string,
  ): Promise<{ personId: string; year: number; status: string } | undefined> {
    return this.#deps.repository.lockForVoid(tx, claimId);
  }

  /** 工作台: the queue in numbers (per activity type, most first) and its oldest claim. */
  async dashboard(actor: Actor): Promise<ReviewDashboard> {
    const scope = { ...reviewQueueScope(actor), excludeUserId: actor.userId };
    const { repository, reads } = this.#deps;
    const db = reads?.db() ?? this.#deps.db;
    const rows = await repository.queueSummary(db, { ...scope, actFor: false });
    const actFor = await repository.queueSummary(db, { ...scope, actFor: true });
    const oldest = rows.flatMap((r) => (r.oldest ? [r.oldest.getTime()] : []));
    return {
      waiting: rows.reduce((sum, r) => sum + r.count, 0),
      actForWaiting: actFor.reduce((sum, r) => sum + r.count, 0),
      oldestSubmittedAt: oldest.length === 0 ? null : new Date(Math.min(...oldest)).toISOString(),
      byType: rows
        .map((r) => ({ type: r.type as ActivityType, count: r.count }))
        .sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    };
  }

  /** 工作台: the claims of the caller's people still in review, per level of the chain. */
  levels(actor: Actor): Promise<ReviewLevels> {
    const { repository, reads } = this.#deps;
    return reviewLevels({ repository, db: reads?.db() ?? this.#deps.db }, actor);
  }

  /** What waits at the caller's own orgs, or (代审, `actFor`) at the non-unit orgs below them. */
  async queue(actor: Actor, query: ReviewQueueQuery): Promise<ClaimList> {
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const rows = await this.#deps.repository.queue(this.#deps.db, {
      ...reviewQueueScope(actor),
      actFor: query.actFor,
      excludeUserId: actor.userId,
      ...(query.type ? { type: query.type } : {}),
      ...(query.channel ? { channel: query.channel } : {}),
      ...(query.unitId ? { unitId: query.unitId } : {}),
      ...(query.year ? { year: query.year } : {}),
      ...(query.flagged !== undefined ? { flagged: query.flagged } : {}),
      sort: query.sort,
      order: query.order,
      ...(after ? { after: { key: after[0] ?? '', id: String(after[1]) } } : {}),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toClaimSummary),
      nextCursor:
        rows.length > query.limit && last
          ? encodeCursor([sortKeyOf(last, query.sort), last.id])
          : null,
    };
  }
}
