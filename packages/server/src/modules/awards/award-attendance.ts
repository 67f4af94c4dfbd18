import type { AwardBatch } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { ClaimActor } from '../credits/claim-lifecycle';
import { claimActorOf, hostProject, requireAwardable } from './award-access';
import { getBatch } from './award-batch-queries';
import type { AttendanceLine, AwardsDeps } from './award-deps';
import { lineRow, prefixIssues } from './award-lines';
import type { NewLine } from './awards.repository';

/**
 * `POST /projects/:id/award-batches:from-attendance`: the host turns the project's
 * check-ins into a draft batch (source `attendance`) of everyone who qualifies under the
 * project's attendance rule, with the hours attended, to review and submit like any batch.
 * One open attendance batch per project: while a draft one exists, the answer is 409.
 */
export async function createFromProjectAttendance(
  deps: AwardsDeps,
  actor: Actor,
  projectId: string,
  ip: string,
): Promise<AwardBatch> {
  const project = await hostProject(deps, actor, projectId);
  requireAwardable(project);
  const source = deps.attendance;
  if (!source) throw new AppError('invalid_state', 'Check-in is not available', { projectId });
  const lines = await source.attendanceForAward(projectId);
  if (lines.length === 0) {
    throw new AppError(
      'invalid_state',
      'Nobody qualifies yet under the project’s attendance rule (no check-ins, or too few hours attended)',
      { projectId },
    );
  }
  const { batchId } = await deps.db.transaction(async (tx) => {
    await deps.repository.lockProject(tx, projectId);
    const open = (
      await deps.repository.listBatches(tx, {
        scope: [project.hostPath],
        projectId,
        statuses: ['draft'],
      })
    ).find((b) => b.source === 'attendance');
    if (open) {
      throw new AppError(
        'conflict',
        'The project already has a draft batch made from its check-ins: review and submit that one',
        { projectId, batchId: open.id },
      );
    }
    return createBatchFromAttendance(deps, tx, {
      projectId,
      lines,
      actor: claimActorOf(actor, ip),
    });
  });
  return getBatch(deps, actor, batchId);
}

/**
 * For the check-in feature when a project ends: its attendance becomes a draft batch
 * (source `attendance`) the host reviews and submits. No scope checks (the caller is the
 * system); runs in the caller's transaction; lines are valued like any other line.
 */
export async function createBatchFromAttendance(
  deps: AwardsDeps,
  tx: DbOrTx,
  input: { projectId: string; lines: readonly AttendanceLine[]; actor: ClaimActor },
): Promise<{ batchId: string; lines: number; credits: number }> {
  const project = await deps.projects.findAny(input.projectId, tx);
  if (!project) throw notFound({ what: 'project', details: { id: input.projectId } });
  requireAwardable(project);
  const now = deps.clock.now();
  const batch = await deps.repository.insertBatch(tx, {
    projectId: project.id,
    hostOrgId: project.hostId,
    status: 'draft',
    source: 'attendance',
    createdBy: input.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  const seen = new Set<string>();
  const rows: NewLine[] = [];
  for (const [i, line] of input.lines.entries()) {
    const key = `${line.personId}|${line.role}`;
    if (seen.has(key)) {
      throw new AppError('validation_failed', `lines.${i}: listed twice`, undefined, [
        { path: `lines.${i}.personId`, message: 'listed twice with this role' },
      ]);
    }
    seen.add(key);
    const valued = await deps.valuer
      .value(tx, project, {
        personId: line.personId,
        role: line.role,
        ...(line.hours !== null ? { hours: line.hours } : {}),
      })
      .catch((error: unknown) => {
        throw prefixIssues(error, `lines.${i}`);
      });
    rows.push(lineRow(batch.id, i + 1, valued, 'attendance', null, line.sessionsAttended, now));
  }
  await deps.repository.insertLines(tx, rows);
  await deps.auditLog.record(
    {
      action: 'award.batch_from_attendance',
      actorUserId: input.actor.userId,
      actorUsername: input.actor.username,
      ip: input.actor.ip,
      targetType: 'award_batch',
      targetId: batch.id,
      orgPath: project.hostPath,
      details: { projectNumber: project.number, lines: rows.length },
    },
    tx,
  );
  const credits = rows.reduce((s, r) => s + r.credits, 0);
  return { batchId: batch.id, lines: rows.length, credits: Math.round(credits * 10) / 10 };
}
