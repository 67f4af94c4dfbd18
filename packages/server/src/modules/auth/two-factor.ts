import type {
  Enrolment,
  SecondFactorProof,
  StartEnrolmentRequest,
  TwoFactorStatus,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { minute, type AuthContext, type RequestMeta } from './auth.deps';
import { canDisableTwoFactor, needsProofToEnrol } from './auth.policy';
import {
  otpauthUriOf,
  matchTotpStep,
  newRecoveryCodes,
  newTotpSecret,
  recoveryCodeHash,
} from './second-factor';
import { recordSignInFailure } from './sign-in-failure';
import { openSession } from './open-session';
import { usernameKeyOf } from './session-token';

/** An enrolment not confirmed within this long starts over. */
const pendingMinutes = 30;

export type SecondFactorCheck =
  | { ok: true; method: 'totp' }
  | { ok: true; method: 'recovery_code'; remaining: number }
  | { ok: false; field: 'code' | 'recoveryCode' };

export function invalidSecondFactor(field: 'code' | 'recoveryCode'): AppError {
  return new AppError(
    'invalid_second_factor',
    field === 'code'
      ? 'The code is wrong, expired or already used'
      : 'The recovery code is wrong or already used',
    undefined,
    [{ path: field, message: 'wrong, expired or already used' }],
  );
}

/**
 * Checks the app's code (each time step is good once) or uses up one recovery code, in the
 * caller's transaction. Both writes are single guarded statements: a replay racing the
 * first use loses.
 */
export async function checkSecondFactor(
  ctx: AuthContext,
  tx: DbOrTx,
  userId: string,
  proof: { code?: string | undefined; recoveryCode?: string | undefined },
): Promise<SecondFactorCheck> {
  const { clock, repository, config, totpCipher } = ctx;
  const now = clock.now();
  if (proof.recoveryCode !== undefined) {
    const hash = recoveryCodeHash(config.twoFactor.recoveryCodeKey, proof.recoveryCode);
    if (!(await repository.useRecoveryCode(tx, userId, hash, now)))
      return { ok: false, field: 'recoveryCode' };
    return {
      ok: true,
      method: 'recovery_code',
      remaining: await repository.countRecoveryCodesLeft(tx, userId),
    };
  }
  const totp = await repository.findTotp(tx, userId);
  if (proof.code === undefined || !totp?.confirmedAt || !totp.secretEncrypted)
    return { ok: false, field: 'code' };
  const step = matchTotpStep(totpCipher.decrypt(totp.secretEncrypted), proof.code, now);
  if (step === null || !(await repository.takeStep(tx, userId, step)))
    return { ok: false, field: 'code' };
  return { ok: true, method: 'totp' };
}

/**
 * A signed-in user proves the current second factor (re-enrolling, turning it off). A
 * wrong code counts toward the same lockout as a wrong password.
 */
async function requireProof(
  ctx: AuthContext,
  actor: Actor,
  proof: { code?: string | undefined; recoveryCode?: string | undefined },
  meta: RequestMeta,
): Promise<void> {
  const { db, auditLog } = ctx;
  const checked = await db.transaction(async (tx) => {
    const result = await checkSecondFactor(ctx, tx, actor.userId, proof);
    if (!result.ok)
      await recordSignInFailure(ctx, tx, {
        key: usernameKeyOf(actor.username),
        user: { id: actor.userId },
        ip: meta.ip,
        action: 'sign_in.second_factor_failed',
      });
    else if (result.method === 'recovery_code')
      await auditLog.record(
        actorEvent(actor, 'two_factor.recovery_code_used', meta.ip, {
          targetType: 'user',
          targetId: actor.userId,
          details: { remaining: result.remaining },
        }),
        tx,
      );
    return result;
  });
  if (!checked.ok) throw invalidSecondFactor(checked.field);
}

export async function twoFactorStatus(ctx: AuthContext, actor: Actor): Promise<TwoFactorStatus> {
  const totp = await ctx.repository.findTotp(ctx.db, actor.userId);
  const enrolled = totp?.confirmedAt != null;
  return {
    enrolled,
    required: actor.twoFactor.required,
    confirmedAt: totp?.confirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: enrolled
      ? await ctx.repository.countRecoveryCodesLeft(ctx.db, actor.userId)
      : 0,
  };
}

/** A new secret for the app, pending until its first code confirms it. */
export async function startEnrolment(
  ctx: AuthContext,
  actor: Actor,
  input: StartEnrolmentRequest,
  meta: RequestMeta,
): Promise<Enrolment> {
  const { db, clock, repository, auditLog, config, totpCipher } = ctx;
  if (needsProofToEnrol(actor)) {
    if (input.code === undefined && input.recoveryCode === undefined)
      throw invalidSecondFactor('code');
    await requireProof(ctx, actor, input, meta);
  }
  const secret = newTotpSecret();
  await db.transaction(async (tx) => {
    await repository.setPendingSecret(tx, actor.userId, totpCipher.encrypt(secret), clock.now());
    await auditLog.record(
      actorEvent(actor, 'two_factor.enrolment_started', meta.ip, {
        targetType: 'user',
        targetId: actor.userId,
      }),
      tx,
    );
  });
  return { secret, otpauthUri: otpauthUriOf(secret, config.twoFactor.issuer, actor.username) };
}

/**
 * The first code of the pending secret confirms it: recovery codes are made (shown once)
 * and the session rotates, every other session of the user ending, as a password change does.
 */
export async function confirmEnrolment(
  ctx: AuthContext,
  actor: Actor,
  input: { code: string },
  meta: RequestMeta,
): Promise<{ token: string; recoveryCodes: string[] }> {
  const { db, clock, repository, auditLog, config, totpCipher } = ctx;
  const now = clock.now();
  const totp = await repository.findTotp(db, actor.userId);
  if (
    !totp?.pendingSecretEncrypted ||
    !totp.pendingCreatedAt ||
    totp.pendingCreatedAt.getTime() + pendingMinutes * minute <= now.getTime()
  )
    throw new AppError('invalid_state', 'Start the enrolment first (or again: it has expired)');
  const step = matchTotpStep(totpCipher.decrypt(totp.pendingSecretEncrypted), input.code, now);
  if (step === null) {
    await auditLog.record(
      actorEvent(actor, 'two_factor.enrolment_failed', meta.ip, {
        targetType: 'user',
        targetId: actor.userId,
      }),
    );
    throw invalidSecondFactor('code');
  }
  const recoveryCodes = newRecoveryCodes();
  const hashes = recoveryCodes.map((c) => recoveryCodeHash(config.twoFactor.recoveryCodeKey, c));
  const token = await db.transaction(async (tx) => {
    await repository.confirmPendingSecret(tx, actor.userId, step, now);
    await repository.replaceRecoveryCodes(tx, actor.userId, hashes, now);
    await repository.revokeUserSessions(tx, actor.userId, now);
    const fresh = await openSession(ctx, tx, actor.userId, meta, undefined);
    await auditLog.record(
      actorEvent(actor, 'two_factor.enrolled', meta.ip, {
        targetType: 'user',
        targetId: actor.userId,
      }),
      tx,
    );
    return fresh;
  });
  ctx.sessions?.forgetUser(actor.userId);
  return { token, recoveryCodes };
}

/** Turns the second factor off: with proof of it, and only where no role requires it. */
export async function disableTwoFactor(
  ctx: AuthContext,
  actor: Actor,
  proof: SecondFactorProof,
  meta: RequestMeta,
): Promise<void> {
  const { db, repository, auditLog } = ctx;
  if (!actor.twoFactor.enrolled)
    throw new AppError('invalid_state', 'Two-factor sign-in is not on for this account');
  if (!canDisableTwoFactor(actor))
    throw new AppError(
      'forbidden',
      'Your role requires two-factor sign-in: it cannot be turned off',
    );
  await requireProof(ctx, actor, proof, meta);
  await db.transaction(async (tx) => {
    await repository.deleteTotp(tx, actor.userId);
    await auditLog.record(
      actorEvent(actor, 'two_factor.disabled', meta.ip, {
        targetType: 'user',
        targetId: actor.userId,
      }),
      tx,
    );
  });
  ctx.sessions?.forgetUser(actor.userId);
}
