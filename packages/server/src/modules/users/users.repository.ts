import { and, eq, sql, type SQL } from 'drizzle-orm';
import { sessions } from '../../platform/db/tables/auth';
import type { OrgKind, Role } from '@jijiao/contracts';
import type { DbOrTx } from '../../platform/db/database';
import type { Grant } from '../../platform/auth/actor';
import { orgs } from '../../platform/db/tables/orgs';
import { userRoles, users } from '../../platform/db/tables/users';

export type UserRow = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;

/**
 * The grants of the `users` row of the enclosing query as one json column, for a query
 * that reads the user anyway (the session lookup of every request): same rows and order
 * as `UsersRepository.grantsOf`. Written `"users".id`, not a column interpolation: drizzle
 * leaves a column unqualified in a one-table select, where it would bind to `orgs.id`.
 */
export function grantsJsonSql(): SQL<GrantJson[]> {
  return sql<GrantJson[]>`coalesce((
    select json_agg(json_build_object('role', ur.role, 'orgId', o.id, 'orgPath', o.path,
        'orgName', o.name, 'orgKind', o.kind) order by o.depth, ur.role)
    from ${userRoles} ur join ${orgs} o on o.id = ur.org_id
    where ur.user_id = ${users}.id), '[]'::json)`;
}

interface GrantJson {
  role: string;
  orgId: string;
  orgPath: string;
  orgName: string;
  orgKind: string;
}

export function grantsFromJson(rows: readonly GrantJson[]): Grant[] {
  return rows.map((r) => ({ ...r, role: r.role as Role, orgKind: r.orgKind as OrgKind }));
}

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
