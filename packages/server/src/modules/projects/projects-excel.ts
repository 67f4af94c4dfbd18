import type { Readable } from 'node:stream';
import type {
  ImportReport,
  JobAccepted,
  Project,
  ProjectCreate,
  ProjectListQuery,
} from '@jijiao/contracts';
import { rolePermissions } from '@jijiao/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import type { Config } from '../../platform/config/config';
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
  writeSheet,
  writeTemplate,
  type ExportRow,
  type ImportCounts,
} from '../../platform/excel';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import type { JobContext } from '../jobs/job-runner';
import type { JobsService } from '../jobs/jobs.service';
import type { OrgsService } from '../orgs/orgs.service';
import { checkProjectInput } from './project-input';
import { projectColumns, type ProjectColumns } from './projects-columns';
import type { ProjectsService } from './projects.service';

export interface ProjectsExcelDeps {
  projects: Pick<ProjectsService, 'importProjects' | 'iterateProjects' | 'today'>;
  orgs: Pick<OrgsService, 'findUnitByNameOrCreditCode' | 'list'>;
  auditLog: Pick<AuditLogService, 'record'>;
  config: Pick<Config, 'imports'>;
  jobs: Pick<JobsService, 'enqueue'>;
}

const sheetName = '项目';

/** What a project import job keeps besides the file. */
const jobParamsSchema = z.object({
  dryRun: z.boolean(),
  hostId: z.uuid().optional(),
  ip: z.string(),
});

function toExportRow(p: Project): ExportRow<ProjectColumns> {
  return {
    number: p.number,
    name: p.name,
    level: p.level,
    host: p.hostName,
    startDate: p.startDate,
    endDate: p.endDate,
    place: p.place,
    hours: p.hours,
    attendeeCredits: p.attendeeCredits,
    speakerCredits: p.speakerCredits,
    tcm: p.tcm,
    remote: p.remote,
  };
}

/** The empty import template; it needs no database (the CLI writes it without one). */
export function projectsTemplate(): Readable {
  return workbookStream((stream) =>
    writeTemplate(projectColumns(), stream, {
      sheetName,
      notes: [
        '以项目编号识别项目：新编号登记为草稿；草稿按表格内容更新；已备案的项目不能通过导入修改。',
      ],
    }),
  );
}

/** The only organisation the actor registers projects for, when there is exactly one. */
function soleHostOf(actor: Actor): string | undefined {
  const grants = actor.grants.filter((g) => rolePermissions[g.role].includes('project:manage'));
  return grants.length === 1 ? grants[0]?.orgId : undefined;
}

/** Projects as Excel files: template, export of a filtered list, all-or-nothing import by number. */
export class ProjectsExcel {
  readonly #deps: ProjectsExcelDeps;

  constructor(deps: ProjectsExcelDeps) {
    this.#deps = deps;
  }

  today(): string {
    return this.#deps.projects.today();
  }

  template(): Readable {
    return projectsTemplate();
  }

