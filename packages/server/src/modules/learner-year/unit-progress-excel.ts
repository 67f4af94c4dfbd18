import type { Readable } from 'node:stream';
import type { UnitProgressExportQuery } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import {
  column,
  decimal,
  text,
  workbookStream,
  writeSheet,
  type ExportRow,
} from '../../platform/excel';
import { actorEvent, type AuditLogService } from '../audit-log/audit-log.service';
import { professionLabels } from '../people/people-columns';
import type { LearnerYearService, ProgressExportRow } from './learner-year.service';

/** Requirement codes as the export names them. */
export const requirementLabels: Readonly<Record<string, string>> = {
  annual_total: '年度总学分',
  class_I_minimum: 'Ⅰ类学分',
  class_II_minimum: 'Ⅱ类学分',
  stage_national_projects: '周期内国家级项目学分',
};

const label = (code: string) => requirementLabels[code] ?? code;
// An export-only sheet: the parsers are never used, they only type the columns.
const textColumn = (header: string, width?: number) =>
  column({ header, required: false, parse: text({ maxLength: 500 }), ...(width ? { width } : {}) });
const numberColumn = (header: string) =>
  column({ header, required: false, parse: decimal({ min: 0, max: 10_000, decimals: 1 }) });

export const progressColumns = {
  name: textColumn('姓名'),
  idNumber: { ...textColumn('身份证号', 22), isText: true },
  unit: textColumn('单位', 24),
  profession: textColumn('专业'),
  total: numberColumn('已获学分'),
  required: numberColumn('年度要求学分'),
  shortfall: numberColumn('总学分差额'),
  classI: numberColumn('Ⅰ类学分'),
  classII: numberColumn('Ⅱ类学分'),
  unmet: textColumn('未达标要求', 40),
  compliant: textColumn('是否达标'),
  pending: numberColumn('审核中申报数'),
};

function toRow(s: ProgressExportRow): ExportRow<typeof progressColumns> {
  return {
    name: s.name,
    idNumber: s.idNumberMasked,
    unit: s.unitName,
    profession:
      (professionLabels as Readonly<Record<string, string | undefined>>)[s.profession] ??
      s.profession,
    total: s.totalCredits,
    required: s.required,
    shortfall: s.shortfall,
    classI: s.classCredits['I'],
    classII: s.classCredits['II'],
    unmet: s.requirements
      .filter((r) => !r.met)
      .map((r) => `${label(r.code)}差 ${String(r.shortfall)} 分`)
      .join('；'),
    compliant: s.compliant ? '是' : '否',
    pending: s.pendingCount,
  };
}

/**
 * A subtree's progress as xlsx, any size: the rows stream from the database a page at a
 * time in the list's order and filters (masked IDs).
 */
export async function exportUnitProgress(
  deps: { years: LearnerYearService; auditLog: Pick<AuditLogService, 'record'> },
  actor: Actor,
  unitId: string,
  query: UnitProgressExportQuery,
  ip: string,
): Promise<{ year: number; stream: Readable }> {
  const { year, org, rows } = await deps.years.progressRows(actor, unitId, query);
  await deps.auditLog.record(
    actorEvent(actor, 'unit_progress.exported', ip, {
      targetType: 'org',
      targetId: unitId,
      orgPath: org.path,
      details: { year, filters: { ...query } },
    }),
  );
  async function* exportRows() {
    for await (const row of rows) yield toRow(row);
  }
  const stream = workbookStream((out) =>
    writeSheet(progressColumns, exportRows(), out, { sheetName: `${String(year)}年学分进度` }),
  );
  return { year, stream };
}
