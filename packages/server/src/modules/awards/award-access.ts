import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { ClaimActor } from '../credits/claim-lifecycle';
import type { AwardsDeps } from './award-deps';
import type { ProjectView } from '../projects/projects.service';
import type { BatchView } from './awards.repository';
import {
  canAwardFor,
  canEditBatch,
  canHostBatch,
  canReviewBatch,
  canSeeBatch,
} from './awards.policy';

const awardableProjectStatuses = ['filed', 'finished'];

export function claimActorOf(actor: Actor, ip: string): ClaimActor {
  return { userId: actor.userId, username: actor.username, ip };
}

export function stale(id: string): AppError {
  return new AppError('stale_state', 'The award batch was changed meanwhile; reload it', { id });
}

/** A project of the caller's own host org (award:manage), else 404. */
export async function hostProject(
  deps: AwardsDeps,
  actor: Actor,
  projectId: string,
): Promise<ProjectView> {
  return visibleOr404(await deps.projects.findAny(projectId, deps.db), canAwardFor, actor, {
    what: 'project',
    details: { id: projectId },
  });
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

/** A batch the caller hosts, or reviews once submitted; else 404. */
export async function visibleBatch(
  deps: AwardsDeps,
  actor: Actor,
  id: string,
  db: DbOrTx = deps.db,
): Promise<BatchView> {
  return visibleOr404(await deps.repository.findBatch(db, id), canSeeBatch, actor, {
    what: 'award batch',
    details: { id },
  });
}

/** A draft or returned batch of the caller's host; 404 for reviewers, 409 otherwise. */
export async function editableBatch(
  deps: AwardsDeps,
  actor: Actor,
  id: string,
  db: DbOrTx,
): Promise<BatchView> {
  // A reviewer sees the batch but is not its host: the same 404 as for anyone else.
  const batch = visibleOr404(await deps.repository.findBatch(db, id), canHostBatch, actor, {
    what: 'award batch',
    details: { id },
  });
  if (!canEditBatch(actor, batch)) {
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
  // The host sees its submitted batch but does not review it: a 404 like any other.
  const batch = visibleOr404(await deps.repository.findBatch(db, id), canReviewBatch, actor, {
    what: 'award batch',
    details: { id },
  });
  if (batch.submittedBy === actor.userId) {
    throw new AppError('forbidden', 'You cannot review a batch you submitted', { id });
  }
  return batch;
}
