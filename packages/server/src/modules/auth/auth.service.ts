import type { Me } from '@jijiao/contracts';
import { permissionsOf } from '@jijiao/contracts';
import { checkPasswordPolicy } from '@jijiao/domain';
import type { Config } from '../../platform/config/config';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import type { PasswordHasher } from '../../platform/auth/password-hasher';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { UserRow } from '../../platform/db/tables/users';
import { grantsFromJson } from '../users/user-grants';
import type { UsersService } from '../users/users.service';
import type { SessionCache } from '../../platform/auth/session-cache';
import type { AuthRepository } from './auth.repository';
import { newToken, sessionIdOf, usernameKeyOf } from './session-token';

export interface RequestMeta {
  ip: string;
  userAgent: string | undefined;
}

interface Deps {
  db: Db;
  config: Config;
  clock: Clock;
  hasher: PasswordHasher;
  repository: AuthRepository;
  users: UsersService;
  auditLog: AuditLogService;
  /** Sessions resolved in the last seconds (ADR 0021); none: every request reads it. */
  sessions?: SessionCache<ResolvedSession>;
}

/** A session found valid, with its user and grants: what the session cache keeps. */
export interface ResolvedSession {
  session: { id: string; csrfToken: string; lastSeenAt: Date; expiresAt: Date };
  user: { id: string; username: string; displayName: string; mustChangePassword: boolean };
  grants: Actor['grants'];
  permissions: Actor['permissions'];
}

const minute = 60_000;
/** Refresh `last_seen_at` at most this often: the idle timeout is 30 minutes, not 30 seconds. */
const touchIntervalMs = 15_000;

/** Sign-in, sessions, lockout and password changes. Owns its transactions. */
export class AuthService {
  private dummyHash: Promise<string> | undefined;

  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  /** Verifying against a throw-away hash keeps unknown names as slow as known ones. */
  private hashForUnknownUser(): Promise<string> {
    this.dummyHash ??= this.#deps.hasher.hash('unknown-user-placeholder-Aa1!');
    return this.dummyHash;
  }

  async signIn(
    input: { username: string; password: string },
    meta: RequestMeta,
    previousToken?: string,
  ): Promise<{ token: string; me: Me }> {
    const { db, clock, config, repository, users, auditLog, hasher } = this.#deps;
    const key = usernameKeyOf(input.username);
    const now = clock.now();
    const attempt = await repository.findAttempt(db, key);
    if (attempt?.lockedUntil && attempt.lockedUntil > now) {
      await auditLog.record({ action: 'sign_in.refused_locked', actorUsername: key, ip: meta.ip });
      throw lockedError(attempt.lockedUntil);
    }
    const user = await users.findByUsername(db, key);
    const valid = await hasher.verify(
      user?.passwordHash ?? (await this.hashForUnknownUser()),
      input.password,
    );
    if (!user || !valid || user.disabledAt) {
      // The failure that locks still answers 401; every attempt after it answers 423.
      await db.transaction(async (tx) => {
        const windowStart = new Date(now.getTime() - config.login.lockMinutes * minute);
        const failures = await repository.recordFailure(tx, key, now, windowStart);
        const orgPath = user ? ((await users.grantsOf(tx, user.id))[0]?.orgPath ?? null) : null;
        await auditLog.record(
          {
            action: 'sign_in.failed',
            actorUserId: user?.id,
            actorUsername: key,
            ip: meta.ip,
            orgPath,
            details: { failures },
          },
          tx,
        );
        if (failures < config.login.maxFailures) return;
        const until = new Date(now.getTime() + config.login.lockMinutes * minute);
        await repository.lock(tx, key, until);
        await auditLog.record(
          {
            action: 'account.locked',
            actorUserId: user?.id,
            actorUsername: key,
            ip: meta.ip,
            orgPath,
            details: { until: until.toISOString() },
          },
          tx,
        );
      });
      throw new AppError('invalid_credentials', 'Wrong username or password');
    }
    const token = newToken();
    const sessionId = sessionIdOf(token);
    await db.transaction(async (tx) => {
      await repository.clearAttempts(tx, key);
      // Rotation: whatever session the browser held before is ended, never reused.
      if (previousToken) {
        await repository.revokeSession(tx, sessionIdOf(previousToken), now);
        this.#deps.sessions?.forgetSession(sessionIdOf(previousToken));
      }
      await this.#insertSession(tx, sessionId, user.id, meta, now);
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
    });
    return { token, me: await this.#meOf(token, meta) };
  }

  async #insertSession(
    tx: DbOrTx,
    sessionId: string,
    userId: string,
    meta: RequestMeta,
    now: Date,
  ): Promise<void> {
    await this.#deps.repository.insertSession(tx, {
      id: sessionId,
      userId,
      csrfToken: newToken(),
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.#deps.config.session.absoluteHours * 60 * minute),
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    });
  }

  async #meOf(token: string, meta: RequestMeta): Promise<Me> {
    const actor = await this.authenticate(token, meta);
    if (!actor) throw new AppError('internal', 'Session vanished after sign-in');
    return toMe(actor);
  }

  /** Resolves a session cookie to its actor, or null when absent, revoked or expired. */
  async authenticate(token: string, _meta: RequestMeta): Promise<Actor | null> {
    const { db, clock, config, repository, sessions } = this.#deps;
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
      grants,
      permissions,
      idleExpiresAt: new Date(now.getTime() + config.session.idleMinutes * minute),
      absoluteExpiresAt: session.expiresAt,
    };
  }

  async signOut(actor: Actor, meta: RequestMeta): Promise<void> {
    const { db, clock, repository, auditLog } = this.#deps;
    await db.transaction(async (tx) => {
      await repository.revokeSession(tx, actor.sessionId, clock.now());
      this.#deps.sessions?.forgetSession(actor.sessionId);
      await auditLog.record(actorEvent(actor, 'sign_out', meta.ip), tx);
    });
  }

  /** Lifts a sign-in lock (the failures counted for the name), in the caller's transaction. */
  async clearSignInLock(tx: DbOrTx, username: string): Promise<void> {
    await this.#deps.repository.clearAttempts(tx, usernameKeyOf(username));
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
    const { db, clock, hasher, repository, users, auditLog } = this.#deps;
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
    const token = newToken();
    await db.transaction(async (tx) => {
      await users.setPassword(tx, user.id, passwordHash, now);
      await repository.revokeUserSessions(tx, user.id, now);
      await this.#insertSession(tx, sessionIdOf(token), user.id, meta, now);
      await auditLog.record(actorEvent(actor, 'password.changed', meta.ip), tx);
    });
    this.#deps.sessions?.forgetUser(user.id);
    return { token, me: await this.#meOf(token, meta) };
  }
}

function lockedError(until: Date): AppError {
  return new AppError(
    'account_locked',
    'Too many failed sign-ins: the account is locked for a while',
    {
      lockedUntil: until.toISOString(),
    },
  );
}

export function toMe(actor: Actor): Me {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      mustChangePassword: actor.mustChangePassword,
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
