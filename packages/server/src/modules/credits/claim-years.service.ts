import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { Actor } from '../../platform/auth/actor';
import type { Db, DbOrTx } from '../../platform/db/database';
import { chinaYear, type Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import { isCheckViolation } from '../../platform/db/pg-errors';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { StandingsService } from '../standings/standings.service';
import { ClaimYearsRepository, partitionOf } from './claim-years.repository';
import { canManageClaimYears } from './credits.policy';

export interface ClaimYearsDeps {
  db: Db;
  clock: Clock;
  auditLog: AuditLogService;
  repository: ClaimYearsRepository;
  standings: Pick<StandingsService, 'yearArchived'>;
}

export interface YearArchived {
  year: number;
  file: string;
  sha256: string;
  bytes: number;
  rows: Record<string, number>;
}

/** The first line of an archive file: what it is. Every other line is `{ t, row }`. */
export const claimArchiveFormat = 'jijiao-claim-year-archive/1';

/**
 * Archiving a year of claims (ADR 0042): its partition is detached from `credit_claims`
 * and dropped, after every row of it and every row pointing at it is written to a gzip'd
 * JSON-lines file. Only an ended year whose audit every province has filed, with no claim
 * still in review, and with a partition of its own.
 */
export class ClaimYearsService {
  readonly #deps: ClaimYearsDeps;

  constructor(deps: ClaimYearsDeps) {
    this.#deps = deps;
  }

  /**
   * Creates the partition of a year ahead of its claims (the migration made 2016–2035 and
   * every year it found). False when it exists. Refused (conflict) while claims of that
   * year sit in the default partition.
   */
  async addYear(actor: Actor, year: number): Promise<boolean> {
    if (!Number.isInteger(year) || year < 1990 || year > 2100)
      throw new AppError('validation_failed', `year: not a credit year: ${String(year)}`);
    if (!canManageClaimYears(actor, [])) throw forbidden();
    try {
      const created = await this.#deps.repository.addYear(this.#deps.db, year);
      if (created)
        await this.#deps.auditLog.record({
          action: 'credit.year_partition_added',
          actorUserId: actor.userId,
          actorUsername: actor.username,
          details: { year },
        });
      return created;
    } catch (error) {
      if (isCheckViolation(error))
        throw new AppError(
          'conflict',
          `Claims of ${String(year)} are in credit_claims_default already: that year cannot get a partition of its own`,
        );
      throw error;
    }
  }

  async archiveYear(actor: Actor, year: number, file: string): Promise<YearArchived> {
    const { db, repository } = this.#deps;
    await this.refuseUnlessClosed(actor, db, year, file);
    const partial = `${file}.partial`;
    try {
      const archived = await db.transaction(async (tx) => {
        await repository.lockYear(tx, year);
        // Checked again under the lock: nothing entered the year since.
        await this.refuseUnlessClosed(actor, tx, year, file);
        const written = await writeArchive(partial, year, this.#deps.clock.now(), (write) =>
          repository.eachArchivedRow(tx, year, write),
        );
        await repository.removeYear(tx, year);
        await this.#deps.standings.yearArchived(tx, year);
        await repository.recordArchive(tx, {
          year,
          fileName: path.basename(file),
          sha256: written.sha256,
          rowCounts: written.rows,
          archivedBy: actor.userId,
          archivedAt: this.#deps.clock.now(),
        });
        await this.#deps.auditLog.record(
          {
            action: 'credit.year_archived',
            actorUserId: actor.userId,
            actorUsername: actor.username,
            details: {
              year,
              fileName: path.basename(file),
              sha256: written.sha256,
              claims: written.rows.credit_claims ?? 0,
              count: Object.values(written.rows).reduce((a, b) => a + b, 0),
            },
          },
          tx,
        );
        return written;
      });
      fs.renameSync(partial, file);
      return { year, file, ...archived };
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }

  private async refuseUnlessClosed(
    actor: Actor,
    db: DbOrTx,
    year: number,
    file: string,
  ): Promise<void> {
    const current = chinaYear(this.#deps.clock.now());
    if (year >= current)
      throw new AppError(
        'invalid_state',
        `${String(year)} has not ended (this is ${String(current)}): only an ended year can be archived`,
      );
    if (fs.existsSync(file))
      throw new AppError('conflict', `${file} exists: name a new file for the archive`);
    const facts = await this.#deps.repository.yearFacts(db, year);
    if (!canManageClaimYears(actor, facts.provinces)) throw forbidden();
    if (facts.archived)
      throw new AppError('conflict', `The claims of ${String(year)} are archived already`);
    if (!facts.partitioned)
      throw new AppError(
        'invalid_state',
        `The claims of ${String(year)} have no partition of their own (${partitionOf(year)}); they are kept in credit_claims_default and cannot be detached`,
      );
    if (facts.unaudited.length > 0)
      throw new AppError(
        'invalid_state',
        `${String(year)} is still open: no filed audit of it in ${facts.unaudited.join(', ')}`,
      );
    if (facts.inReview > 0)
      throw new AppError(
        'invalid_state',
        `${String(year)} still has ${String(facts.inReview)} claim(s) in review`,
      );
  }
}

/** The file's bytes and its directory entry flushed to the disk. */
async function syncToDisk(file: string): Promise<void> {
  for (const target of [file, path.dirname(path.resolve(file))]) {
    const handle = await fs.promises.open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  }
}

/** Streams the lines through gzip into `file`, hashing what lands on disk. */
async function writeArchive(
  file: string,
  year: number,
  at: Date,
  produce: (write: (lines: string[]) => Promise<void>) => Promise<Record<string, number>>,
): Promise<{ sha256: string; bytes: number; rows: Record<string, number> }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const gzip = zlib.createGzip();
  const out = fs.createWriteStream(file);
  const hash = createHash('sha256');
  let bytes = 0;
  gzip.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  gzip.pipe(out);
  const write = async (lines: string[]) => {
    if (!gzip.write(`${lines.join('\n')}\n`)) await once(gzip, 'drain');
  };
  try {
    await write([
      JSON.stringify({ format: claimArchiveFormat, year, archivedAt: at.toISOString() }),
    ]);
    const rows = await produce(write);
    // The last line says the file is whole: a copy cut short has none.
    await write([JSON.stringify({ end: true, rows })]);
    gzip.end();
    await once(out, 'close');
    // On disk before the partition is dropped: a power cut must not outlive the file.
    await syncToDisk(file);
    return { sha256: hash.digest('hex'), bytes, rows };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  }
}

const forbidden = () =>
  new AppError(
    'forbidden',
    'Only the provinces’ CME administrators (audit:manage over every province with claims of the year) manage the claims’ years',
  );
