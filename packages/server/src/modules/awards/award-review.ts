import type { AwardBatch, AwardBatchVersion, AwardReturn } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { claimActorOf, reviewableBatch, stale } from './award-access';
import { getBatch } from './award-batch-queries';
import { confirmMatched, pendingClaimStatuses } from './award-claims';
import type { AwardsDeps } from './award-deps';

/**
 * Approves every line waiting in the batch: each claim becomes effective (claim review,
 * in one transaction with the batch's version guard). A matched line confirms the claim
 * it was kept on. Lines returned and not yet resubmitted keep the batch `returned`.
 */
export async function approveBatch(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  body: AwardBatchVersion,
  ip: string,
): Promise<AwardBatch> {
  const { db, repository, clock } = deps;
  const batch = await reviewableBatch(deps, actor, batchId, db);
  if (body.version !== batch.version) throw stale(batchId);
  const lines = await repository.lines(db, batchId);
  const waiting = lines.filter((l) => !l.matched && l.claimStatus === 'submitted');
  if (waiting.length === 0) {
    throw new AppError('invalid_state', 'No line of the batch is waiting for review', {
      id: batchId,
      status: batch.status,
    });
  }
  const matched = lines.filter(
    (l) => l.matched && l.claimStatus !== null && pendingClaimStatuses.includes(l.claimStatus),
  );
  const stillOpen = lines.some(
    (l) => l.claimId === null || (!l.matched && l.claimStatus === 'returned'),
  );
  const claimActor = claimActorOf(actor, ip);
  await db.transaction(async (tx) => {
    const at = clock.now();
    const status = stillOpen ? 'returned' : 'approved';
    const guarded = await repository.bumpIfVersion(tx, batchId, body.version, {
      status,
      decidedAt: at,
      decidedBy: actor.userId,
      updatedAt: at,
    });
    if (!guarded) throw stale(batchId);
    for (const line of waiting) {
      await deps.claimReview.transitionInTx(tx, line.claimId ?? '', 'approve', claimActor, {
        reason: 'award batch approved',
        ...(line.claimVersion !== null ? { expectedVersion: line.claimVersion } : {}),
      });
    }
    for (const line of matched) await confirmMatched(deps, tx, line, actor, ip);
    await deps.auditLog.record(
      actorEvent(actor, 'award.batch_approved', ip, {
        targetType: 'award_batch',
        targetId: batchId,
        orgPath: batch.hostPath,
        details: { from: batch.status, to: status, approved: waiting.length },
      }),
      tx,
    );
  });
  return getBatch(deps, actor, batchId);
}

/** Returns single lines to the host with a reason each; the others can still be approved. */
export async function returnLines(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  body: AwardReturn,
  ip: string,
): Promise<AwardBatch> {
  const { db, repository, clock } = deps;
  const batch = await reviewableBatch(deps, actor, batchId, db);
  if (body.version !== batch.version) throw stale(batchId);
  const lines = new Map((await repository.lines(db, batchId)).map((l) => [l.id, l]));
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  body.lines.forEach((item, i) => {
    const line = lines.get(item.id);
    if (seen.has(item.id)) issues.push({ path: `lines.${i}.id`, message: 'listed twice' });
    seen.add(item.id);
    if (!line) issues.push({ path: `lines.${i}.id`, message: 'no such line on this batch' });
    else if (line.matched)
      issues.push({
        path: `lines.${i}.id`,
        message: 'matched onto a claim of another channel: review it there',
      });
    else if (line.claimStatus !== 'submitted')
      issues.push({ path: `lines.${i}.id`, message: `is ${line.claimStatus ?? 'draft'}` });
  });
  if (issues.length > 0) {
    throw new AppError(
      'validation_failed',
      issues.map((i) => `${i.path}: ${i.message}`).join('; '),
      undefined,
      issues,
    );
  }
  const claimActor = claimActorOf(actor, ip);
  await db.transaction(async (tx) => {
    const at = clock.now();
    const guarded = await repository.bumpIfVersion(tx, batchId, body.version, {
      status: 'returned',
      decidedAt: at,
      decidedBy: actor.userId,
      updatedAt: at,
    });
    if (!guarded) throw stale(batchId);
    for (const item of body.lines) {
      const line = lines.get(item.id);
      if (!line?.claimId) continue;
      await deps.claimReview.transitionInTx(tx, line.claimId, 'return', claimActor, {
        reason: item.reason,
        ...(line.claimVersion !== null ? { expectedVersion: line.claimVersion } : {}),
      });
      await repository.updateLine(tx, line.id, { returnReason: item.reason });
    }
    await deps.auditLog.record(
      actorEvent(actor, 'award.lines_returned', ip, {
        targetType: 'award_batch',
        targetId: batchId,
        orgPath: batch.hostPath,
        details: { from: batch.status, to: 'returned', lines: body.lines.length },
      }),
      tx,
    );
    // The host's award officers are told, with the (first) reason (ADR 0038).
    const reasons = [...new Set(body.lines.map((l) => l.reason))];
    await deps.notifications?.notifyOrgHolders(tx, [
      {
        orgId: batch.hostOrgId,
        permission: 'award:manage',
        kind: 'award_batch_returned',
        dedupeKey: `award-batch:${batchId}:v${String(body.version + 1)}`,
        params: {
          batch: `${batch.projectNumber} ${batch.projectName}`.slice(0, 200),
          lines: body.lines.length,
          reason: reasons.length > 1 ? `${reasons[0] ?? ''} 等` : (reasons[0] ?? '—'),
        },
        link: `/awards/${batchId}`,
      },
    ]);
  });
  return getBatch(deps, actor, batchId);
}
