import type { AwardBatch } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { actorEvent } from '../audit-log/audit-log.service';
import { hostProject, requireAwardable } from './award-access';
import { getBatch } from './award-batch-queries';
import type { AwardsDeps } from './award-deps';

/** A draft batch (source `manual`) for a filed or finished project of the caller's host. */
export async function createBatch(
  deps: AwardsDeps,
  actor: Actor,
  projectId: string,
  ip: string,
): Promise<AwardBatch> {
  const project = await hostProject(deps, actor, projectId);
  requireAwardable(project);
  const id = await deps.db.transaction(async (tx) => {
    const batch = await deps.repository.insertBatch(tx, {
      projectId,
      hostOrgId: project.hostId,
      status: 'draft',
      source: 'manual',
      createdBy: actor.userId,
      createdAt: deps.clock.now(),
      updatedAt: deps.clock.now(),
    });
    await deps.auditLog.record(
      actorEvent(actor, 'award.batch_created', ip, {
        targetType: 'award_batch',
        targetId: batch.id,
        orgPath: project.hostPath,
        details: { projectNumber: project.number },
      }),
      tx,
    );
    return batch.id;
  });
  return getBatch(deps, actor, id);
}
