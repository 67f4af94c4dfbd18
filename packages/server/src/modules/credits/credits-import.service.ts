import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ActivityType, ImportReport, JobAccepted } from '@jijiao/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Config } from '../../platform/config/config';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { noProgress, type ProgressListener } from '../../platform/jobs/progress';
import {
  checkXlsx,
  defaultXlsxLimits,
  finishImport,
  readSheetInChunks,
  reportEvenIfInvalid,
  workbookStream,
  writeTemplate,
  type ImportCounts,
  type ImportIssues,
  type RowValues,
  type SheetProgress,
  type SheetRow,
} from '../../platform/excel';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { JobContext } from '../jobs/job-runner';
import type { JobsService } from '../jobs/jobs.service';
import type { OrgRow } from '../orgs/orgs.service';
import type { OrgsService } from '../orgs/orgs.service';
import type { PeopleService } from '../people/people.service';
import type { ClaimValuation } from '@jijiao/domain';
import type { CreditIntake, PersonAndPlace } from './credit-intake.service';
import { canEnterCreditsAt } from './credits.policy';
import {
  activityFields,
  activityOfRow,
  columnOfField,
  creditColumns,
  type CreditColumns,
} from './credits-columns';

export interface CreditsImportDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'imports'>;
  intake: Pick<
    CreditIntake,
    'recordManySubmitted' | 'lockIntake' | 'personAndPlace' | 'valueForEntry' | 'chainFor'
  >;
  people: Pick<PeopleService, 'findByIdNumbers' | 'idNumberHash'>;
  orgs: Pick<OrgsService, 'findAny' | 'findUnitByNameOrCreditCode'>;
  auditLog: Pick<AuditLogService, 'record' | 'firstAt'>;
  jobs: Pick<JobsService, 'enqueue'>;
  /** Rows read, checked and written at a time (default `importChunk`). */
  chunkRows?: number;
}

export interface CreditsImportOptions {
  dryRun: boolean;
  /** The uploaded file's name, for the provenance of each claim (`file#row N`). */
  fileName: string;
}

/** A row of a year closed to entry (credits count only in the year they are entered). */
function closedYearMessage(year: number, closedOn: string): string {
  return `${String(year)} 年度已于 ${closedOn} 截止录入：本省学分按年度录入，方可视为当年有效学分`;
}

/**
 * Rows read, checked and written at a time within the import's one transaction: what is
 * held in memory at once (ADR 0035).
 */
const importChunk = 10_000;
/** Rows per file: every one valued by the rules engine, all written in one transaction. */
export const creditImportMaxRows = 100_000;
const sheetName = '学分';
/** What a credit import job keeps besides the file. */
const jobParamsSchema = z.object({
  unitId: z.uuid(),
  dryRun: z.boolean(),
  fileName: z.string(),
  ip: z.string(),
});

const fixedColumns = new Set<keyof CreditColumns>(['idNumber', 'name', 'type', 'date', 'remark']);

/** The empty credits template; it needs no database (the CLI writes it without one). */
export function creditsTemplate(): Readable {
  return workbookStream((stream) =>
    writeTemplate(creditColumns('2100-01-01'), stream, {
      sheetName,
      notes: [
        '每行一项学分活动；按活动类型填写相应的列，其余列留空。学分由规则引擎按人员所在地区和年度的政策计算。',
        '整个文件逐行校验，任何一行有问题则全部不导入；导入的学分提交到本单位的审核流程。',
        '同一人员、同一项目编号、同一角色、日期重叠的项目视为同一学分，只保留一条并记录来源。',
      ],
    }),
  );
}

/** A checked row: its person and place, and its activity valued under its claim id. */
interface ImportRecord {
  row: number;
  claimId: string;
  known: PersonAndPlace;
  valued: ClaimValuation;
}

/**
 * Credits of one unit's staff from a spreadsheet: every row checked first (ID, the person
 * registered in the unit's subtree under that name, the activity valued by the rules
 * engine); any problem → `import_invalid` naming row and column, nothing written.
 * Otherwise one transaction records every row through CreditIntake's bulk intake (channel
 * `spreadsheet_import`, submitted into the unit's review chain, duplicates matched).
 */
