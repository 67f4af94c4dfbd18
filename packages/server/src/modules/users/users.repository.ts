import { and, eq, sql } from 'drizzle-orm';
import { sessions } from '../../platform/db/tables/auth';
import type { OrgKind, Role } from '@jijiao/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { NewUser, UserRow } from '../../platform/db/tables/users';
import type { Grant } from '../../platform/auth/actor';
import { orgs } from '../../platform/db/tables/orgs';
import { userRoles, users } from '../../platform/db/tables/users';

export type { NewUser, UserRow } from '../../platform/db/tables/users';

export class UsersRepository {
  async findByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.username, username)).limit(1);
    return rows[0];
  }

  async findById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    const rows = await db.select().from(users).where(eq(users.id, id)).limit(1);
    return rows[0];
  }

  async grantsOf(db: DbOrTx, userId: string): Promise<Grant[]> {
    const rows = await db
      .select({
        role: userRoles.role,
        orgId: orgs.id,
        orgPath: orgs.path,
        orgName: orgs.name,
        orgKind: orgs.kind,
      })
      .from(userRoles)
      .innerJoin(orgs, eq(orgs.id, userRoles.orgId))
      .where(eq(userRoles.userId, userId))
      .orderBy(orgs.depth, userRoles.role);
    return rows.map((r) => ({ ...r, role: r.role as Role, orgKind: r.orgKind as OrgKind }));
  }

  async insert(db: DbOrTx, user: NewUser): Promise<UserRow> {
    const rows = await db.insert(users).values(user).returning();
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return row;
  }

  async addRole(db: DbOrTx, userId: string, role: Role, orgId: string): Promise<void> {
    await db.insert(userRoles).values({ userId, role, orgId }).onConflictDoNothing();
  }

  async setPassword(db: DbOrTx, userId: string, passwordHash: string, at: Date): Promise<void> {
    await db
      .update(users)
      .set({ passwordHash, mustChangePassword: false, passwordChangedAt: at })
      .where(eq(users.id, userId));
  }

  /** A password someone else chose: usable once, then it must be changed. Ends every session. */
  async setInitialPassword(
    db: DbOrTx,
    userId: string,
    passwordHash: string,
    at: Date,
  ): Promise<void> {
    await db
      .update(users)
      .set({ passwordHash, mustChangePassword: true, passwordChangedAt: at })
      .where(eq(users.id, userId));
    await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.userId, userId), sql`${sessions.revokedAt} is null`));
  }

  async moveRole(
    db: DbOrTx,
    userId: string,
    role: string,
    fromOrgId: string,
    toOrgId: string,
  ): Promise<void> {
    await db
      .update(userRoles)
      .set({ orgId: toOrgId })
      .where(
        and(eq(userRoles.userId, userId), eq(userRoles.role, role), eq(userRoles.orgId, fromOrgId)),
      );
  }

  async count(db: DbOrTx): Promise<number> {
    const rows = await db.select({ n: sql<number>`count(*)::int` }).from(users);
    return rows[0]?.n ?? 0;
  }
}
