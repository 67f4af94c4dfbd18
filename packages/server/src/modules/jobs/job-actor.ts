import { z } from 'zod';
import { orgKinds, permissionsOf, roles } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';

/** What a job keeps of its owner: who they are and the grants they held when it was queued. */
export const jobActorSchema = z.object({
  userId: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  grants: z.array(
    z.object({
      role: z.enum(roles),
      orgId: z.uuid(),
      orgPath: z.string(),
      orgName: z.string(),
      orgKind: z.enum(orgKinds),
    }),
  ),
});
export type JobActor = z.infer<typeof jobActorSchema>;

export function jobActorOf(actor: Actor): JobActor {
  const { userId, username, displayName, grants } = actor;
  return { userId, username, displayName, grants };
}

/**
 * The actor a job runs as: its owner with the grants of the request that queued it, as a
 * request still in flight would act (a job is that request, finished later).
 */
export function actorOfJob(jobId: string, stored: unknown): Actor {
  const owner = jobActorSchema.parse(stored);
  const never = new Date(8.64e15);
  return {
    ...owner,
    sessionId: `job:${jobId}`,
    csrfToken: '',
    mustChangePassword: false,
    twoFactor: { enrolled: false, required: false },
    permissions: new Set(permissionsOf(owner.grants.map((g) => g.role))),
    idleExpiresAt: never,
    absoluteExpiresAt: never,
  };
}