export class CreditsImport {
  readonly #deps: CreditsImportDeps;

  constructor(deps: CreditsImportDeps) {
    this.#deps = deps;
  }

  /** Today in China (UTC+8), as a calendar date. */
  today(): string {
    return chinaDay(this.#deps.clock.now());
  }

  template(): Readable {
    return creditsTemplate();
  }

  /** A unit the actor enters credits for, by id, name or credit code; else 404. */
  async unitInScope(actor: Actor, idOrName: string): Promise<OrgRow> {
    const byId = /^[0-9a-f-]{36}$/i.test(idOrName)
      ? await this.#deps.orgs.findAny(idOrName)
      : undefined;
    const byName = byId
      ? undefined
      : await this.#deps.orgs.findUnitByNameOrCreditCode(actor, idOrName, 'credit:enter');
    const unit = byId ?? (byName ? await this.#deps.orgs.findAny(byName.id) : undefined);
    return visibleOr404(unit, canEnterCreditsAt, actor, {
      what: 'unit',
      details: { unit: idOrName },
    });
  }

  async import(
    actor: Actor,
    unitIdOrName: string,
    file: Buffer,
    options: CreditsImportOptions,
    ip: string,
    progress: ProgressListener = noProgress,
  ): Promise<ImportReport> {
    const { db, config, auditLog } = this.#deps;
    const unit = await this.unitInScope(actor, unitIdOrName);
    const sha256 = createHash('sha256').update(file).digest('hex');
    await this.refuseRepeat(unit, sha256);
    await progress(0, null);
    const limits = { maxBytes: config.imports.maxBytes, maxRows: creditImportMaxRows };
    const checker = new RowChecker(this.#deps, unit, this.today());
    const chunkRows = this.#deps.chunkRows ?? importChunk;
    let valid = 0;
    if (options.dryRun) {
      const read = await readSheetInChunks(file, checker.columns, limits, {
        chunkRows,
        onRows: async (rows, sofar) => {
          valid += (await checker.check(db, rows, sofar.issues)).length;
          await progress(sofar.rowCount, null);
        },
      });
      await progress(read.rowCount, read.rowCount);
      return finishImport({
        rowCount: read.rowCount,
        issues: read.issues,
        hasRecords: valid > 0,
        dryRun: true,
        write: () => Promise.resolve({ created: valid, updated: 0, unchanged: 0 }),
      });
    }
    // Streamed (ADR 0035): each chunk is checked, then written in the one transaction while
    // the file has had no problem so far, and the next chunk is read while it is written.
    // A problem anywhere stops the writing; the rest is still checked for the report, and
    // the transaction is rolled back: nothing is written.
    let read: SheetProgress | undefined;
    let counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    const rolledBack = new Error('the file has problems: rolled back');
    try {
      await db.transaction(async (tx) => {
        const writer = new ChunkWriter(this.#deps, tx, actor, unit, { ...options, ip });
        read = await readSheetInChunks(file, checker.columns, limits, {
          chunkRows,
          onRows: async (rows, sofar) => {
            await writer.settled();
            const records = await checker.check(tx, rows, sofar.issues);
            valid += records.length;
            if (sofar.issues.count === 0) writer.write(records, rows.length >= chunkRows);
            await progress(sofar.rowCount, null);
          },
        });
        await writer.settled();
        if (read.issues.count > 0) throw rolledBack;
        counts = writer.counts();
        await auditLog.record(
          actorEvent(actor, 'credits.imported', ip, {
            targetType: 'import',
            targetId: unit.id,
            orgPath: unit.path,
            details: { fileName: options.fileName, sha256, ...counts },
          }),
          tx,
        );
      });
    } catch (error) {
      if (error !== rolledBack) throw error;
    }
    if (!read) throw new Error('the sheet was not read');
    await progress(read.rowCount, read.rowCount);
    const written = counts;
    return finishImport({
      rowCount: read.rowCount,
      issues: read.issues,
      hasRecords: valid > 0,
      dryRun: false,
      write: () => Promise.resolve(written),
    });
  }

  /**
   * The import as a job (ADR 0024): the unit in scope (404), the file not imported there
   * before (409) and the bytes an xlsx within the limits (415, 413) are checked now; the
   * rows, valued by the rules engine, later.
   */
  async startImport(
    actor: Actor,
    unitIdOrName: string,
    file: Buffer,
    options: CreditsImportOptions,
    ip: string,
  ): Promise<JobAccepted> {
    const unit = await this.unitInScope(actor, unitIdOrName);
    await this.refuseRepeat(unit, createHash('sha256').update(file).digest('hex'));
    const maxBytes = this.#deps.config.imports.maxBytes;
    await checkXlsx(file, { ...defaultXlsxLimits, maxBytes });
    const params: z.input<typeof jobParamsSchema> = {
      unitId: unit.id,
      dryRun: options.dryRun,
      fileName: options.fileName,
      ip,
    };
    return this.#deps.jobs.enqueue(actor, {
      kind: 'credits_import',
      orgPath: unit.path,
      params,
      input: file,
      fileName: options.fileName,
    });
  }

  /**
   * The job's handler: the same all-or-nothing import; an invalid file is its report. Run
   * again after its process stopped mid-write, a file already written is refused by the
   * repeat check (`conflict`), never counted twice.
   */
  async runImportJob(job: JobContext): Promise<ImportReport> {
    const { unitId, dryRun, fileName, ip } = jobParamsSchema.parse(job.params);
    const input = job.input;
    if (!input) throw new Error('credit import job without its file');
    return reportEvenIfInvalid(() =>
      this.import(job.actor, unitId, input, { dryRun, fileName }, ip, job.progress),
    );
  }

  /** The same bytes imported into the same unit before: refused, they would count twice. */
  private async refuseRepeat(unit: OrgRow, sha256: string): Promise<void> {
    const at = await this.#deps.auditLog.firstAt('credits.imported', unit.path, {
      key: 'sha256',
      value: sha256,
    });
    if (at) {
      throw new AppError('conflict', 'This file was already imported into this unit', {
        importedAt: new Date(at).toISOString(),
      });
    }
  }
}

