import { randomInt } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/database';
import type { PasswordHasher } from '../../platform/auth/password-hasher';
import { userRoles, users } from '../../platform/db/tables/users';
import type { Role } from '@jijiao/contracts';
import type { Grant } from '../../platform/auth/actor';
import type { NewUser, UserRow } from '../../platform/db/tables/users';
import type { UsersRepository } from './users.repository';

/** A hash no password verifies against: the account exists but needs a reset to be used. */
export const unusablePasswordHash = '!no-password-set';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const symbols = '@#$%&*+=?';

/** A random initial password meeting the policy: 12 characters of 4 classes. */
export function generateInitialPassword(): string {
  const pick = (chars: string) => chars[randomInt(chars.length)] ?? '';
  const core = Array.from({ length: 9 }, () => pick(alphabet)).join('');
  return `${pick('ABCDEFGHJKLMNPQRSTUVWXYZ')}${core}${pick('23456789')}${pick(symbols)}`;
}

export interface NewLearner {
  preferredUsername: string | null;
  displayName: string;
  unitId: string;
  passwordHash: string;
}

/** Accounts: learner accounts for registered people, password resets. */
interface UsersDeps {
  repository: UsersRepository;
  hasher: PasswordHasher;
  /** Forgets a user's cached sessions when their password or grants change (ADR 0021). */
  sessions?: { forgetUser(userId: string): void };
}

export class UsersService {
  readonly #deps: UsersDeps;

  constructor(deps: UsersDeps) {
    this.#deps = deps;
  }

  /**
   * Learner accounts in bulk (must change the password at first sign-in). The username is
   * the preferred one (the mobile number) when free, else a generated `jj` + 8 digits.
   */
  async createLearners(
    tx: DbOrTx,
    learners: readonly NewLearner[],
  ): Promise<{ id: string; username: string }[]> {
    if (learners.length === 0) return [];
    const wanted = learners.flatMap((l) => (l.preferredUsername ? [l.preferredUsername] : []));
    const taken = new Set(
      wanted.length === 0
        ? []
        : (
            await tx
              .select({ username: users.username })
              .from(users)
              .where(inArray(users.username, wanted))
          ).map((r) => r.username),
    );
    const rows = learners.map((l) => {
      let username = l.preferredUsername;
      if (!username || taken.has(username))
        username = `jj${String(randomInt(10_000_000, 99_999_999))}`;
      taken.add(username);
      return {
        username,
        displayName: l.displayName,
        passwordHash: l.passwordHash,
        mustChangePassword: true,
      };
    });
    const created: { id: string; username: string }[] = [];
    for (let i = 0; i < rows.length; i += 1000) {
      created.push(
        ...(await tx
          .insert(users)
          .values(rows.slice(i, i + 1000))
          .returning({ id: users.id, username: users.username })),
      );
    }
    const roles = created.map((u, i) => ({
      userId: u.id,
      role: 'learner',
      orgId: learners[i]?.unitId ?? '',
    }));
    for (let i = 0; i < roles.length; i += 1000)
      await tx.insert(userRoles).values(roles.slice(i, i + 1000));
    return created;
  }

  findByUsername(db: DbOrTx, username: string): Promise<UserRow | undefined> {
    return this.#deps.repository.findByUsername(db, username);
  }

  findById(db: DbOrTx, id: string): Promise<UserRow | undefined> {
    return this.#deps.repository.findById(db, id);
  }

  /** The user's roles with their orgs, the highest org first. */
  grantsOf(db: DbOrTx, userId: string): Promise<Grant[]> {
    return this.#deps.repository.grantsOf(db, userId);
  }

  setPassword(db: DbOrTx, userId: string, passwordHash: string, at: Date): Promise<void> {
    return this.#deps.repository.setPassword(db, userId, passwordHash, at);
  }

  /** An account holding one role at one org (account administration). */
  async createAccount(tx: DbOrTx, user: NewUser, role: Role, orgId: string): Promise<UserRow> {
    const created = await this.#deps.repository.insert(tx, user);
    await this.#deps.repository.addRole(tx, created.id, role, orgId);
    return created;
  }

  hashPassword(password: string): Promise<string> {
    return this.#deps.hasher.hash(password);
  }

  /** Issues a new one-time password; the user must change it at the next sign-in. */
  async resetPassword(tx: DbOrTx, userId: string, at: Date): Promise<string> {
    const password = generateInitialPassword();
    await this.#deps.repository.setInitialPassword(
      tx,
      userId,
      await this.#deps.hasher.hash(password),
      at,
    );
    this.#deps.sessions?.forgetUser(userId);
    return password;
  }

  /** Moves a learner's role with them when they change units. */
  async moveLearnerRole(
    tx: DbOrTx,
    userId: string,
    fromUnitId: string,
    toUnitId: string,
  ): Promise<void> {
    await this.#deps.repository.moveRole(tx, userId, 'learner', fromUnitId, toUnitId);
    this.#deps.sessions?.forgetUser(userId);
  }
}
