import {
  rolePermissions,
  type OrgKind,
  type Role,
  type UserAccount,
  type UserCreate,
  type UserList,
  type UserListQuery,
  type UserWithPassword,
} from '@jijiao/contracts';
import { rolePlacementProblem } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import { notFound, visibleOr404 } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent, type AuditEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { AuthService } from '../auth/auth.service';
import type { OrgsService } from '../orgs/orgs.service';
import { generateInitialPassword, type UsersService } from '../users/users.service';
import { accountScope, canManageAccountsAt } from './accounts.policy';
import { countLockedAccounts, listAccounts, type AccountRow } from './accounts.repository';

interface Deps {
  db: Db;
  clock: Clock;
  users: UsersService;
  auth: AuthService;
  orgs: OrgsService;
  auditLog: AuditLogService;
}

const iso = (value: Date | string) => new Date(value).toISOString();

function toAccount(row: AccountRow): UserAccount {
  const roles =
    typeof row.roles === 'string' ? (JSON.parse(row.roles) as AccountRow['roles']) : row.roles;
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: (roles as { role: Role; orgId: string; orgName: string }[]).map((r) => ({ ...r })),
    mustChangePassword: row.mustChangePassword,
    lockedUntil: row.lockedUntil === null ? null : iso(row.lockedUntil),
    createdAt: iso(row.createdAt),
  };
}

/**
 * 账号管理: administrator accounts within the caller's subtree. Accounts are created with
 * one role at one organisation and a one-time password (changed at first sign-in); an
 * administrator may reset that password or lift a sign-in lock. Every change is audited.
 */
export class AccountsService {
  readonly #deps: Deps;

  constructor(deps: Deps) {
    this.#deps = deps;
  }