/** Looked up and checked a chunk of rows at a time; what the rows share is kept. */
class RowChecker {
  readonly columns: CreditColumns;
  /** The rules' place depends on the person's unit only: looked up once per unit. */
  readonly #places = new Map<string, PersonAndPlace>();
  /** A person on many rows is hashed once. */
  readonly #hashes = new Map<string, string>();

  constructor(
    private readonly deps: CreditsImportDeps,
    private readonly unit: OrgRow,
    today: string,
  ) {
    this.columns = creditColumns(today);
  }

  /**
   * The chunk's rows checked (ID, the person registered in the unit's subtree under that
   * name, the activity valued by the rules engine): a record for each good row, an issue
   * for each other one.
   */
  async check(
    db: DbOrTx,
    rows: readonly SheetRow<RowValues<CreditColumns>>[],
    issues: ImportIssues,
  ): Promise<ImportRecord[]> {
    const { people, intake } = this.deps;
    const unit = this.unit;
    const found = await people.findByIdNumbers(
      rows.map((r) => r.values.idNumber),
      db,
    );
    const records: ImportRecord[] = [];
    for (const { row, values } of rows) {
      let hash = this.#hashes.get(values.idNumber);
      if (hash === undefined) {
        hash = people.idNumberHash(values.idNumber);
        this.#hashes.set(values.idNumber, hash);
      }
      const person = found.get(hash);
      if (!person || !person.unitPath.startsWith(unit.path)) {
        issues.add(row, '身份证号', `未找到该人员，或其不在${unit.name}登记`);
        continue;
      }
      if (person.name !== values.name) {
        issues.add(row, '姓名', `与身份证号登记的姓名（${person.name}）不一致`);
        continue;
      }
      const type: ActivityType = values.type;
      const allowed = new Set(activityFields[type]);
      const stray = (Object.keys(values) as (keyof CreditColumns)[]).filter(
        (k) => values[k] !== undefined && !fixedColumns.has(k) && !allowed.has(k),
      );
      if (stray.length > 0) {
        for (const k of stray)
          issues.add(row, this.columns[k].header, `活动类型为“${values.type}”时此列应为空`);
        continue;
      }
      const activity = activityOfRow(values);
      try {
        let place = this.#places.get(person.unitId);
        if (!place) {
          place = await intake.personAndPlace(db, person.id, person);
          this.#places.set(person.unitId, place);
        }
        const claimId = randomUUID();
        const valued = intake.valueForEntry(place.where, claimId, activity);
        records.push({ row, claimId, known: { ...place, person }, valued });
      } catch (error) {
        if (error instanceof AppError && error.code === 'year_closed') {
          const { year, closedOn } = error.details as { year: number; closedOn: string };
          issues.add(row, '日期', closedYearMessage(year, closedOn));
          continue;
        }
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        const field = error.issues?.[0]?.path.replace(/^activity\./, '') ?? '';
        const key = columnOfField[field.split('.')[0] ?? ''];
        const header = key ? this.columns[key].header : undefined;
        const message = error.issues?.[0]?.message ?? error.message;
        issues.add(row, header ?? '活动类型', header ? message : `${field}: ${message}`);
        continue;
      }
    }
    return records;
  }
}

