import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ActivityType, ImportReport, JobAccepted } from '@jijiao/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import { chinaDay, type Clock } from '../../platform/clock';
import type { Config } from '../../platform/config/config';
import type { Db } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { noProgress, type ProgressListener } from '../../platform/jobs/progress';
import {
  checkXlsx,
  defaultXlsxLimits,
  finishImport,
  readSheet,
  reportEvenIfInvalid,
  rowProgress,
  workbookStream,
  writeTemplate,
  type ImportCounts,
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

/** Rows recorded at a time within the import's one transaction (memory, not statements). */
const importWriteChunk = 10_000;
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
    const unit = await this.unitInScope(actor, unitIdOrName);
    const sha256 = createHash('sha256').update(file).digest('hex');
    await this.refuseRepeat(unit, sha256);
    await progress(0, null);
    const read = await readSheet(file, creditColumns(this.today()), {
      maxBytes: this.#deps.config.imports.maxBytes,
      maxRows: creditImportMaxRows,
    });
    const checked = rowProgress(progress, read);
    const found = await this.#deps.people.findByIdNumbers(read.rows.map((r) => r.values.idNumber));
    const records: ImportRecord[] = [];
    // The rules' place depends on the person's unit only: looked up once per unit.
    const places = new Map<string, PersonAndPlace>();
    // A person on many rows is hashed once.
    const hashes = new Map<string, string>();
    for (const [index, { row, values }] of read.rows.entries()) {
      await checked(index);
      let hash = hashes.get(values.idNumber);
      if (hash === undefined) {
        hash = this.#deps.people.idNumberHash(values.idNumber);
        hashes.set(values.idNumber, hash);
      }
      const person = found.get(hash);
      if (!person || !person.unitPath.startsWith(unit.path)) {
        read.issues.add(row, '身份证号', `未找到该人员，或其不在${unit.name}登记`);
        continue;
      }
      if (person.name !== values.name) {
        read.issues.add(row, '姓名', `与身份证号登记的姓名（${person.name}）不一致`);
        continue;
      }
      const type: ActivityType = values.type;
      const allowed = new Set(activityFields[type]);
      const stray = (Object.keys(values) as (keyof CreditColumns)[]).filter(
        (k) => values[k] !== undefined && !fixedColumns.has(k) && !allowed.has(k),
      );
      if (stray.length > 0) {
        const columns = creditColumns(this.today());
        for (const k of stray)
          read.issues.add(row, columns[k].header, `活动类型为“${values.type}”时此列应为空`);
        continue;
      }
      const activity = activityOfRow(values);
      try {
        let place = places.get(person.unitId);
        if (!place) {
          place = await this.#deps.intake.personAndPlace(this.#deps.db, person.id, person);
          places.set(person.unitId, place);
        }
        const claimId = randomUUID();
        const valued = this.#deps.intake.valueForEntry(place.where, claimId, activity);
        records.push({ row, claimId, known: { ...place, person }, valued });
      } catch (error) {
        if (error instanceof AppError && error.code === 'year_closed') {
          const { year, closedOn } = error.details as { year: number; closedOn: string };
          read.issues.add(row, '日期', closedYearMessage(year, closedOn));
          continue;
        }
        if (!(error instanceof AppError) || error.code !== 'validation_failed') throw error;
        const field = error.issues?.[0]?.path.replace(/^activity\./, '') ?? '';
        const key = columnOfField[field.split('.')[0] ?? ''];
        const header = key ? creditColumns(this.today())[key].header : undefined;
        const message = error.issues?.[0]?.message ?? error.message;
        read.issues.add(row, header ?? '活动类型', header ? message : `${field}: ${message}`);
        continue;
      }
    }
    // Checked: the records hold what the write needs; the parsed rows can go.
    read.rows.length = 0;
    return finishImport({
      rowCount: read.rowCount,
      issues: read.issues,
      hasRecords: records.length > 0,
      dryRun: options.dryRun,
      write: (dryRun) =>
        dryRun
          ? Promise.resolve({ created: records.length, updated: 0, unchanged: 0 })
          : this.write(actor, unit, records, { ...options, sha256 }, ip),
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

  private async write(
    actor: Actor,
    unit: OrgRow,
    records: readonly ImportRecord[],
    options: CreditsImportOptions & { sha256: string },
    ip: string,
  ): Promise<ImportCounts> {
    let counts: ImportCounts = { created: 0, updated: 0, unchanged: 0 };
    await this.#deps.db.transaction(async (tx) => {
      // Each unit's chain in force, read once: every row of a unit walks the same chain.
      const chains = new Map<string, string[]>();
      for (const { known } of records) {
        if (!chains.has(known.unit.id))
          chains.set(known.unit.id, await this.#deps.intake.chainFor(tx, known.unit, false));
      }
      // Every person's lock first, in one statement; then the rows in chunks, so that only
      // a chunk's claims, provenances and history rows are in memory at a time. A row
      // matching a claim of an earlier chunk finds it stored, as one by one would.
      await this.#deps.intake.lockIntake(
        tx,
        records.map((r) => r.known.person.id),
      );
      let created = 0;
      let matched = 0;
      for (let start = 0; start < records.length; start += importWriteChunk) {
        const result = await this.#deps.intake.recordManySubmitted(tx, {
          channel: 'spreadsheet_import',
          actor: { userId: actor.userId, username: actor.username, ip, orgId: unit.id },
          locked: true,
          items: records.slice(start, start + importWriteChunk).map((record) => ({
            claimId: record.claimId,
            known: record.known,
            valued: record.valued,
            chainSteps: chains.get(record.known.unit.id) ?? [],
            sourceRef: `${options.fileName}#row ${record.row}`,
          })),
        });
        created += result.created;
        matched += result.matched;
      }
      // A matched row adds its provenance to the claim already there.
      counts = { created, updated: matched, unchanged: 0 };
      await this.#deps.auditLog.record(
        actorEvent(actor, 'credits.imported', ip, {
          targetType: 'import',
          targetId: unit.id,
          orgPath: unit.path,
          details: { fileName: options.fileName, sha256: options.sha256, ...counts },
        }),
        tx,
      );
    });
    return counts;
  }
}
