import type { ImportIssue, PersonCreate } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { unusablePasswordHash } from '../users/users.service';
import type { NewPerson, PersonView } from './people.repository';
import type { PeopleDeps } from './people.deps';
import { canManagePerson } from './people.policy';
import { sealIdNumber, type SealedIdentity } from './person-identity';

/** What the import needs: the people service's dependencies and two of its checks. */
export interface PeopleImportDeps extends PeopleDeps {
  today(): string;
  unitForRegistration(actor: Actor, unitId: string): Promise<{ id: string; path: string }>;
}

export interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const compared = ['name', 'phone', 'profession', 'tcm', 'titleGrade'] as const;

/**
 * Imports people all-or-nothing: every row is checked first (ID, unit in scope, a person
 * registered at another unit); any problem → AppError('import_invalid') with every issue,
 * and nothing is written. Otherwise one transaction: new people (with learner accounts that
 * need a password reset before first use) and changed ones updated; identical rows are left
 * alone, so re-importing a file changes nothing.
 */
export async function importPeople(
  deps: PeopleImportDeps,
  actor: Actor,
  rows: readonly PersonCreate[],
  options: { dryRun: boolean; rowNumbers?: readonly number[]; ip?: string },
): Promise<ImportCounts> {
  const { db, clock, cipher, repository, users, auditLog } = deps;
  const rowNumber = (i: number) => options.rowNumbers?.[i] ?? i + 2;
  const issues: ImportIssue[] = [];
  const units = new Map<string, { id: string; path: string }>();
  const sealed: (SealedIdentity | undefined)[] = [];
  for (const [i, row] of rows.entries()) {
    try {
      sealed.push(sealIdNumber(cipher, row.idNumber, deps.today()));
    } catch (error) {
      sealed.push(undefined);
      if (!(error instanceof AppError)) throw error;
      issues.push({
        row: rowNumber(i),
        column: '身份证号',
        message: error.issues?.[0]?.message ?? error.message,
      });
    }
    if (!units.has(row.unitId)) {
      const unit = await deps.unitForRegistration(actor, row.unitId).catch(() => undefined);
      if (unit) units.set(row.unitId, unit);
    }
    if (!units.has(row.unitId))
      issues.push({ row: rowNumber(i), column: '单位', message: '单位不存在或不在管辖范围内' });
  }
  const hashes = sealed.flatMap((s) => (s ? [s.idNumberHash] : []));
  const existing = new Map<string, PersonView>(
    (await repository.findByHashes(db, hashes)).map((p) => [p.idNumberHash, p]),
  );
  const firstRowOf = new Map<string, number>();
  sealed.forEach((s, i) => {
    if (!s) return;
    const first = firstRowOf.get(s.idNumberHash);
    if (first !== undefined)
      issues.push({ row: rowNumber(i), column: '身份证号', message: `与第 ${first} 行重复` });
    else firstRowOf.set(s.idNumberHash, rowNumber(i));
    const person = existing.get(s.idNumberHash);
    if (person && !canManagePerson(actor, person)) {
      issues.push({
        row: rowNumber(i),
        column: '身份证号',
        message: '该人员已在其他单位登记，请办理调入',
      });
    } else if (person && person.unitId !== rows[i]?.unitId) {
      issues.push({
        row: rowNumber(i),
        column: '单位',
        message: `该人员现属${person.unitName}，调动请走调入审核`,
      });
    }
  });
  if (issues.length > 0) {
    throw new AppError(
      'import_invalid',
      `${issues.length} problem(s) in the file: nothing was written`,
      { issues },
      undefined,
    );
  }

  const now = clock.now();
  const toCreate: { row: PersonCreate; identity: SealedIdentity }[] = [];
  const toUpdate: { id: string; patch: Partial<NewPerson> }[] = [];
  rows.forEach((row, i) => {
    const identity = sealed[i];
    if (!identity) return;
    const person = existing.get(identity.idNumberHash);
    if (!person) return toCreate.push({ row, identity });
    const next = {
      name: row.name,
      phone: row.phone ?? null,
      profession: row.profession,
      tcm: row.tcm,
      titleGrade: row.titleGrade,
    };
    if (compared.some((k) => next[k] !== person[k]))
      toUpdate.push({ id: person.id, patch: { ...next, updatedAt: now } });
  });
  const counts = {
    created: toCreate.length,
    updated: toUpdate.length,
    unchanged: rows.length - toCreate.length - toUpdate.length,
  };
  if (options.dryRun) return counts;

  await db.transaction(async (tx) => {
    const accounts = await users.createLearners(
      tx,
      toCreate.map(({ row }) => ({
        preferredUsername: row.phone ?? null,
        displayName: row.name,
        unitId: row.unitId,
        passwordHash: unusablePasswordHash,
      })),
    );
    const inserted = await repository.insertMany(
      tx,
      toCreate.map(({ row, identity }, i) => ({
        ...identity,
        name: row.name,
        phone: row.phone ?? null,
        profession: row.profession,
        tcm: row.tcm,
        titleGrade: row.titleGrade,
        unitId: row.unitId,
        userId: accounts[i]?.id ?? null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    await repository.openHistory(
      tx,
      inserted.map((p) => ({ personId: p.id, unitId: p.unitId, fromAt: now })),
    );
    for (const { id, patch } of toUpdate) await repository.update(tx, id, patch);
    await deps.standings.peopleChanged(tx, [
      ...inserted.map((p) => p.id),
      ...toUpdate.map((u) => u.id),
    ]);
    await auditLog.record(
      actorEvent(actor, 'people.imported', options.ip ?? 'cli', {
        targetType: 'import',
        orgPath: [...units.values()][0]?.path ?? null,
        details: { ...counts },
      }),
      tx,
    );
  });
  return counts;
}
