import type { AuditAction } from '@jijiao/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { UserRow } from '../../platform/db/tables/users';
import { minute, type AuthContext } from './auth.deps';

/**
 * Counts one failed sign-in for the name, wrong password and wrong second factor alike (one
 * lockout counter), and locks the name when the count reaches the limit. Returns whether
 * it locked. The caller's transaction must commit before it answers the failure.
 */
export async function recordSignInFailure(
  ctx: AuthContext,
  tx: DbOrTx,
  failure: {
    key: string;
    user: Pick<UserRow, 'id'> | undefined;
    ip: string;
    action: Extract<AuditAction, 'sign_in.failed' | 'sign_in.second_factor_failed'>;
  },
): Promise<boolean> {
  const { clock, config, repository, users, auditLog } = ctx;
  const { key, user, ip, action } = failure;
  const now = clock.now();
  const windowStart = new Date(now.getTime() - config.login.lockMinutes * minute);
  const failures = await repository.recordFailure(tx, key, now, windowStart);
  ctx.onSignInFailed?.(action === 'sign_in.failed' ? 'password' : 'second_factor');
  const orgPath = user ? ((await users.grantsOf(tx, user.id))[0]?.orgPath ?? null) : null;
  await auditLog.record(
    { action, actorUserId: user?.id, actorUsername: key, ip, orgPath, details: { failures } },
    tx,
  );
  if (failures < config.login.maxFailures) return false;
  const until = new Date(now.getTime() + config.login.lockMinutes * minute);
  await repository.lock(tx, key, until);
  // A pending second step dies with the lock: the password must be given again after it.
  if (user) await repository.deleteChallenges(tx, user.id);
  await auditLog.record(
    {
      action: 'account.locked',
      actorUserId: user?.id,
      actorUsername: key,
      ip,
      orgPath,
      details: { until: until.toISOString() },
    },
    tx,
  );
  return true;
}

export function lockedError(until: Date): AppError {
  return new AppError(
    'account_locked',
    'Too many failed sign-ins: the account is locked for a while',
    {
      lockedUntil: until.toISOString(),
    },
  );
}
