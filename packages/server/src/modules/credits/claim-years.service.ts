import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import type { Actor } from '../../platform/auth/actor';
import type { Db, DbOrTx } from '../../platform/db/database';
import { chinaYear, type Clock } from '../../platform/clock';
import { AppError } from '../../platform/errors/app-error';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { StandingsService } from '../standings/standings.service';
import { archivedTables, ClaimYearsRepository, type ArchivedTable } from './claim-years.repository';
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

export interface YearPartitionAdded {
  year: number;
  /** False when the year had its partition already. */
  created: boolean;
  /** Claims moved into it from the default partition. */
  moved: number;
}

export interface YearRestored {
  year: number;
  file: string;
  sha256: string;
  /** Rows put back, per table (award lines: linked again). */
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
   * Creates the partition of a year (the daily step keeps this year's, the two before and
   * the next), moving the year's claims into it from the default partition. Nothing when it
   * exists.
   */
  async addYear(actor: Actor, year: number): Promise<YearPartitionAdded> {
    if (!Number.isInteger(year) || year < 1990 || year > 2100)
      throw new AppError('validation_failed', `year: not a credit year: ${String(year)}`);
    if (!canManageClaimYears(actor, [])) throw forbidden();
    return this.#addYear(year, actor);
  }

  /**
   * The daily step (and each process's start): the partitions of this year (China time),
   * the two before it and the next exist (unless archived), and every credit year that has claims in the
   * default partition gets its own, with its claims moved into it. A year with more than
   * `moveAtMost` claims there is left for `jijiao claims add-year` at a quiet hour (the move
   * holds the claims' table against every read and write until it is done) and reported.
   */
  async ensureYears(options: { moveAtMost?: number } = {}): Promise<{
    added: YearPartitionAdded[];
    left: { year: number; claims: number }[];
  }> {
    const moveAtMost = options.moveAtMost ?? 100_000;
    const current = chinaYear(this.#deps.clock.now());
    // An archived year's partition is not made again (empty) for being recent.
    const archived = new Set(await this.#deps.repository.archivedYears(this.#deps.db));
    const years = new Set(
      [current - 2, current - 1, current, current + 1].filter((y) => !archived.has(y)),
    );
    const left: { year: number; claims: number }[] = [];
    for (const { year, claims } of await this.#deps.repository.yearsInDefault(this.#deps.db)) {
      if (year < 1990 || year > 2100) continue;
      if (claims > moveAtMost) {
        years.delete(year);
        left.push({ year, claims });
      } else years.add(year);
    }
    const added: YearPartitionAdded[] = [];
    for (const year of [...years].sort((a, b) => a - b)) {
      const done = await this.#addYear(year, null);
      if (done.created) added.push(done);
    }
    return { added, left };
  }

  async #addYear(year: number, actor: Actor | null): Promise<YearPartitionAdded> {
    const { db, repository, auditLog } = this.#deps;
    return db.transaction(async (tx) => {
      const { created, moved } = await repository.addYear(tx, year);
      if (created)
        await auditLog.record(
          {
            action: 'credit.year_partition_added',
            actorUserId: actor?.userId ?? null,
            actorUsername: actor?.username ?? null,
            details: { year, moved },
          },
          tx,
        );
      return { year, created, moved };
    });
  }

  async archiveYear(actor: Actor, year: number, file: string): Promise<YearArchived> {
    const { db, repository } = this.#deps;
    await this.refuseUnlessClosed(actor, db, year, file);
    const partial = `${file}.partial`;
    try {
      const archived = await db.transaction(async (tx) => {
        // A year kept in the default partition gets its own first: it is what is detached.
        await repository.addYear(tx, year);
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

  /**
   * Puts an archived year back (ADR 0042): the file must be the one its archiving recorded
   * (SHA-256) and whole (its end line, with the rows it counted). In one transaction the
   * year's partition is created (or reused, empty), every row is inserted as it was, award
   * lines are linked again, and the year is no longer archived. The standings of the year
   * were kept when it was archived: nothing to recompute.
   */
  async restoreYear(actor: Actor, year: number, file: string): Promise<YearRestored> {
    if (!canManageClaimYears(actor, [])) throw forbidden();
    const { db, repository } = this.#deps;
    const record = await repository.archiveOf(db, year);
    if (!record)
      throw new AppError(
        'invalid_state',
        `The claims of ${String(year)} are not archived: nothing to restore`,
      );
    if (!fs.existsSync(file)) throw new AppError('not_found', `${file}: no such file`);
    const sha256 = await sha256Of(file);
    if (sha256 !== record.sha256)
      throw new AppError(
        'conflict',
        `${file} is not the archive of ${String(year)} made on ${record.archivedAt.toISOString().slice(0, 10)} (${record.fileName}): its SHA-256 differs`,
        { expected: record.sha256, found: sha256 },
      );
    const rows = await db.transaction(async (tx) => {
      // Under the record's lock: a restore of the same year running meanwhile has deleted it.
      if (!(await repository.archiveOf(tx, year, true)))
        throw new AppError('conflict', `The claims of ${String(year)} were restored meanwhile`);
      // Claims of the year that arrived since (in the default partition) move into it.
      await repository.addYear(tx, year);
      const restore = (table: ArchivedTable, page: readonly unknown[]) =>
        repository.restoreRows(tx, table, page);
      // Evidence files come last in the file, and the evidence links point at them: the
      // links and the award lines in a second pass.
      const later = new Set<ArchivedTable>(['claim_evidence', 'award_lines']);
      const counted = await readArchive(file, year, restore, (t) => !later.has(t));
      await readArchive(file, year, restore, (t) => later.has(t));
      const facts = await repository.yearFacts(tx, year);
      if (!canManageClaimYears(actor, facts.provinces)) throw forbidden();
      await repository.forgetArchive(tx, year);
      await this.#deps.auditLog.record(
        {
          action: 'credit.year_restored',
          actorUserId: actor.userId,
          actorUsername: actor.username,
          details: {
            year,
            fileName: path.basename(file),
            sha256,
            claims: counted.credit_claims ?? 0,
            count: Object.values(counted).reduce((a, b) => a + b, 0),
          },
        },
        tx,
      );
      return counted;
    });
    return { year, file, sha256, rows };
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
    if (facts.claims === 0)
      throw new AppError('invalid_state', `There are no claims of ${String(year)} to archive`);
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

/** SHA-256 of a file's bytes, read as a stream. */
async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Rows handed to the database at a time when a year is restored: a thousand, or fewer when
 * they are large (evidence files carry their bytes), so that a page stays under 16 MB.
 */
const restorePage = { rows: 1000, bytes: 16 << 20 };

/**
 * Reads an archive file (streamed: gunzip, then line by line) and hands the rows of the
 * tables `wanted` keeps to `restore`, a page at a time. The file must be of `year`, in the
 * archive format, and end with its end line whose row counts are those read; else
 * `validation_failed`, and the caller's transaction is rolled back. Returns the rows read
 * per table.
 */
async function readArchive(
  file: string,
  year: number,
  restore: (table: ArchivedTable, rows: readonly unknown[]) => Promise<void>,
  wanted: (table: ArchivedTable) => boolean,
): Promise<Record<string, number>> {
  const invalid = (why: string) =>
    new AppError('validation_failed', `${file} is not a whole archive of ${String(year)}: ${why}`);
  const gunzip = zlib.createGunzip();
  const source = fs.createReadStream(file);
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip).setEncoding('utf8');
  const counts: Record<string, number> = {};
  let page: { table: ArchivedTable; rows: unknown[]; bytes: number } | undefined;
  const flush = async () => {
    if (page && page.rows.length > 0) await restore(page.table, page.rows);
    page = undefined;
  };
  let header = false;
  let end: Record<string, unknown> | undefined;
  let number = 0;
  const take = async (line: string) => {
    number += 1;
    if (end) throw invalid(`line ${String(number)} follows the end line`);
    let parsed: {
      t?: unknown;
      row?: unknown;
      end?: unknown;
      rows?: unknown;
      format?: unknown;
      year?: unknown;
    };
    try {
      parsed = JSON.parse(line) as typeof parsed;
    } catch {
      throw invalid(`line ${String(number)} is not JSON`);
    }
    if (!header) {
      if (parsed.format !== claimArchiveFormat || parsed.year !== year)
        throw invalid(
          `its first line is not the header of ${claimArchiveFormat} for ${String(year)}`,
        );
      header = true;
      return;
    }
    if (parsed.end === true) {
      end = (parsed.rows ?? {}) as Record<string, unknown>;
      return;
    }
    const table = archivedTables.find((t) => t === parsed.t);
    if (!table || typeof parsed.row !== 'object' || parsed.row === null)
      throw invalid(`line ${String(number)} is not a row of a table the archive holds`);
    counts[table] = (counts[table] ?? 0) + 1;
    if (!wanted(table)) return;
    if (page?.table !== table) await flush();
    page ??= { table, rows: [], bytes: 0 };
    page.rows.push(parsed.row);
    page.bytes += line.length;
    if (page.rows.length >= restorePage.rows || page.bytes >= restorePage.bytes) await flush();
  };
  let rest = '';
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + (chunk as string)).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) if (line !== '') await take(line);
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(`it cannot be read to its end (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
  if (rest !== '') await take(rest);
  await flush();
  if (!end) throw invalid('it has no end line (cut short?)');
  for (const table of archivedTables) {
    const said = Number(end[table] ?? 0);
    if ((counts[table] ?? 0) !== said)
      throw invalid(
        `${table}: ${String(counts[table] ?? 0)} rows, its end line says ${String(said)}`,
      );
  }
  return counts;
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