  /** Every project matching the list filter; the first page is read before answering (404s stay 404s). */
  async export(actor: Actor, query: Partial<ProjectListQuery>, ip: string): Promise<Readable> {
    const { after: _after, limit: _limit, ...filter } = query;
    const projects = this.#deps.projects.iterateProjects(actor, filter);
    const first = await projects.next();
    await this.#deps.auditLog.record(
      actorEvent(actor, 'projects.exported', ip, { targetType: 'export', details: { filter } }),
    );
    async function* rows() {
      if (first.done) return;
      yield toExportRow(first.value);
      for await (const project of projects) yield toExportRow(project);
    }
    return workbookStream((stream) => writeSheet(projectColumns(), rows(), stream, { sheetName }));
  }

  /**
   * A host named in the file: a unit by name or credit code, else any organisation in the
   * actor's view with exactly that name (hosts such as medical associations are not units).
   */
  async findHost(actor: Actor, text: string): Promise<string | undefined> {
    const unit = await this.#deps.orgs.findUnitByNameOrCreditCode(actor, text);
    if (unit) return unit.id;
    const { items } = await this.#deps.orgs.list(actor, { q: text, limit: 20 });
    const exact = items.filter((o) => o.name === text);
    return exact.length === 1 ? exact[0]?.id : undefined;
  }

  async import(
    actor: Actor,
    file: Buffer,
    options: { dryRun: boolean; hostId?: string | undefined },
    ip: string,
    progress: ProgressListener = noProgress,
  ): Promise<ImportReport> {
    await progress(0, null);
    const read = await readSheet(file, projectColumns(), {
      maxBytes: this.#deps.config.imports.maxBytes,
    });
    const checked = rowProgress(progress, read);
    const defaultHostId = options.hostId ?? soleHostOf(actor);
    const hosts = new Map<string, string | undefined>();
    const firstRowOf = new Map<string, number>();
    const records: ProjectCreate[] = [];
    const rowNumbers: number[] = [];
    for (const [index, { row, values }] of read.rows.entries()) {
      await checked(index);
      let number: string;
      try {
        ({ number } = checkProjectInput(values));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const issue = error.issues?.[0];
        read.issues.add(
          row,
          issue?.path === 'endDate' ? '结束日期' : '项目编号',
          issue?.message ?? error.message,
        );
        continue;
      }
      const first = firstRowOf.get(number);
      if (first !== undefined) {
        read.issues.add(row, '项目编号', `与第 ${first} 行重复`);
        continue;
      }
      firstRowOf.set(number, row);
      let hostId = defaultHostId;
      if (values.host !== undefined) {
        if (!hosts.has(values.host))
          hosts.set(values.host, await this.findHost(actor, values.host));
        hostId = hosts.get(values.host);
        if (!hostId) {
          read.issues.add(row, '举办单位', '未找到该举办单位，或不在您的管理范围内');
          continue;
        }
      }
      if (!hostId) {
        read.issues.add(row, '举办单位', '必填（导入时未选择举办单位）');
        continue;
      }
      const { host: _host, tcm, remote, ...rest } = values;
      records.push({ ...rest, number, hostId, tcm: tcm ?? false, remote: remote ?? false });
      rowNumbers.push(row);
    }
    return finishImport({
      rowCount: read.rowCount,
      issues: read.issues,
      hasRecords: records.length > 0,
      dryRun: options.dryRun,
      write: (dryRun): Promise<ImportCounts> =>
        this.#deps.projects.importProjects(actor, records, { dryRun, rowNumbers, ip }),
    });
  }

  /** The import as a job (ADR 0024): the bytes checked as an xlsx now, the rows later. */
  async startImport(
    actor: Actor,
    file: { bytes: Buffer; fileName: string },
    options: { dryRun: boolean; hostId?: string | undefined },
    ip: string,
  ): Promise<JobAccepted> {
    const maxBytes = this.#deps.config.imports.maxBytes;
    await checkXlsx(file.bytes, { ...defaultXlsxLimits, maxBytes });
    const params: z.input<typeof jobParamsSchema> = { dryRun: options.dryRun, ip };
    if (options.hostId !== undefined) params.hostId = options.hostId;
    return this.#deps.jobs.enqueue(actor, {
      kind: 'projects_import',
      params,
      input: file.bytes,
      fileName: file.fileName,
    });
  }

  /** The job's handler: the same all-or-nothing import; an invalid file is its report. */
  async runImportJob(job: JobContext): Promise<ImportReport> {
    const { dryRun, hostId, ip } = jobParamsSchema.parse(job.params);
    const input = job.input;
    if (!input) throw new Error('project import job without its file');
    return reportEvenIfInvalid(() =>
      this.import(job.actor, input, { dryRun, hostId }, ip, job.progress),
    );
  }
}
