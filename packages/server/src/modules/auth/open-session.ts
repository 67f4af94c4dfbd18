import type { DbOrTx } from '../../platform/db/database';
import { minute, type AuthContext, type RequestMeta } from './auth.deps';
import { newToken, sessionIdOf } from './session-token';

/** A new session for the user (ending the one the browser held before), in the caller's tx. */
export async function openSession(
  ctx: AuthContext,
  tx: DbOrTx,
  userId: string,
  meta: RequestMeta,
  previousToken: string | undefined,
): Promise<string> {
  const { clock, config, repository, sessions } = ctx;
  const now = clock.now();
  // Rotation: whatever session the browser held before is ended, never reused.
  if (previousToken) {
    await repository.revokeSession(tx, sessionIdOf(previousToken), now);
    sessions?.forgetSession(sessionIdOf(previousToken));
  }
  const token = newToken();
  await repository.insertSession(tx, {
    id: sessionIdOf(token),
    userId,
    csrfToken: newToken(),
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + config.session.absoluteHours * 60 * minute),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 512) ?? null,
  });
  return token;
}
