import type { SecondFactorSignInRequest } from '@jijiao/contracts';
import { AppError } from '../../platform/errors/app-error';
import type { UserRow } from '../../platform/db/tables/users';
import { minute, type AuthContext, type RequestMeta } from './auth.deps';
import { lockedError, recordSignInFailure } from './sign-in-failure';
import { checkSecondFactor, invalidSecondFactor } from './two-factor';
import { newToken, sessionIdOf, usernameKeyOf } from './session-token';
import { openSession } from './open-session';

/** How long the second step of a sign-in may wait for its code. */
const challengeMinutes = 5;

export type SignInStep =
  | { kind: 'session'; token: string }
  | { kind: 'second_factor'; challengeToken: string; expiresAt: Date };

/** Verifying against a throw-away hash keeps unknown names as slow as known ones. */
let dummyHash: Promise<string> | undefined;

/**
 * The password step. A correct password opens a session, unless the account has an
 * authenticator app: then a short-lived challenge, and the failures counted for the name
 * stay until the second step succeeds (a known password must not reset the lockout).
 */
export async function signInWithPassword(
  ctx: AuthContext,
  input: { username: string; password: string },
  meta: RequestMeta,
  previousToken: string | undefined,
): Promise<SignInStep> {
  const { db, clock, repository, users, auditLog, hasher } = ctx;
  const key = usernameKeyOf(input.username);
  const now = clock.now();
  const attempt = await repository.findAttempt(db, key);
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    await auditLog.record({ action: 'sign_in.refused_locked', actorUsername: key, ip: meta.ip });
    throw lockedError(attempt.lockedUntil);
  }
  const user = await users.findByUsername(db, key);
  dummyHash ??= hasher.hash('unknown-user-placeholder-Aa1!');
  const valid = await hasher.verify(user?.passwordHash ?? (await dummyHash), input.password);
  if (!user || !valid || user.disabledAt) {
    // The failure that locks still answers 401; every attempt after it answers 423.
    await db.transaction((tx) =>
      recordSignInFailure(ctx, tx, { key, user, ip: meta.ip, action: 'sign_in.failed' }),
    );
    throw new AppError('invalid_credentials', 'Wrong username or password');
  }
  const totp = await repository.findTotp(db, user.id);
  if (totp?.confirmedAt) {
    const challengeToken = newToken();
    const expiresAt = new Date(now.getTime() + challengeMinutes * minute);
    await db.transaction(async (tx) => {
      await repository.deleteChallenges(tx, user.id);
      await repository.insertChallenge(tx, {
        id: sessionIdOf(challengeToken),
        userId: user.id,
        usernameKey: key,
        createdAt: now,
        expiresAt,
      });
    });
    return { kind: 'second_factor', challengeToken, expiresAt };
  }
  return { kind: 'session', token: await completeSignIn(ctx, user, key, meta, previousToken) };
}

/** The second step: the challenge of a correct password and the app's code (or a recovery code). */
export async function signInWithSecondFactor(
  ctx: AuthContext,
  input: SecondFactorSignInRequest,
  meta: RequestMeta,
  previousToken: string | undefined,
): Promise<string> {
  const { db, clock, repository, users, auditLog } = ctx;
  const now = clock.now();
  const challenge = await repository.findChallenge(db, sessionIdOf(input.challengeToken));
  const user = challenge ? await users.findById(db, challenge.userId) : undefined;
  if (!challenge || challenge.expiresAt <= now || !user || user.disabledAt)
    throw new AppError(
      'second_factor_expired',
      'The sign-in has expired or was already used: give the password again',
    );
  const attempt = await repository.findAttempt(db, challenge.usernameKey);
  if (attempt?.lockedUntil && attempt.lockedUntil > now) {
    await auditLog.record({
      action: 'sign_in.refused_locked',
      actorUserId: user.id,
      actorUsername: challenge.usernameKey,
      ip: meta.ip,
    });
    throw lockedError(attempt.lockedUntil);
  }
  const outcome = await db.transaction(async (tx) => {
    const checked = await checkSecondFactor(ctx, tx, user.id, input);
    if (!checked.ok)
      await recordSignInFailure(ctx, tx, {
        key: challenge.usernameKey,
        user,
        ip: meta.ip,
        action: 'sign_in.second_factor_failed',
      });
    else if (checked.method === 'recovery_code')
      await auditLog.record(
        {
          action: 'two_factor.recovery_code_used',
          actorUserId: user.id,
          actorUsername: challenge.usernameKey,
          ip: meta.ip,
          targetType: 'user',
          targetId: user.id,
          details: { remaining: checked.remaining },
        },
        tx,
      );
    return checked;
  });
  if (!outcome.ok) throw invalidSecondFactor(outcome.field);
  return completeSignIn(ctx, user, challenge.usernameKey, meta, previousToken);
}

async function completeSignIn(
  ctx: AuthContext,
  user: UserRow,
  key: string,
  meta: RequestMeta,
  previousToken: string | undefined,
): Promise<string> {
  const { db, repository, users, auditLog } = ctx;
  return db.transaction(async (tx) => {
    await repository.clearAttempts(tx, key);
    await repository.deleteChallenges(tx, user.id);
    const token = await openSession(ctx, tx, user.id, meta, previousToken);
    const orgPath = (await users.grantsOf(tx, user.id))[0]?.orgPath ?? null;
    await auditLog.record(
      {
        action: 'sign_in.succeeded',
        actorUserId: user.id,
        actorUsername: key,
        ip: meta.ip,
        orgPath,
      },
      tx,
    );
    return token;
  });
}
