import { permissions } from '@jijiao/contracts';
import { isNull } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { orgs } from '../../platform/db/tables/orgs';
import type { OrgKind } from '@jijiao/contracts';

/** The CLI actor's user id: no account has it (nothing can be owned by it). */
export const systemUserId = '00000000-0000-0000-0000-000000000000';

/** Whether the actor is an operator's CLI command rather than a signed-in user. */
export function isSystemActor(actor: Pick<Actor, 'userId'>): boolean {
  return actor.userId === systemUserId;
}

/**
 * The actor of an operator's CLI command: whoever can run `jijiao` on the server already
 * holds the database. It acts as province and system admin at every root of the tree.
 */
export async function systemActor(db: DbOrTx): Promise<Actor> {
  const roots = await db.select().from(orgs).where(isNull(orgs.parentId));
  const never = new Date(8.64e15);
  return {
    userId: systemUserId,
    username: 'cli',
    displayName: 'jijiao CLI',
    sessionId: 'cli',
    csrfToken: '',
    mustChangePassword: false,
    twoFactor: { enrolled: false, required: false },
    grants: roots.flatMap((r) =>
      (['province_admin', 'system_admin', 'host_admin', 'unit_admin'] as const).map((role) => ({
        role,
        orgId: r.id,
        orgPath: r.path,
        orgName: r.name,
        orgKind: r.kind as OrgKind,
      })),
    ),
    permissions: new Set(permissions),
    idleExpiresAt: never,
    absoluteExpiresAt: never,
  };
}
