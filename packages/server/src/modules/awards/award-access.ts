import type { Actor } from '../../platform/auth/actor';
import { isWithinScope, scopeOf } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { ClaimActor } from '../credits/claim-lifecycle';
import type { AwardsDeps } from './award-deps';
import type { ProjectView } from '../projects/projects.service';
import type { BatchView } from './awards.repository';

const awardableProjectStatuses = ['filed', 'finished'];

export function claimActorOf(actor: Actor, ip: string): ClaimActor {
  return { userId: actor.userId, username: actor.username, ip };
}

export function stale(id: string): AppError {
  return new AppError('stale_state', 'The award batch was changed meanwhile; reload it', { id });
}

/** The first segment of a materialised path: the province's subtree. */
export function provincePathOf(path: string): string {
  const root = path.split('/').filter(Boolean)[0] ?? '';
  return `/${root}/`;
}

/** A project of the caller's own host org (award:manage), else 404. */
export async function hostProject(
  deps: AwardsDeps,
  actor: Actor,
  projectId: string,
): Promise<ProjectView> {
  const project = await deps.projects.findAny(projectId, deps.db);
  if (!project || !isWithinScope(scopeOf(actor, 'award:manage'), project.hostPath)) {
    throw new AppError('not_found', 'No such project', { id: projectId });
  }
  return project;
}

/** The batch's project, which it cannot have lost (projects are never deleted). */
export async function projectOfBatch(
  deps: AwardsDeps,
  db: DbOrTx,
  batch: BatchView,
): Promise<ProjectView> {
  const project = await deps.projects.findAny(batch.projectId, db);
  if (!project) throw new Error(`batch ${batch.id} lost its project`);
  return project;
}

export function requireAwardable(project: ProjectView): void {
  if (!awardableProjectStatuses.includes(project.status)) {
    throw new AppError(
      'invalid_state',
      'Credits can be awarded only for a filed or finished project',
      {
        projectId: project.id,
        status: project.status,
      },
    );
  }
}

function isHost(actor: Actor, batch: BatchView): boolean {
  return isWithinScope(scopeOf(actor, 'award:manage'), batch.hostPath);
}

export function isReviewer(actor: Actor, batch: BatchView): boolean {
  return (
    batch.status !== 'draft' &&
    isWithinScope(scopeOf(actor, 'award:review'), provincePathOf(batch.hostPath))
  );
}

export function canEdit(actor: Actor, batch: BatchView): boolean {
  return isHost(actor, batch) && (batch.status === 'draft' || batch.status === 'returned');
}

/** A batch the caller hosts, or reviews once submitted; else 404. */
export async function visibleBatch(
  deps: AwardsDeps,
  actor: Actor,
  id: string,
  db: DbOrTx = deps.db,
): Promise<BatchView> {
  const batch = await deps.repository.findBatch(db, id);
  if (!batch || !(isHost(actor, batch) || isReviewer(actor, batch))) {
    throw new AppError('not_found', 'No such award batch', { id });
  }
  return batch;
}

/** A draft or returned batch of the caller's host; 404 for reviewers, 409 otherwise. */
export async function editableBatch(
  deps: AwardsDeps,
  actor: Actor,
  id: string,
  db: DbOrTx,
): Promise<BatchView> {
  const batch = await visibleBatch(deps, actor, id, db);
  if (!isHost(actor, batch)) throw new AppError('not_found', 'No such award batch', { id });
  if (!canEdit(actor, batch)) {
    throw new AppError('invalid_state', `The batch is ${batch.status}: it cannot be changed`, {
      id,
      status: batch.status,
    });
  }
  return batch;
}

/** A submitted batch of the caller's province that someone else submitted; else 404 or 403. */
export async function reviewableBatch(
  deps: AwardsDeps,
  actor: Actor,
  id: string,
  db: DbOrTx,
): Promise<BatchView> {
  const batch = await visibleBatch(deps, actor, id, db);
  if (!isReviewer(actor, batch)) throw new AppError('not_found', 'No such award batch', { id });
  if (batch.submittedBy === actor.userId) {
    throw new AppError('forbidden', 'You cannot review a batch you submitted', { id });
  }
  return batch;
}
