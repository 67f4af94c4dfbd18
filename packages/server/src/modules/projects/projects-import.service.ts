import type { ImportIssue, ProjectCreate } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { Clock } from '../../platform/clock';
import type { Db } from '../../platform/db/database';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { NewProject, ProjectsRepository } from './projects.repository';
import { checkProjectInput } from './project-input';

/** What the import needs: the projects service's dependencies and its host check. */
export interface ProjectImportDeps {
  db: Db;
  clock: Clock;
  repository: ProjectsRepository;
  auditLog: AuditLogService;
  hostForRegistration(actor: Actor, hostId: string): Promise<{ id: string; path: string }>;
}

export interface ProjectImportCounts {
  created: number;
  updated: number;
  unchanged: number;
}

const compared = [
  'name',
  'level',
  'hostId',
  'startDate',
  'endDate',
  'place',
  'hours',
  'attendeeCredits',
  'speakerCredits',
  'tcm',
  'remote',
] as const;

/**
 * Imports projects all-or-nothing, upserting by number: new ones as drafts, drafts
 * updated, identical rows left alone; a filed project cannot be changed by a file.
 */
export async function importProjects(
  deps: ProjectImportDeps,
  actor: Actor,
  rows: readonly ProjectCreate[],
  options: { dryRun: boolean; rowNumbers?: readonly number[]; ip?: string },
): Promise<ProjectImportCounts> {
  const { db, clock, repository, auditLog } = deps;
  const rowNumber = (i: number) => options.rowNumbers?.[i] ?? i + 2;
  const issues: ImportIssue[] = [];
  const hosts = new Map<string, { id: string; path: string } | undefined>();
  const derived = rows.map((row, i) => {
    try {
      return checkProjectInput(row);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const column = error.issues?.[0]?.path === 'endDate' ? '结束日期' : '项目编号';
      issues.push({
        row: rowNumber(i),
        column,
        message: error.issues?.[0]?.message ?? error.message,
      });
      return undefined;
    }
  });
  for (const [i, row] of rows.entries()) {
    if (!hosts.has(row.hostId))
      hosts.set(
        row.hostId,
        await deps.hostForRegistration(actor, row.hostId).catch(() => undefined),
      );
    if (!hosts.get(row.hostId))
      issues.push({
        row: rowNumber(i),
        column: '举办单位',
        message: '举办单位不存在或不在管辖范围内',
      });
  }
  const numbers = derived.flatMap((d) => (d ? [d.number] : []));
  const existing = new Map((await repository.findByNumbers(db, numbers)).map((p) => [p.number, p]));
  const firstRow = new Map<string, number>();
  const toCreate: NewProject[] = [];
  const toUpdate: { id: string; patch: Partial<NewProject> }[] = [];
  const now = clock.now();
  rows.forEach((row, i) => {
    const d = derived[i];
    if (!d) return;
    const seen = firstRow.get(d.number);
    if (seen !== undefined)
      return issues.push({ row: rowNumber(i), column: '项目编号', message: `与第 ${seen} 行重复` });
    firstRow.set(d.number, rowNumber(i));
    const next = { ...row, ...d };
    const current = existing.get(d.number);
    if (!current)
      return toCreate.push({ ...next, status: 'draft', createdAt: now, updatedAt: now });
    if (compared.every((k) => next[k] === current[k])) return;
    if (current.status !== 'draft')
      return issues.push({
        row: rowNumber(i),
        column: '项目编号',
        message: '项目已备案，不能通过导入修改',
      });
    toUpdate.push({ id: current.id, patch: { ...next, updatedAt: now } });
  });
  if (issues.length > 0)
    throw new AppError(
      'import_invalid',
      `${issues.length} problem(s) in the file: nothing was written`,
      { issues },
    );
  const counts = {
    created: toCreate.length,
    updated: toUpdate.length,
    unchanged: rows.length - toCreate.length - toUpdate.length,
  };
  if (options.dryRun) return counts;
  await db.transaction(async (tx) => {
    await repository.insert(tx, toCreate);
    for (const { id, patch } of toUpdate) await repository.updateIfStatus(tx, id, 'draft', patch);
    await auditLog.record(
      actorEvent(actor, 'projects.imported', options.ip ?? 'cli', {
        targetType: 'import',
        orgPath: [...hosts.values()][0]?.path ?? null,
        details: { ...counts },
      }),
      tx,
    );
  });
  return counts;
}
