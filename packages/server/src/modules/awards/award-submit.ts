import type { AwardBatch, AwardBatchVersion } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import type { ClaimActor } from '../credits/claim-lifecycle';
import {
  claimActorOf,
  editableBatch,
  projectOfBatch,
  requireAwardable,
  stale,
} from './award-access';
import { getBatch } from './award-batch-queries';
import type { AwardsDeps } from './award-deps';
import type { ProjectView } from '../projects/projects.service';

/**
 * Submits the batch to the province's CME office: new lines become claims through the
 * intake (submitted, one-step chain: the office), returned lines are resubmitted.
 */
export async function submitBatch(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  body: AwardBatchVersion,
  ip: string,
): Promise<AwardBatch> {
  const batch = await editableBatch(deps, actor, batchId, deps.db);
  if (body.version !== batch.version) throw stale(batchId);
  await deps.db.transaction((tx) =>
    submitInTx(deps, tx, batchId, claimActorOf(actor, ip), body.version),
  );
  return getBatch(deps, actor, batchId);
}

/**
 * The submission itself, in the caller's transaction and without scope checks (the
 * function above checks them; the demo seed submits as the host). New lines go through
 * the intake, returned ones are resubmitted; the batch version guards it all.
 */
export async function submitInTx(
  deps: AwardsDeps,
  tx: DbOrTx,
  batchId: string,
  actor: ClaimActor,
  version?: number,
): Promise<void> {
  const { repository, clock, intake } = deps;
  const batch = await repository.findBatch(tx, batchId);
  if (!batch) throw notFound({ what: 'award batch', details: { id: batchId } });
  if (batch.status !== 'draft' && batch.status !== 'returned') {
    throw new AppError('invalid_state', `The batch is ${batch.status}: it cannot be submitted`, {
      id: batchId,
      status: batch.status,
    });
  }
  const project = await projectOfBatch(deps, tx, batch);
  requireAwardable(project);
  const lines = await repository.lines(tx, batchId);
  const fresh = lines.filter((l) => l.claimId === null);
  const returned = lines.filter((l) => !l.matched && l.claimStatus === 'returned');
  if (fresh.length + returned.length === 0) {
    throw new AppError('invalid_state', 'Nothing to submit: add lines first', { id: batchId });
  }
  const office = await cmeOfficeOf(deps, tx, project);
  const at = clock.now();
  const guarded = await repository.bumpIfVersion(tx, batchId, version ?? batch.version, {
    status: 'submitted',
    submittedAt: at,
    submittedBy: actor.userId,
    decidedAt: null,
    updatedAt: at,
  });
  if (!guarded) throw stale(batchId);
  for (const line of fresh) {
    const recorded = await intake.record(tx, {
      personId: line.personId,
      channel: 'host_award',
      activity: await deps.valuer.activityFor(tx, project, line),
      initialStatus: 'submitted',
      chainSteps: [office],
      actor: { ...actor, orgId: batch.hostOrgId },
      sourceRef: `batch:${batchId}:line ${line.lineNo}`,
      projectId: project.id,
      batchId,
    });
    await repository.updateLine(tx, line.id, {
      claimId: recorded.claimId,
      claimYear: recorded.year,
      matched: recorded.matched,
      credits: recorded.credits,
      creditClass: recorded.class,
      packVersions: recorded.packVersions,
      valuationReasons: recorded.reasons,
    });
  }
  for (const line of returned) {
    await deps.claimReview.transitionInTx(tx, line.claimId ?? '', 'resubmit', actor, {
      ...(line.claimVersion !== null ? { expectedVersion: line.claimVersion } : {}),
    });
    await repository.updateLine(tx, line.id, { returnReason: null });
  }
  await deps.auditLog.record(
    {
      action: 'award.batch_submitted',
      actorUserId: actor.userId,
      actorUsername: actor.username,
      ip: actor.ip,
      targetType: 'award_batch',
      targetId: batchId,
      orgPath: batch.hostPath,
      details: {
        from: batch.status,
        to: 'submitted',
        newLines: fresh.length,
        resubmitted: returned.length,
      },
    },
    tx,
  );
}

async function cmeOfficeOf(deps: AwardsDeps, db: DbOrTx, project: ProjectView): Promise<string> {
  const office = await deps.orgs.findCmeOfficeInProvinceOf(project.hostPath, db);
  if (!office) {
    throw new AppError('invalid_state', 'The province has no CME office to review awards', {
      projectId: project.id,
    });
  }
  return office.id;
}
