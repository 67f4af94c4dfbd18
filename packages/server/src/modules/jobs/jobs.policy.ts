import type { Actor } from '../../platform/auth/actor';
import type { Policy } from '../../platform/auth/policy';

/**
 * A job is its owner's: the upload, its progress and its report (which names rows of
 * people's files) are seen by whoever queued it, the way the synchronous import's answer
 * went only to the request that sent the file.
 */
export const canReadJob: Policy<Actor, { ownerId: string }> = (actor, job) =>
  job.ownerId === actor.userId;
