import { createHash, randomBytes } from 'node:crypto';
import {
  canonicaliseCertificate,
  formatCertificateSerial,
  serialRandomPart,
  type CertificateFacts,
} from '@jijiao/domain';
import type { FieldIssue } from '@jijiao/contracts';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import type { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import type { CertificateKeyRing } from './certificate-keys';
import type { CertificatesRepository, NewCertificate } from './certificates.repository';

/** One person who passed the year's audit, with the rules engine's result. */
export interface CertificateIssueEntry {
  personId: string;
  /** The unit the person was audited at. */
  unitId: string;
  totalCredits: number;
  /** Credits per class where the rules have classes (YearReport.classCredits). */
  classCredits?: Partial<Record<'I' | 'II', number>>;
  /** The packs that decided, most general first (YearReport.packVersions in order). */
  packs: readonly { id: string; version: string }[];
  /** Hours the certificate counts for (YearReport.certificateHours), null where none. */
  hoursEquivalent: number | null;
}

export interface CertificateIssueInput {
  provinceId: string;
  year: number;
  people: readonly CertificateIssueEntry[];
  /** Defaults to the service clock's now. */
  issuedAt?: Date;
}

export interface CertificateIssueResult {
  issued: { personId: string; serial: string }[];
  /** Already had a certificate of this year (idempotent re-issue): left as they were. */
  existing: { personId: string; serial: string }[];
}

const isTenths = (n: number) =>
  Number.isFinite(n) && n >= 0 && Math.abs(n * 10 - Math.round(n * 10)) < 1e-9;

function checkEntries(entries: readonly CertificateIssueEntry[]): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    const at = `people.${String(i)}`;
    if (seen.has(e.personId)) issues.push({ path: `${at}.personId`, message: 'listed twice' });
    seen.add(e.personId);
    if (!isTenths(e.totalCredits))
      issues.push({ path: `${at}.totalCredits`, message: 'must be ≥ 0 with one decimal' });
    for (const [c, v] of Object.entries(e.classCredits ?? {})) {
      if (!isTenths(v))
        issues.push({ path: `${at}.classCredits.${c}`, message: 'must be ≥ 0 with one decimal' });
    }
    if (e.packs.length === 0)
      issues.push({ path: `${at}.packs`, message: 'must name the packs used' });
    if (
      e.hoursEquivalent !== null &&
      !(Number.isInteger(e.hoursEquivalent) && e.hoursEquivalent > 0)
    )
      issues.push({
        path: `${at}.hoursEquivalent`,
        message: 'must be a positive whole number or null',
      });
  });
  return issues;
}

function fail(issues: FieldIssue[]): never {
  throw new AppError(
    'validation_failed',
    issues
      .map((i) => `${i.path}: ${i.message}`)
      .slice(0, 5)
      .join('; '),
    undefined,
    issues,
  );
}

export interface IssueDeps {
  repository: CertificatesRepository;
  keys: CertificateKeyRing;
  cipher: IdNumberCipher;
}

/**
 * Issues one certificate per entry inside the caller's transaction; people who already
 * hold one for the year keep it. Serials are random: a clash with another serial (rare)
 * is retried with a new one, never an error.
 */
export async function issueCertificateBatch(
  deps: IssueDeps,
  tx: DbOrTx,
  input: CertificateIssueInput,
  issuedAt: Date,
): Promise<CertificateIssueResult & { provinceCode: string; provincePath: string }> {
  const problems = checkEntries(input.people);
  if (!Number.isInteger(input.year))
    problems.push({ path: 'year', message: 'must be a whole year' });
  if (problems.length > 0) fail(problems);
  const { repository } = deps;
  const [province] = await repository.orgsByIds(tx, [input.provinceId]);
  if (!province || province.kind !== 'province' || !province.regionCode)
    fail([{ path: 'provinceId', message: 'no such province' }]);
  const provinceCode = province.regionCode;
  const issuerName = (await repository.cmeOfficeName(tx, province.id)) ?? province.name;

  const personIds = input.people.map((e) => e.personId);
  const units = new Map(
    (await repository.orgsByIds(tx, [...new Set(input.people.map((e) => e.unitId))])).map((u) => [
      u.id,
      u,
    ]),
  );
  const holders = new Map((await repository.holders(tx, personIds)).map((h) => [h.id, h]));
  const unitProblems: FieldIssue[] = [];
  input.people.forEach((e, i) => {
    const unit = units.get(e.unitId);
    if (!unit || !unit.path.startsWith(province.path))
      unitProblems.push({
        path: `people.${String(i)}.unitId`,
        message: 'no such unit in the province',
      });
    if (!holders.has(e.personId))
      unitProblems.push({ path: `people.${String(i)}.personId`, message: 'no such person' });
  });
  if (unitProblems.length > 0) fail(unitProblems);

  const existing = await repository.existing(tx, input.year, personIds);
  const done = new Set(existing.map((e) => e.personId));
  let pending = input.people.filter((e) => !done.has(e.personId));
  const issued: { personId: string; serial: string }[] = [];
  const issuedOn = issuedAt.toISOString().slice(0, 10);

  for (let round = 0; pending.length > 0; round++) {
    if (round >= 5) throw new Error('certificate serials kept clashing');
    const rows: NewCertificate[] = pending.map((e) => {
      const holder = holders.get(e.personId);
      const unit = units.get(e.unitId);
      if (!holder || !unit) throw new Error('checked above');
      const serial = formatCertificateSerial({
        provinceCode,
        year: input.year,
        random: serialRandomPart(randomBytes(9)),
      });
      const facts: CertificateFacts = {
        serial,
        year: input.year,
        holderName: holder.name,
        holderIdNumberMasked: holder.idNumberMasked,
        unitName: unit.name,
        provinceCode,
        issuerName,
        issuedOn,
        totalCredits: e.totalCredits,
        classCredits: e.classCredits ?? {},
        hoursEquivalent: e.hoursEquivalent,
        packs: e.packs.map((p) => ({ id: p.id, version: p.version })),
      };
      const { kid, signature } = deps.keys.sign(provinceCode, canonicaliseCertificate(facts));
      const salt = randomBytes(16).toString('hex');
      const idNumber = deps.cipher.decrypt(holder.idNumberCipher).toUpperCase();
      return {
        serial,
        personId: e.personId,
        year: input.year,
        provinceId: province.id,
        provinceCode,
        unitId: unit.id,
        unitPath: unit.path,
        holderName: facts.holderName,
        holderIdMasked: facts.holderIdNumberMasked,
        unitName: facts.unitName,
        issuerName,
        issuedOn,
        issuedAt,
        totalCredits: facts.totalCredits,
        classCredits: facts.classCredits,
        hoursEquivalent: facts.hoursEquivalent,
        packs: [...facts.packs],
        keyId: kid,
        signature,
        recipientSalt: salt,
        recipientHash: `sha256$${createHash('sha256')
          .update(idNumber + salt)
          .digest('hex')}`,
      };
    });
    const written = await repository.insertNew(tx, rows);
    for (const row of rows)
      if (written.has(row.personId)) issued.push({ personId: row.personId, serial: row.serial });
    const missed = pending.filter((e) => !written.has(e.personId));
    // A concurrent issuer may have won the (person, year) race: those are existing now.
    const raced = await repository.existing(
      tx,
      input.year,
      missed.map((e) => e.personId),
    );
    existing.push(...raced);
    const racedIds = new Set(raced.map((r) => r.personId));
    pending = missed.filter((e) => !racedIds.has(e.personId));
  }
  return { issued, existing, provinceCode, provincePath: province.path };
}
