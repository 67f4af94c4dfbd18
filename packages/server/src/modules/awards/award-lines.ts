import { randomUUID } from 'node:crypto';
import type { AwardBatch, AwardLineCreate } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { editableBatch, projectOfBatch, requireAwardable, stale } from './award-access';
import { getBatch } from './award-batch-queries';
import { withdrawClaim } from './award-claims';
import type { AwardsDeps } from './award-deps';
import type { LineInput, ValuedLine } from './award-line-value';
import type { NewLine } from './awards.repository';

/** The row of a valued line, numbered `lineNo` in its batch. */
export function lineRow(
  batchId: string,
  lineNo: number,
  valued: ValuedLine,
  source: 'hand' | 'roster' | 'attendance',
  sourceRef: string | null,
  sessionsAttended: number | null,
  now: Date,
): NewLine {
  return {
    id: randomUUID(),
    batchId,
    lineNo,
    personId: valued.personId,
    role: valued.role,
    hours: valued.hours,
    awardedCredits: valued.awardedCredits,
    sessionsAttended,
    credits: valued.credits,
    creditClass: valued.class,
    packVersions: valued.packs,
    valuationReasons: valued.reasons,
    source,
    sourceRef,
    createdAt: now,
  };
}

/** Re-roots the issue paths of a validation error under `prefix` (e.g. `lines.3`). */
export function prefixIssues(error: unknown, prefix: string): unknown {
  if (!(error instanceof AppError) || !error.issues) return error;
  const issues = error.issues.map((i) => ({ ...i, path: `${prefix}.${i.path}` }));
  return new AppError(
    error.code,
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    error.details,
    issues,
  );
}

export async function addLine(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  body: AwardLineCreate,
  ip: string,
): Promise<AwardBatch> {
  await addLines(deps, actor, batchId, [body], { source: 'hand', ip });
  return getBatch(deps, actor, batchId);
}

/**
 * Adds valued lines to an editable batch in one transaction (by hand: one; a roster: all
 * of the file). Each person must be in the project's province and not yet on the batch
 * with that role.
 */
export async function addLines(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  inputs: readonly (LineInput & { sourceRef?: string })[],
  options: { source: 'hand' | 'roster'; ip: string; dryRun?: boolean },
): Promise<number> {
  const { db, repository } = deps;
  const batch = await editableBatch(deps, actor, batchId, db);
  const project = await projectOfBatch(deps, db, batch);
  requireAwardable(project);
  const onBatch = await repository.personRoles(db, batchId);
  const valued: (ValuedLine & { sourceRef?: string })[] = [];
  for (const [i, input] of inputs.entries()) {
    const path = inputs.length === 1 ? '' : `lines.${i}.`;
    if (onBatch.has(`${input.personId}|${input.role}`)) {
      throw new AppError('validation_failed', `${path}personId: already on this batch`, undefined, [
        { path: `${path}personId`, message: 'already on this batch with this role' },
      ]);
    }
    onBatch.add(`${input.personId}|${input.role}`);
    const line = await deps.valuer.value(db, project, input).catch((error: unknown) => {
      throw path ? prefixIssues(error, path.slice(0, -1)) : error;
    });
    valued.push({ ...line, ...(input.sourceRef ? { sourceRef: input.sourceRef } : {}) });
  }
  if (options.dryRun) return valued.length;
  await db.transaction(async (tx) => {
    const at = deps.clock.now();
    if (!(await repository.bumpIfVersion(tx, batchId, batch.version, { updatedAt: at })))
      throw stale(batchId);
    const first = await repository.nextLineNo(tx, batchId);
    await repository.insertLines(
      tx,
      valued.map((v, i) =>
        lineRow(batchId, first + i, v, options.source, v.sourceRef ?? null, null, at),
      ),
    );
    await deps.auditLog.record(
      actorEvent(actor, 'award.lines_added', options.ip, {
        targetType: 'award_batch',
        targetId: batchId,
        orgPath: batch.hostPath,
        details: { lines: valued.length, source: options.source },
      }),
      tx,
    );
  });
  return valued.length;
}

/**
 * Removes a line not yet submitted, or one the province returned (its claim is withdrawn:
 * voided with the reason, its history kept). Submitted or decided lines stay.
 */
export async function removeLine(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  lineId: string,
  ip: string,
): Promise<AwardBatch> {
  const { db, repository, clock } = deps;
  const batch = await editableBatch(deps, actor, batchId, db);
  const line = (await repository.lines(db, batchId)).find((l) => l.id === lineId);
  if (!line) throw notFound({ what: 'line on this batch', details: { lineId } });
  const withdrawable = line.claimId === null || line.matched || line.claimStatus === 'returned';
  if (!withdrawable) {
    throw new AppError('invalid_state', `The line is ${line.claimStatus}: it cannot be removed`, {
      lineId,
      status: line.claimStatus,
    });
  }
  await db.transaction(async (tx) => {
    if (!(await repository.bumpIfVersion(tx, batchId, batch.version, { updatedAt: clock.now() })))
      throw stale(batchId);
    if (line.claimId && !line.matched) await withdrawClaim(deps, tx, line, actor, ip);
    await repository.deleteLine(tx, lineId);
    await deps.auditLog.record(
      actorEvent(actor, 'award.line_removed', ip, {
        targetType: 'award_batch',
        targetId: batchId,
        orgPath: batch.hostPath,
        details: { lineNo: line.lineNo, claimId: line.claimId },
      }),
      tx,
    );
  });
  return getBatch(deps, actor, batchId);
}
