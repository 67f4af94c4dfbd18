import type { Readable } from 'node:stream';
import type {
  ImportReport,
  JobAccepted,
  Person,
  PersonCreate,
  PersonListQuery,
} from '@jijiao/contracts';
import { rolePermissions } from '@jijiao/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import type { Config } from '../../platform/config/config';
import { noProgress, type ProgressListener } from '../../platform/jobs/progress';
import {
  checkXlsx,
  defaultXlsxLimits,
  finishImport,
  readSheet,
  reportEvenIfInvalid,
  rowProgress,
  workbookStream,
  writeSheet,
  writeTemplate,
  type ExportRow,
  type ImportCounts,
} from '../../platform/excel';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { JobContext } from '../jobs/job-runner';
import type { JobsService } from '../jobs/jobs.service';
import type { OrgsService } from '../orgs/orgs.service';
import { peopleColumns, type PeopleColumns } from './people-columns';
import type { PeopleService } from './people.service';

export interface PeopleExcelDeps {
  people: Pick<PeopleService, 'importPeople' | 'iteratePeople' | 'today'>;
  orgs: Pick<OrgsService, 'findUnitByNameOrCreditCode'>;
  auditLog: Pick<AuditLogService, 'record'>;
  config: Pick<Config, 'imports'>;
  jobs: Pick<JobsService, 'enqueue'>;
}

export interface PeopleImportOptions {
  dryRun: boolean;
  /** Where rows without 单位 go; a unit admin of one unit needs none. */
  unitId?: string | undefined;
}

const sheetName = '人员';

/** What a people import job keeps besides the file. */
const jobParamsSchema = z.object({
  dryRun: z.boolean(),
  unitId: z.uuid().optional(),
  ip: z.string(),
});

function toExportRow(person: Person): ExportRow<PeopleColumns> {
  return {
    name: person.name,
    // Exports never carry the full number: the masked one is all a file may hold.
    idNumber: person.idNumberMasked,
    phone: person.phone ?? undefined,
    profession: person.profession,
    tcm: person.tcm,
    titleGrade: person.titleGrade,
    unit: person.unitName,
  };
}

/** The empty import template; it needs no database (the CLI writes it without one). */
export function peopleTemplate(): Readable {
  // The date only bounds birth dates when reading; a template holds no rows.
  return workbookStream((stream) =>
    writeTemplate(peopleColumns('2100-01-01'), stream, {
      sheetName,
      notes: [
        '同一身份证号已登记的人员会按表格内容更新；内容相同的行保持不变，重复导入不会产生变化。',
      ],
    }),
  );
}

/** The only unit the actor manages people at, when there is exactly one. */
function soleUnitOf(actor: Actor): string | undefined {
  const grants = actor.grants.filter((g) => rolePermissions[g.role].includes('person:manage'));
  const [only] = grants;
  return grants.length === 1 && only?.orgKind === 'unit' ? only.orgId : undefined;
}

/** People as Excel files: the template, an export of a filtered list, an all-or-nothing import. */
export class PeopleExcel {
  readonly #deps: PeopleExcelDeps;

  constructor(deps: PeopleExcelDeps) {
    this.#deps = deps;
  }

  /** Today's date (YYYY-MM-DD), for file names. */
  today(): string {
    return this.#deps.people.today();
  }

  template(): Readable {
    return peopleTemplate();
  }