/**
 * Writes checked chunks in the import's transaction, one at a time, each while the next
 * is read: CreditIntake's bulk intake (channel `spreadsheet_import`, submitted into each
 * unit's review chain, duplicates matched; a row matching a claim of an earlier chunk finds
 * it stored, as one by one would).
 */
class ChunkWriter {
  #pending: Promise<void> = Promise.resolve();
  #locked = false;
  #created = 0;
  #matched = 0;
  /** Each unit's chain in force, read once: every row of a unit walks the same chain. */
  readonly #chains = new Map<string, string[]>();

  constructor(
    private readonly deps: CreditsImportDeps,
    private readonly tx: DbOrTx,
    private readonly actor: Actor,
    private readonly unit: OrgRow,
    private readonly options: CreditsImportOptions & { ip: string },
  ) {}

  /** Starts writing the chunk; `more` when further chunks may follow. */
  write(records: readonly ImportRecord[], more: boolean): void {
    const writing = this.#write(records, more);
    // Awaited by `settled`; marked handled so that it is never an unhandled rejection.
    writing.catch(() => undefined);
    this.#pending = writing;
  }

  /** Waits for the chunk being written; throws what its write threw. */
  settled(): Promise<void> {
    return this.#pending;
  }

  counts(): ImportCounts {
    // A matched row adds its provenance to the claim already there.
    return { created: this.#created, updated: this.#matched, unchanged: 0 };
  }

  async #write(records: readonly ImportRecord[], more: boolean): Promise<void> {
    if (records.length === 0) return;
    const { intake } = this.deps;
    const { tx, actor, unit, options } = this;
    if (!this.#locked) {
      // The people of later chunks are not known yet: a file of several chunks takes every
      // person's lock, at once and in order; a file of one chunk only its people's.
      await intake.lockIntake(tx, more ? 'everyone' : records.map((r) => r.known.person.id));
      this.#locked = true;
    }
    for (const { known } of records) {
      if (!this.#chains.has(known.unit.id))
        this.#chains.set(known.unit.id, await intake.chainFor(tx, known.unit, false));
    }
    const result = await intake.recordManySubmitted(tx, {
      channel: 'spreadsheet_import',
      actor: { userId: actor.userId, username: actor.username, ip: options.ip, orgId: unit.id },
      locked: true,
      items: records.map((record) => ({
        claimId: record.claimId,
        known: record.known,
        valued: record.valued,
        chainSteps: this.#chains.get(record.known.unit.id) ?? [],
        sourceRef: `${options.fileName}#row ${record.row}`,
      })),
    });
    this.#created += result.created;
    this.#matched += result.matched;
  }
}
