import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database';
import { preparedOn } from '../../platform/db/prepared';
import { users } from '../../platform/db/tables/users';
import { grantsJsonSql } from '../users/user-grants';
import { loginAttempts, sessions } from '../../platform/db/tables/auth';

export type SessionRow = typeof sessions.$inferSelect;
export type LoginAttemptRow = typeof loginAttempts.$inferSelect;

/** A prepared statement (see `preparedOn`): it runs on every signed-in request. */
const sessionWithUser = preparedOn((db: Db) =>
  db
    .select({
      session: sessions,
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        mustChangePassword: users.mustChangePassword,
        disabledAt: users.disabledAt,
      },
      grants: grantsJsonSql(),
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('auth_session_with_user'),
);

export class AuthRepository {
  async findAttempt(db: DbOrTx, usernameKey: string): Promise<LoginAttemptRow | undefined> {
    const rows = await db
      .select()
      .from(loginAttempts)
      .where(eq(loginAttempts.usernameKey, usernameKey));
    return rows[0];
  }

  /**
   * Counts one more failure, starting afresh when the last one is older than `windowStart`,
   * and returns the new count. One statement, so concurrent failures all count.
   */
  async recordFailure(
    db: DbOrTx,
    usernameKey: string,
    at: Date,
    windowStart: Date,
  ): Promise<number> {
    const rows = await db
      .insert(loginAttempts)
      .values({ usernameKey, failedCount: 1, lastFailedAt: at })
      .onConflictDoUpdate({
        target: loginAttempts.usernameKey,
        set: {
          failedCount: sql`case when ${loginAttempts.lastFailedAt} < ${windowStart.toISOString()}::timestamptz then 1 else ${loginAttempts.failedCount} + 1 end`,
          lastFailedAt: at,
        },
      })
      .returning({ failedCount: loginAttempts.failedCount });
    return rows[0]?.failedCount ?? 1;
  }

  async lock(db: DbOrTx, usernameKey: string, until: Date): Promise<void> {
    await db
      .update(loginAttempts)
      .set({ lockedUntil: until, failedCount: 0 })
      .where(eq(loginAttempts.usernameKey, usernameKey));
  }

  async clearAttempts(db: DbOrTx, usernameKey: string): Promise<void> {
    await db.delete(loginAttempts).where(eq(loginAttempts.usernameKey, usernameKey));
  }

  async insertSession(db: DbOrTx, row: typeof sessions.$inferInsert): Promise<void> {
    await db.insert(sessions).values(row);
  }

  /** The session with its user, in one round trip: this runs on every signed-in request. */
  async findSessionWithUser(db: Db, id: string) {
    const rows = await sessionWithUser(db).execute({ id });
    return rows[0];
  }

  async touchSession(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
  }

  async revokeSession(db: DbOrTx, id: string, at: Date): Promise<void> {
    await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.id, id), isNull(sessions.revokedAt)));
  }

  /** Ends every session of a user (a password change: the caller gets a fresh one). */
  async revokeUserSessions(db: DbOrTx, userId: string, at: Date): Promise<void> {
    await db
      .update(sessions)
      .set({ revokedAt: at })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
  }
}