  /** For `--unit` and the like: a unit the actor manages people at, by name or credit code. */
  async findUnit(actor: Actor, text: string): Promise<string | undefined> {
    return (await this.#deps.orgs.findUnitByNameOrCreditCode(actor, text, 'person:manage'))?.id;
  }

  /**
   * Every person matching the list filter, as a workbook stream. The first page is read
   * before answering, so a filter outside the actor's scope is a 404, not a broken download.
   */
  async export(actor: Actor, query: Partial<PersonListQuery>, ip: string): Promise<Readable> {
    const { after: _after, limit: _limit, ...filter } = query;
    const people = this.#deps.people.iteratePeople(actor, {
      sort: 'name',
      order: 'asc',
      ...filter,
    });
    const first = await people.next();
    await this.#deps.auditLog.record(
      actorEvent(actor, 'people.exported', ip, { targetType: 'export', details: { filter } }),
    );
    async function* rows() {
      if (first.done) return;
      yield toExportRow(first.value);
      for await (const person of people) yield toExportRow(person);
    }
    const columns = peopleColumns(this.today());
    return workbookStream((stream) => writeSheet(columns, rows(), stream, { sheetName }));
  }

  /**
   * Reads and checks every row, then hands the valid file to the people service, which
   * upserts by ID number in one transaction. Any problem: AppError('import_invalid') with
   * the full report, and nothing written.
   */
  async import(
    actor: Actor,
    file: Buffer,
    options: PeopleImportOptions,
    ip: string,
    progress: ProgressListener = noProgress,
  ): Promise<ImportReport> {
    await progress(0, null);
    const read = await readSheet(file, peopleColumns(this.today()), {
      maxBytes: this.#deps.config.imports.maxBytes,
    });
    const checked = rowProgress(progress, read);
    const defaultUnitId = options.unitId ?? soleUnitOf(actor);
    const units = new Map<string, string | undefined>();
    const firstRowOf = new Map<string, number>();
    const records: PersonCreate[] = [];
    const rowNumbers: number[] = [];
    for (const [index, { row, values }] of read.rows.entries()) {
      await checked(index);
      const first = firstRowOf.get(values.idNumber);
      if (first !== undefined) {
        read.issues.add(row, '身份证号', `与第 ${first} 行重复`);
        continue;
      }
      firstRowOf.set(values.idNumber, row);
      let unitId = defaultUnitId;
      if (values.unit !== undefined) {
        if (!units.has(values.unit))
          units.set(values.unit, await this.findUnit(actor, values.unit));
        unitId = units.get(values.unit);
        if (!unitId) {
          read.issues.add(
            row,
            '单位',
            '未找到该单位，或不在您的管理范围内（同名单位请填统一社会信用代码）',
          );
          continue;
        }
      }
      if (!unitId) {
        read.issues.add(row, '单位', '必填（导入时未选择默认单位）');
        continue;
      }
      records.push({
        name: values.name,
        idNumber: values.idNumber,
        ...(values.phone ? { phone: values.phone } : {}),
        profession: values.profession,
        tcm: values.tcm ?? false,
        titleGrade: values.titleGrade,
        unitId,
      });
      rowNumbers.push(row);
    }
    return finishImport({
      rowCount: read.rowCount,
      issues: read.issues,
      hasRecords: records.length > 0,
      dryRun: options.dryRun,
      write: (dryRun): Promise<ImportCounts> =>
        this.#deps.people.importPeople(actor, records, { dryRun, rowNumbers, ip }),
    });
  }

  /**
   * The import as a job (ADR 0024): what can be checked at once is (the bytes are an xlsx
   * within the limits), then the file is queued; `runImportJob` does the rest later.
   */
  async startImport(
    actor: Actor,
    file: { bytes: Buffer; fileName: string },
    options: PeopleImportOptions,
    ip: string,
  ): Promise<JobAccepted> {
    const maxBytes = this.#deps.config.imports.maxBytes;
    await checkXlsx(file.bytes, { ...defaultXlsxLimits, maxBytes });
    const params: z.input<typeof jobParamsSchema> = { dryRun: options.dryRun, ip };
    if (options.unitId !== undefined) params.unitId = options.unitId;
    return this.#deps.jobs.enqueue(actor, {
      kind: 'people_import',
      params,
      input: file.bytes,
      fileName: file.fileName,
    });
  }

  /** The job's handler: the same all-or-nothing import; an invalid file is its report. */
  async runImportJob(job: JobContext): Promise<ImportReport> {
    const { dryRun, unitId, ip } = jobParamsSchema.parse(job.params);
    const input = job.input;
    if (!input) throw new Error('people import job without its file');
    return reportEvenIfInvalid(() =>
      this.import(job.actor, input, { dryRun, unitId }, ip, job.progress),
    );
  }
}
