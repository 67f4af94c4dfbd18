import {
  awardBatchStatuses,
  type AwardDashboard,
  type AwardBatch,
  type AwardBatchList,
  type AwardBatchListQuery,
  type AwardPerson,
} from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { hostProject, visibleBatch } from './award-access';
import type { AwardsDeps } from './award-deps';
import { toBatch, toBatchSummary } from './award-view';
import type { BatchView } from './awards.repository';
import {
  awardPeopleScope,
  batchListScopes,
  canEditBatch,
  canReviewBatch,
  isInProvinceOf,
} from './awards.policy';

/** One batch with its lines, and what the caller may do with it. */
export async function getBatch(
  deps: AwardsDeps,
  actor: Actor,
  id: string,
  db: DbOrTx = deps.db,
): Promise<AwardBatch> {
  const batch = await visibleBatch(deps, actor, id, db);
  const lines = await deps.repository.lines(db, id);
  return toBatch(batch, lines, {
    edit: canEditBatch(actor, batch),
    review:
      canReviewBatch(actor, batch) &&
      batch.submittedBy !== actor.userId &&
      lines.some((l) => l.claimStatus === 'submitted' && !l.matched),
  });
}

/** The host's batches (any status) and, for reviewers, the submitted ones of their province. */
export async function listBatches(
  deps: AwardsDeps,
  actor: Actor,
  query: AwardBatchListQuery,
): Promise<AwardBatchList> {
  const { repository, db } = deps;
  const statuses = query.status ? [query.status] : undefined;
  const filter = {
    ...(statuses ? { statuses } : {}),
    ...(query.projectId ? { projectId: query.projectId } : {}),
  };
  const { hostScope, reviewScope } = batchListScopes(actor);
  const found = new Map<string, BatchView>();
  if (hostScope.length > 0)
    for (const b of await repository.listBatches(db, { scope: hostScope, ...filter }))
      found.set(b.id, b);
  if (reviewScope.length > 0)
    for (const b of await repository.listBatches(db, {
      scope: reviewScope,
      excludeDrafts: true,
      ...filter,
    }))
      found.set(b.id, b);
  const batches = [...found.values()].sort(
    (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id),
  );
  const stats = await repository.lineStats(
    db,
    batches.map((b) => b.id),
  );
  return { items: batches.map((b) => toBatchSummary(b, stats.get(b.id))) };
}

/** 工作台: the batches the caller would list, counted per status (every status, zeros too). */
export async function batchDashboard(deps: AwardsDeps, actor: Actor): Promise<AwardDashboard> {
  const counts = new Map(
    (await deps.repository.countByStatus(deps.db, batchListScopes(actor))).map((r) => [
      r.status,
      r.count,
    ]),
  );
  const byStatus = awardBatchStatuses.map((status) => ({ status, count: counts.get(status) ?? 0 }));
  return { byStatus, total: byStatus.reduce((sum, s) => sum + s.count, 0) };
}

/** People of the project's province by part of the name or a full ID number (20 at most). */
export async function searchAwardPeople(
  deps: AwardsDeps,
  actor: Actor,
  projectId: string,
  q: string,
): Promise<AwardPerson[]> {
  const project = await hostProject(deps, actor, projectId);
  const scope = awardPeopleScope(project);
  const { people } = deps;
  const id = parseResidentId(q.toUpperCase(), deps.clock.now().toISOString().slice(0, 10));
  const found = id.ok
    ? [...(await people.findByIdNumbers([id.value.number], deps.db)).values()].filter((p) =>
        isInProvinceOf(project, p),
      )
    : await people.searchByName(scope, q, 20, deps.db);
  return found.map((p) => ({
    id: p.id,
    name: p.name,
    idNumberMasked: p.idNumberMasked,
    unitName: p.unitName,
  }));
}