  async list(actor: Actor, query: UserListQuery): Promise<UserList> {
    const after = query.after === undefined ? undefined : String(decodeCursor(query.after, 1)[0]);
    const rows = await listAccounts(this.#deps.db, accountScope(actor, 'user:read'), {
      ...(query.q === undefined ? {} : { q: query.q }),
      ...(query.role === undefined ? {} : { role: query.role }),
      ...(query.locked === undefined ? {} : { locked: query.locked }),
      ...(after === undefined ? {} : { afterUsername: after }),
      limit: query.limit + 1,
      now: this.#deps.clock.now(),
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toAccount),
      nextCursor: rows.length > query.limit && last ? encodeCursor([last.username]) : null,
    };
  }

  /** 工作台: accounts of the caller's subtree locked now by failed sign-ins. */
  countLocked(actor: Actor): Promise<number> {
    return countLockedAccounts(
      this.#deps.db,
      accountScope(actor, 'user:read'),
      this.#deps.clock.now(),
    );
  }

  /** One account the caller may manage, else 404. */
  private async manageable(actor: Actor, userId: string): Promise<UserAccount> {
    const [row] = await listAccounts(
      this.#deps.db,
      accountScope(actor, 'user:manage'),
      { limit: 1, now: this.#deps.clock.now() },
      userId,
    );
    // The query applies the scope: an account outside it is simply not found.
    if (!row) throw notFound({ what: 'account', details: { id: userId } });
    return toAccount(row);
  }

  async create(actor: Actor, input: UserCreate, ip: string): Promise<UserWithPassword> {
    const { db, users, orgs } = this.#deps;
    const org = visibleOr404(await orgs.findAny(input.orgId), canManageAccountsAt, actor, {
      what: 'organisation',
      details: { orgId: input.orgId },
    });
    // The most capable of the caller's roles that manages accounts over that org decides.
    const callerRoles = actor.grants
      .filter(
        (g) => org.path.startsWith(g.orgPath) && rolePermissions[g.role].includes('user:manage'),
      )
      .map((g) => g.role);
    const problems = callerRoles.map((r) =>
      rolePlacementProblem(r, input.role, org.kind as OrgKind),
    );
    if (!problems.includes(null)) {
      const mismatch = problems.includes('org_kind_mismatch');
      const path = mismatch ? 'orgId' : 'role';
      const message = mismatch
        ? `the role ${input.role} cannot be held at a ${org.kind}`
        : `you may not give the role ${input.role}`;
      throw new AppError('validation_failed', `${path}: ${message}`, undefined, [
        { path, message },
      ]);
    }
    if (await users.findByUsername(db, input.username))
      throw new AppError('conflict', 'The username is taken', { username: input.username });
    const { hash, initialPassword } = await this.#oneTimePassword();
    const id = await db.transaction(async (tx) => {
      const user = await this.#insertAccount(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: hash,
        role: input.role,
        org,
        audit: (event) => actorEvent(actor, 'user.created', ip, event),
      });
      return user.id;
    });
    return { user: await this.manageable(actor, id), initialPassword };
  }

  /** A one-time password and its hash: shown once, changed at first sign-in. */
  async #oneTimePassword(): Promise<{ hash: string; initialPassword: string }> {
    const initialPassword = generateInitialPassword();
    return { hash: await this.#deps.users.hashPassword(initialPassword), initialPassword };
  }

  /** An account that must change its password, with one role at `org`, and its audit entry. */
  async #insertAccount(
    tx: DbOrTx,
    account: {
      username: string;
      displayName: string;
      passwordHash: string;
      role: Role;
      org: { id: string; path: string };
      /** The `user.created` event around the target and details given. */
      audit: (
        event: Pick<AuditEvent, 'targetType' | 'targetId' | 'orgPath' | 'details'>,
      ) => AuditEvent;
    },
  ) {
    const { users, auditLog } = this.#deps;
    const user = await users.createAccount(
      tx,
      {
        username: account.username,
        displayName: account.displayName,
        passwordHash: account.passwordHash,
        mustChangePassword: true,
      },
      account.role,
      account.org.id,
    );
    await auditLog.record(
      account.audit({
        targetType: 'user',
        targetId: user.id,
        orgPath: account.org.path,
        details: { username: account.username, role: account.role, orgId: account.org.id },
      }),
      tx,
    );
    return user;
  }

  /**
   * A new installation's first organisation and first account (`jijiao bootstrap`), in one
   * transaction: the province's root and a system administrator there, with a one-time
   * password that must be changed at first sign-in. Everything else (cities, units,
   * accounts, people) is made from the web by that administrator. Refused on a database
   * that holds any organisation.
   */
  async bootstrap(input: {
    orgName: string;
    regionCode: string;
    username: string;
    displayName: string;
  }): Promise<{ orgId: string; userId: string; username: string; initialPassword: string }> {
    const { db, orgs } = this.#deps;
    const { hash, initialPassword } = await this.#oneTimePassword();
    const by = { username: 'cli' };
    return db.transaction(async (tx) => {
      const org = await orgs.createRoot(
        tx,
        { name: input.orgName, regionCode: input.regionCode },
        by,
      );
      const user = await this.#insertAccount(tx, {
        username: input.username,
        displayName: input.displayName,
        passwordHash: hash,
        role: 'system_admin',
        org,
        audit: (event) => ({
          action: 'user.created',
          actorUserId: null,
          actorUsername: by.username,
          ip: null,
          ...event,
        }),
      });
      return { orgId: org.id, userId: user.id, username: user.username, initialPassword };
    });
  }

  async resetPassword(actor: Actor, userId: string, ip: string): Promise<UserWithPassword> {
    const { db, clock, users, auditLog } = this.#deps;
    const account = await this.manageable(actor, userId);
    const initialPassword = await db.transaction(async (tx) => {
      const password = await users.resetPassword(tx, userId, clock.now());
      await auditLog.record(
        actorEvent(actor, 'user.password_reset', ip, {
          targetType: 'user',
          targetId: userId,
          details: { username: account.username },
        }),
        tx,
      );
      return password;
    });
    return { user: await this.manageable(actor, userId), initialPassword };
  }

  /**
   * Resets the account's two-factor sign-in (a lost phone): its app and recovery codes are
   * removed and its sessions end; 409 `invalid_state` when it has none.
   */
  async resetTwoFactor(actor: Actor, userId: string, ip: string): Promise<UserAccount> {
    const { db, auth, auditLog } = this.#deps;
    const account = await this.manageable(actor, userId);
    await db.transaction(async (tx) => {
      if (!(await auth.resetTwoFactor(tx, userId)))
        throw new AppError('invalid_state', 'This account does not sign in with two factors', {
          username: account.username,
        });
      await auditLog.record(
        actorEvent(actor, 'user.two_factor_reset', ip, {
          targetType: 'user',
          targetId: userId,
          details: { username: account.username },
        }),
        tx,
      );
    });
    auth.forgetUser(userId);
    return account;
  }

  /** Lifts a sign-in lock (5 failures) before its 15 minutes are up. */
  async unlock(actor: Actor, userId: string, ip: string): Promise<UserAccount> {
    const { db, auth, auditLog } = this.#deps;
    const account = await this.manageable(actor, userId);
    await db.transaction(async (tx) => {
      await auth.clearSignInLock(tx, account.username);
      await auditLog.record(
        actorEvent(actor, 'user.unlocked', ip, {
          targetType: 'user',
          targetId: userId,
          details: { username: account.username },
        }),
        tx,
      );
    });
    return this.manageable(actor, userId);
  }
}
