import { and, count, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../platform/db/database';
import { preparedOn } from '../../platform/db/prepared';
import { users } from '../../platform/db/tables/users';
import { grantsJsonSql } from '../users/user-grants';
import {
  loginAttempts,
  sessions,
  signInChallenges,
  userRecoveryCodes,
  userTotp,
} from '../../platform/db/tables/auth';

export type SessionRow = typeof sessions.$inferSelect;
export type LoginAttemptRow = typeof loginAttempts.$inferSelect;
export type TotpRow = typeof userTotp.$inferSelect;
export type ChallengeRow = typeof signInChallenges.$inferSelect;

/** Whether the user has a confirmed authenticator app (one round trip with the session). */
const twoFactorEnrolledSql = sql<boolean>`exists (select 1 from ${userTotp} where ${userTotp.userId} = ${users.id} and ${userTotp.confirmedAt} is not null)`;

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
        twoFactorEnrolled: twoFactorEnrolledSql,
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

  async findTotp(db: DbOrTx, userId: string): Promise<TotpRow | undefined> {
    const rows = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
    return rows[0];
  }

  /** A new secret waits for its first code; a confirmed one keeps working meanwhile. */
  async setPendingSecret(db: DbOrTx, userId: string, encrypted: string, at: Date): Promise<void> {
    await db
      .insert(userTotp)
      .values({ userId, pendingSecretEncrypted: encrypted, pendingCreatedAt: at })
      .onConflictDoUpdate({
        target: userTotp.userId,
        set: { pendingSecretEncrypted: encrypted, pendingCreatedAt: at },
      });
  }

  /** The pending secret becomes the one, its first code's step the last used. */
  async confirmPendingSecret(db: DbOrTx, userId: string, step: number, at: Date): Promise<void> {
    await db
      .update(userTotp)
      .set({
        secretEncrypted: sql`${userTotp.pendingSecretEncrypted}`,
        confirmedAt: at,
        lastUsedStep: step,
        pendingSecretEncrypted: null,
        pendingCreatedAt: null,
      })
      .where(and(eq(userTotp.userId, userId), isNotNull(userTotp.pendingSecretEncrypted)));
  }

  /**
   * Takes the time step of an accepted code, only if no code of that step or a later one
   * was accepted before: false means a replay. One statement, so two requests racing with
   * the same code cannot both win.
   */
  async takeStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
    const rows = await db
      .update(userTotp)
      .set({ lastUsedStep: step })
      .where(
        and(
          eq(userTotp.userId, userId),
          or(isNull(userTotp.lastUsedStep), lt(userTotp.lastUsedStep, step)),
        ),
      )
      .returning({ userId: userTotp.userId });
    return rows.length === 1;
  }

  async deleteTotp(db: DbOrTx, userId: string): Promise<void> {
    await db.delete(userTotp).where(eq(userTotp.userId, userId));
    await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
  }

  async replaceRecoveryCodes(
    db: DbOrTx,
    userId: string,
    codeHashes: readonly string[],
    at: Date,
  ): Promise<void> {
    await db.delete(userRecoveryCodes).where(eq(userRecoveryCodes.userId, userId));
    await db
      .insert(userRecoveryCodes)
      .values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
  }

  /** Marks an unused recovery code used; false when there is none such (or it was used). */
  async useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, at: Date): Promise<boolean> {
    const rows = await db
      .update(userRecoveryCodes)
      .set({ usedAt: at })
      .where(
        and(
          eq(userRecoveryCodes.userId, userId),
          eq(userRecoveryCodes.codeHash, codeHash),
          isNull(userRecoveryCodes.usedAt),
        ),
      )
      .returning({ userId: userRecoveryCodes.userId });
    return rows.length === 1;
  }

  async countRecoveryCodesLeft(db: DbOrTx, userId: string): Promise<number> {
    const rows = await db
      .select({ n: count() })
      .from(userRecoveryCodes)
      .where(and(eq(userRecoveryCodes.userId, userId), isNull(userRecoveryCodes.usedAt)));
    return rows[0]?.n ?? 0;
  }

  async insertChallenge(db: DbOrTx, row: ChallengeRow): Promise<void> {
    await db.insert(signInChallenges).values(row);
  }

  async findChallenge(db: DbOrTx, id: string): Promise<ChallengeRow | undefined> {
    const rows = await db.select().from(signInChallenges).where(eq(signInChallenges.id, id));
    return rows[0];
  }

  /** Ends every pending challenge of a user (a sign-in completed, a lock, a new one). */
  async deleteChallenges(db: DbOrTx, userId: string): Promise<void> {
    await db.delete(signInChallenges).where(eq(signInChallenges.userId, userId));
  }
}
