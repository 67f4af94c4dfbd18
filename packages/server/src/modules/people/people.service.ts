import type {
  Person,
  PersonCreate,
  PersonList,
  PersonListQuery,
  PersonUpdate,
  Profession,
  TitleGrade,
} from '@jijiao/contracts';
import { maskPhone } from '@jijiao/domain';
import type { DbOrTx } from '../../platform/db/database';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { decodeCursor, encodeCursor } from '../../platform/http/cursor';
import { actorEvent } from '../audit-log/audit-log.service';
import { generateInitialPassword } from '../users/users.service';
import type { PeopleDeps } from './people.deps';
import {
  canListPeopleUnder,
  canManagePerson,
  canReadPerson,
  canRegisterPeopleAt,
  personListScope,
  personPolicy,
} from './people.policy';
import type { PersonView } from './people.repository';
import { sealIdNumber } from './person-identity';
import { importPeople, type ImportCounts } from './people-import.service';

/** The row other modules see (they never import this module's repository). */
export type { PersonView } from './people.repository';

/**
 * A person as the API answers. The phone is masked (138****5678) unless `phone` is
 * `'full'`: lists always mask it; one person's page shows it whole to those who may edit
 * it and to the person themselves.
 */
export function toPerson(row: PersonView, phone: 'masked' | 'full' = 'masked'): Person {
  return {
    id: row.id,
    name: row.name,
    idNumberMasked: row.idNumberMasked,
    sex: row.sex as Person['sex'],
    birthDate: row.birthDate,
    phone: row.phone === null || phone === 'full' ? row.phone : maskPhone(row.phone),
    ...(phone === 'full' ? { email: row.email } : {}),
    profession: row.profession as Profession,
    tcm: row.tcm,
    titleGrade: row.titleGrade as TitleGrade,
    unitId: row.unitId,
    unitName: row.unitName,
    username: row.username,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Health professionals: registration, records, ID reveal, accounts. Imports: people-import.service.ts. */
export class PeopleService {
  readonly #deps: PeopleDeps;

  constructor(deps: PeopleDeps) {
    this.#deps = deps;
  }

  today(): string {
    return this.#deps.clock.now().toISOString().slice(0, 10);
  }

  /** A person inside the actor's scope for `permission`, else 404. */
  async findInScope(
    actor: Actor,
    id: string,
    permission: 'person:read' | 'person:manage' | 'person:reveal_id',
    db: DbOrTx = this.#deps.db,
  ): Promise<PersonView> {
    return visibleOr404(
      await this.#deps.repository.findView(db, id),
      personPolicy[permission],
      actor,
      {
        what: 'person',
        details: { id },
      },
    );
  }

  /** A unit the actor may register people at (person:manage over it), else 404. */
  async unitForRegistration(actor: Actor, unitId: string): Promise<{ id: string; path: string }> {
    const unit = visibleOr404(
      await this.#deps.orgs.findInScope(actor, unitId, 'org:read').catch(() => undefined),
      canRegisterPeopleAt,
      actor,
      {
        what: 'unit',
        details: { unitId },
        issues: [{ path: 'unitId', message: 'no such unit in your scope' }],
      },
    );
    if (unit.kind !== 'unit') {
      throw new AppError('validation_failed', 'unitId: people belong to a unit', undefined, [
        { path: 'unitId', message: 'not a unit' },
      ]);
    }
    return unit;
  }

  /** Without a scope check: for services that decide scope themselves (transfers). */
  async findAny(id: string, db: DbOrTx = this.#deps.db): Promise<PersonView | undefined> {
    return this.#deps.repository.findView(db, id);
  }

  /**
   * Without a scope check: the people registered under these (already validated, 18-char)
   * ID numbers, by keyed lookup hash; the plain numbers go no further. Keyed by hash.
   */
  async findByIdNumbers(
    idNumbers: readonly string[],
    db: DbOrTx = this.#deps.db,
  ): Promise<Map<string, PersonView>> {
    const { cipher, repository } = this.#deps;
    // An import names the same person on many rows: each is hashed and looked up once.
    const hashes = [...new Set(idNumbers)].map((n) => cipher.lookupHash(n));
    const found = await repository.findByHashes(db, hashes);
    return new Map(found.map((p) => [p.idNumberHash, p]));
  }

  /** Without a scope check: up to `limit` people within `scope` whose name contains `q`. */
  async searchByName(
    scope: readonly string[],
    q: string,
    limit: number,
    db: DbOrTx = this.#deps.db,
  ): Promise<PersonView[]> {
    return this.#deps.repository.page(
      db,
      { scope: [...scope], nameContains: q },
      { sort: 'name', order: 'asc', limit },
    );
  }

  /** The keyed lookup hash of a validated ID number (see IdNumberCipher). */
  idNumberHash(idNumber: string): string {
    return this.#deps.cipher.lookupHash(idNumber);
  }

  /** The person record of a learner's account, if any. */
  async findByUserId(userId: string): Promise<PersonView | undefined> {
    return this.#deps.repository.findByUserId(this.#deps.db, userId);
  }

  /** Moves a person to another unit inside the caller's transaction: record, history, learner role. */
  async moveToUnit(
    tx: DbOrTx,
    personId: string,
    fromUnitId: string,
    toUnitId: string,
    at: Date,
  ): Promise<void> {
    const { repository, users } = this.#deps;
    await repository.update(tx, personId, { unitId: toUnitId, updatedAt: at });
    await repository.closeHistory(tx, personId, at);
    await repository.openHistory(tx, [{ personId, unitId: toUnitId, fromAt: at }]);
    const person = await repository.findView(tx, personId);
    if (person?.userId) await users.moveLearnerRole(tx, person.userId, fromUnitId, toUnitId);
    await this.#deps.standings.peopleChanged(tx, [personId]);
  }

  async get(actor: Actor, id: string): Promise<Person> {
    const row = await this.findInScope(actor, id, 'person:read');
    const mayEdit =
      canManagePerson(actor, row) || (row.userId !== null && row.userId === actor.userId);
    return toPerson(row, mayEdit ? 'full' : 'masked');
  }

  async list(actor: Actor, query: PersonListQuery): Promise<PersonList> {
    const scope = personListScope(actor);
    let unitPath: string | undefined;
    if (query.unitId) {
      const org = visibleOr404(
        await this.#deps.orgs.findInScope(actor, query.unitId, 'org:read').catch(() => undefined),
        canListPeopleUnder,
        actor,
        { what: 'organisation', details: { unitId: query.unitId } },
      );
      unitPath = org.path;
    }
    const after = query.after ? decodeCursor(query.after, 2) : undefined;
    const rows = await this.#deps.repository.page(
      this.#deps.db,
      {
        scope,
        ...(unitPath ? { unitPath } : {}),
        ...(query.q ? { nameContains: query.q } : {}),
        ...(query.profession ? { profession: query.profession } : {}),
        ...(query.titleGrade ? { titleGrade: query.titleGrade } : {}),
      },
      {
        sort: query.sort,
        order: query.order,
        ...(after ? { after: { key: String(after[0]), id: String(after[1]) } } : {}),
        limit: query.limit + 1,
      },
    );
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    const key = (r: PersonView) => (query.sort === 'name' ? r.name : r.createdAt.toISOString());
    return {
      items: page.map((row) => toPerson(row)),
      nextCursor: rows.length > query.limit && last ? encodeCursor([key(last), last.id]) : null,
    };
  }

  /** Every person matching the query, page by page (exports). */
  async *iteratePeople(
    actor: Actor,
    query: Omit<PersonListQuery, 'after' | 'limit'>,
  ): AsyncGenerator<Person> {
    let after: string | undefined;
    do {
      const page = await this.list(actor, { ...query, limit: 500, ...(after ? { after } : {}) });
      yield* page.items;
      after = page.nextCursor ?? undefined;
    } while (after);
  }

  /** Registers a person with a learner account; answers the one-time initial password. */
  async create(
    actor: Actor,
    input: PersonCreate,
    ip: string,
  ): Promise<{ person: Person; account: { username: string; initialPassword: string } }> {
    const unit = await this.unitForRegistration(actor, input.unitId);
    const identity = sealIdNumber(this.#deps.cipher, input.idNumber, this.today());
    const [existing] = await this.#deps.repository.findByHashes(this.#deps.db, [
      identity.idNumberHash,
    ]);
    if (existing) {
      const where = canReadPerson(actor, existing)
        ? `at ${existing.unitName}`
        : 'at another unit: ask for a transfer';
      throw new AppError(
        'conflict',
        `idNumber: this person is already registered ${where}`,
        undefined,
        [{ path: 'idNumber', message: '该身份证号已登记' }],
      );
    }
    const initialPassword = generateInitialPassword();
    const passwordHash = await this.#deps.users.hashPassword(initialPassword);
    const now = this.#deps.clock.now();
    return this.#deps.db.transaction(async (tx) => {
      const [account] = await this.#deps.users.createLearners(tx, [
        {
          preferredUsername: input.phone ?? null,
          displayName: input.name,
          unitId: unit.id,
          passwordHash,
        },
      ]);
      if (!account) throw new Error('no account created');
      const [row] = await this.#deps.repository.insertMany(tx, [
        {
          ...identity,
          name: input.name,
          phone: input.phone ?? null,
          email: input.email ?? null,
          profession: input.profession,
          tcm: input.tcm,
          titleGrade: input.titleGrade,
          unitId: unit.id,
          userId: account.id,
          createdAt: now,
          updatedAt: now,
        },
      ]);
      if (!row) throw new Error('no person created');
      await this.#deps.repository.openHistory(tx, [
        { personId: row.id, unitId: unit.id, fromAt: now },
      ]);
      await this.#deps.standings.peopleChanged(tx, [row.id]);
      await this.#deps.auditLog.record(
        actorEvent(actor, 'person.created', ip, {
          targetType: 'person',
          targetId: row.id,
          orgPath: unit.path,
        }),
        tx,
      );
      const view = await this.#deps.repository.findView(tx, row.id);
      if (!view) throw new Error('person vanished');
      return {
        person: toPerson(view, 'full'),
        account: { username: account.username, initialPassword },
      };
    });
  }

  async update(actor: Actor, id: string, patch: PersonUpdate, ip: string): Promise<Person> {
    const person = await this.findInScope(actor, id, 'person:manage');
    return this.#deps.db.transaction(async (tx) => {
      await this.#deps.repository.update(tx, id, { ...patch, updatedAt: this.#deps.clock.now() });
      await this.#deps.standings.peopleChanged(tx, [id]);
      await this.#deps.auditLog.record(
        actorEvent(actor, 'person.updated', ip, {
          targetType: 'person',
          targetId: id,
          orgPath: person.unitPath,
          details: { fields: Object.keys(patch) },
        }),
        tx,
      );
      const view = await this.#deps.repository.findView(tx, id);
      if (!view) throw new Error('person vanished');
      return toPerson(view, 'full');
    });
  }

  /** The full ID number, for those allowed to see it; every reveal is in the audit log. */
  async revealId(actor: Actor, id: string, ip: string): Promise<{ idNumber: string }> {
    const person = await this.findInScope(actor, id, 'person:reveal_id');
    await this.#deps.auditLog.record(
      actorEvent(actor, 'person.id_revealed', ip, {
        targetType: 'person',
        targetId: id,
        orgPath: person.unitPath,
      }),
    );
    return { idNumber: this.#deps.cipher.decrypt(person.idNumberCipher) };
  }

  async resetPassword(
    actor: Actor,
    id: string,
    ip: string,
  ): Promise<{ username: string; initialPassword: string }> {
    const person = await this.findInScope(actor, id, 'person:manage');
    const now = this.#deps.clock.now();
    return this.#deps.db.transaction(async (tx) => {
      let userId = person.userId;
      let username = person.username;
      if (!userId || !username) {
        const [account] = await this.#deps.users.createLearners(tx, [
          {
            preferredUsername: person.phone,
            displayName: person.name,
            unitId: person.unitId,
            passwordHash: '!',
          },
        ]);
        if (!account) throw new Error('no account created');
        await this.#deps.repository.update(tx, id, { userId: account.id });
        userId = account.id;
        username = account.username;
      }
      const initialPassword = await this.#deps.users.resetPassword(tx, userId, now);
      await this.#deps.auditLog.record(
        actorEvent(actor, 'person.password_reset', ip, {
          targetType: 'person',
          targetId: id,
          orgPath: person.unitPath,
        }),
        tx,
      );
      return { username, initialPassword };
    });
  }

  /** All-or-nothing import; see people-import.service.ts. */
  importPeople(
    actor: Actor,
    rows: readonly PersonCreate[],
    options: { dryRun: boolean; rowNumbers?: readonly number[]; ip?: string },
  ): Promise<ImportCounts> {
    return importPeople(
      {
        ...this.#deps,
        today: () => this.today(),
        unitForRegistration: (a, unitId) => this.unitForRegistration(a, unitId),
      },
      actor,
      rows,
      options,
    );
  }

  async history(actor: Actor, id: string) {
    await this.findInScope(actor, id, 'person:read');
    const rows = await this.#deps.repository.history(this.#deps.db, id);
    return {
      items: rows.map((r) => ({
        unitId: r.unitId,
        unitName: r.unitName,
        from: r.from.toISOString(),
        to: r.to?.toISOString() ?? null,
      })),
    };
  }
}
