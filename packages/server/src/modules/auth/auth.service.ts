import type {
  ConfirmedEnrolment,
  Enrolment,
  Me,
  SecondFactorChallenge,
  SecondFactorProof,
  SecondFactorSignInRequest,
  StartEnrolmentRequest,
  TwoFactorStatus,
} from '@jijiao/contracts';
import { permissionsOf } from '@jijiao/contracts';
import { checkPasswordPolicy } from '@jijiao/domain';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { FieldCipher } from '../../platform/crypto/field-cipher';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { UserRow } from '../../platform/db/tables/users';
import { grantsFromJson } from '../users/user-grants';
import { minute, type AuthContext, type AuthDeps, type RequestMeta } from './auth.deps';
import { isTwoFactorRequired } from './auth.policy';
import { openSession } from './open-session';
import { signInWithPassword, signInWithSecondFactor } from './sign-in';
import { sessionIdOf, usernameKeyOf } from './session-token';
import { confirmEnrolment, disableTwoFactor, startEnrolment, twoFactorStatus } from './two-factor';

export type { RequestMeta, ResolvedSession } from './auth.deps';

/** Refresh `last_seen_at` at most this often: the idle timeout is 30 minutes, not 30 seconds. */
const touchIntervalMs = 15_000;

/**
 * Sign-in (password, then the second factor where there is one), sessions, lockout,
 * password changes and two-factor enrolment. Owns its transactions; the use cases are in
 * sign-in.ts and two-factor.ts.
 */
export class AuthService {
  readonly #ctx: AuthContext;

  constructor(deps: AuthDeps) {
    this.#ctx = { ...deps, totpCipher: new FieldCipher(deps.config.twoFactor.secretKey) };
  }

  /**
   * A correct password opens a session, or, when the account has an authenticator app,
   * answers a challenge for the second step.
   */
  async signIn(
    input: { username: string; password: string },
    meta: RequestMeta,
    previousToken?: string,
  ): Promise<{ token: string; me: Me } | { challenge: SecondFactorChallenge }> {
    const step = await signInWithPassword(this.#ctx, input, meta, previousToken);
    if (step.kind === 'second_factor')
      return {
        challenge: {
          secondFactorRequired: true,
          challengeToken: step.challengeToken,
          expiresAt: step.expiresAt.toISOString(),
        },
      };
    return { token: step.token, me: await this.#meOf(step.token, meta) };
  }

  async signInSecondFactor(
    input: SecondFactorSignInRequest,
    meta: RequestMeta,
    previousToken?: string,
  ): Promise<{ token: string; me: Me }> {
    const token = await signInWithSecondFactor(this.#ctx, input, meta, previousToken);
    return { token, me: await this.#meOf(token, meta) };
  }

  async #meOf(token: string, meta: RequestMeta): Promise<Me> {
    const actor = await this.authenticate(token, meta);
    if (!actor) throw new AppError('internal', 'Session vanished after sign-in');
    return toMe(actor);
  }

  /** Resolves a session cookie to its actor, or null when absent, revoked or expired. */
  async authenticate(token: string, _meta: RequestMeta): Promise<Actor | null> {
    const { db, clock, config, repository, sessions } = this.#ctx;
    const now = clock.now();
    const id = sessionIdOf(token);
    let resolved = sessions?.get(id, now.getTime());
    if (!resolved) {
      const found = await repository.findSessionWithUser(db, id);
      if (!found || found.session.revokedAt || found.user.disabledAt) return null;
      // The grants came with the session (one round trip per request, not two).
      const grants = grantsFromJson(found.grants);
      resolved = {
        session: found.session,
        user: found.user,
        grants,
        permissions: new Set(permissionsOf(grants.map((g) => g.role))),
      };
      sessions?.set(id, found.user.id, resolved, now.getTime());
    }
    const { session, user, grants, permissions } = resolved;
    const idleExpiresAt = new Date(
      session.lastSeenAt.getTime() + config.session.idleMinutes * minute,
    );
    if (session.expiresAt <= now || idleExpiresAt <= now) {
      sessions?.forgetSession(id);
      return null;
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs) {
      await repository.touchSession(db, session.id, now);
      resolved.session = { ...session, lastSeenAt: now };
    }
    return {
      userId: user.id,
      username: user.username,
      displayName: user.displayName,
      sessionId: session.id,
      csrfToken: session.csrfToken,
      mustChangePassword: user.mustChangePassword,
      twoFactor: {
        enrolled: user.twoFactorEnrolled,
        required: isTwoFactorRequired(
          grants.map((g) => g.role),
          config.twoFactor.requiredRoles,
        ),
      },
      grants,
      permissions,
      idleExpiresAt: new Date(now.getTime() + config.session.idleMinutes * minute),
      absoluteExpiresAt: session.expiresAt,
    };
  }

  async signOut(actor: Actor, meta: RequestMeta): Promise<void> {
    const { db, clock, repository, auditLog } = this.#ctx;
    await db.transaction(async (tx) => {
      await repository.revokeSession(tx, actor.sessionId, clock.now());
      this.#ctx.sessions?.forgetSession(actor.sessionId);
      await auditLog.record(actorEvent(actor, 'sign_out', meta.ip), tx);
    });
  }

  /** Lifts a sign-in lock (the failures counted for the name), in the caller's transaction. */
  async clearSignInLock(tx: DbOrTx, username: string): Promise<void> {
    await this.#ctx.repository.clearAttempts(tx, usernameKeyOf(username));
  }

  /**
   * Turns another user's second factor off (they lost their phone and their recovery
   * codes), in the caller's transaction: the app's secret and the recovery codes go, and
   * every session of the user ends. Where their role requires it, their next sign-in
   * enrols a new app. False when the user had none.
   */
  async resetTwoFactor(tx: DbOrTx, userId: string): Promise<boolean> {
    const { repository, clock } = this.#ctx;
    if (!(await repository.findTotp(tx, userId))) return false;
    await repository.deleteTotp(tx, userId);
    await repository.revokeUserSessions(tx, userId, clock.now());
    return true;
  }

  /** Drops what this process remembers of the user's sessions (after `resetTwoFactor`). */
  forgetUser(userId: string): void {
    this.#ctx.sessions?.forgetUser(userId);
  }

  /**
   * Changes the own password and rotates the session: every session of the user ends,
   * the one asking included, and the caller gets a fresh token (and CSRF token), so a
   * token seen before the change is worth nothing after it.
   */
  async changePassword(
    actor: Actor,
    input: { currentPassword: string; newPassword: string },
    meta: RequestMeta,
  ): Promise<{ token: string; me: Me }> {
    const { db, clock, hasher, repository, users, auditLog } = this.#ctx;
    const user: UserRow | undefined = await users.findById(db, actor.userId);
    if (!user || !(await hasher.verify(user.passwordHash, input.currentPassword))) {
      throw new AppError('invalid_credentials', 'The current password is wrong');
    }
    const problems = checkPasswordPolicy(input.newPassword, {
      username: user.username,
      currentPassword: input.currentPassword,
    });
    if (problems.length > 0) {
      throw new AppError(
        'password_policy',
        `The new password does not meet the policy: ${problems.join(', ')}`,
        { problems },
        [{ path: 'newPassword', message: problems.join(', ') }],
      );
    }
    const passwordHash = await hasher.hash(input.newPassword);
    const now = clock.now();
    const token = await db.transaction(async (tx) => {
      await users.setPassword(tx, user.id, passwordHash, now);
      await repository.revokeUserSessions(tx, user.id, now);
      const fresh = await openSession(this.#ctx, tx, user.id, meta, undefined);
      await auditLog.record(actorEvent(actor, 'password.changed', meta.ip), tx);
      return fresh;
    });
    this.#ctx.sessions?.forgetUser(user.id);
    return { token, me: await this.#meOf(token, meta) };
  }

  twoFactorStatus(actor: Actor): Promise<TwoFactorStatus> {
    return twoFactorStatus(this.#ctx, actor);
  }

  startTwoFactorEnrolment(
    actor: Actor,
    input: StartEnrolmentRequest,
    meta: RequestMeta,
  ): Promise<Enrolment> {
    return startEnrolment(this.#ctx, actor, input, meta);
  }

  /** Confirms the pending app; the session rotates and the recovery codes are shown once. */
  async confirmTwoFactorEnrolment(
    actor: Actor,
    input: { code: string },
    meta: RequestMeta,
  ): Promise<{ token: string; result: ConfirmedEnrolment }> {
    const { token, recoveryCodes } = await confirmEnrolment(this.#ctx, actor, input, meta);
    return { token, result: { recoveryCodes, me: await this.#meOf(token, meta) } };
  }

  disableTwoFactor(actor: Actor, proof: SecondFactorProof, meta: RequestMeta): Promise<void> {
    return disableTwoFactor(this.#ctx, actor, proof, meta);
  }
}

export function toMe(actor: Actor): Me {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mustChangePassword: actor.mustChangePassword,
      twoFactor: actor.twoFactor,
    },
    roles: actor.grants.map((g) => ({
      role: g.role,
      orgId: g.orgId,
      orgName: g.orgName,
      orgKind: g.orgKind,
    })),
    permissions: [...actor.permissions],
    csrfToken: actor.csrfToken,
    session: {
      idleExpiresAt: actor.idleExpiresAt.toISOString(),
      absoluteExpiresAt: actor.absoluteExpiresAt.toISOString(),
    },
  };
}
