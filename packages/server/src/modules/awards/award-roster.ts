import type { Readable } from 'node:stream';
import type { AwardRole, ImportReport } from '@jijiao/contracts';
import { parseResidentId } from '@jijiao/domain';
import type { Actor } from '../../platform/auth/actor';
import {
  choice,
  column,
  decimal,
  fail,
  finishImport,
  idNumberText,
  ok,
  readSheet,
  text,
  workbookStream,
  writeTemplate,
  type CellInput,
  type ParseResult,
} from '../../platform/excel';
import { AppError } from '../../platform/errors/app-error';
import { residentIdMessages } from '../people/person-identity';
import { hostProject } from './award-access';
import { getBatch } from './award-batch-queries';
import type { AwardsDeps } from './award-deps';
import type { LineInput } from './award-line-value';
import { addLines } from './award-lines';

export const awardRoleLabels: Readonly<Record<AwardRole, string>> = {
  attendee: '学员',
  speaker: '授课人',
};

function residentId(cell: CellInput): ParseResult<string> {
  const raw = idNumberText(cell);
  if (!raw.ok) return raw;
  if (raw.value.includes('*')) return fail('身份证号已打码，请填写完整号码');
  // Birth dates are only bounded loosely here: the person must already be registered.
  const parsed = parseResidentId(raw.value, '2100-01-01');
  return parsed.ok ? ok(parsed.value.number) : fail(residentIdMessages[parsed.problem]);
}

/** The roster sheet (学分授予名单): who attended or spoke, and the hours or credits. */
export const rosterColumns = {
  idNumber: column({
    header: '身份证号',
    required: true,
    parse: residentId,
    isText: true,
    width: 22,
    note: '18 位居民身份证号；人员须已在本省登记',
  }),
  name: column({
    header: '姓名',
    required: true,
    parse: text({ maxLength: 50 }),
    width: 12,
    note: '须与登记的姓名一致',
  }),
  role: column({
    header: '角色',
    required: false,
    ...choice(awardRoleLabels),
    note: '可填：学员、授课人（不填视为学员）',
  }),
  hours: column({
    header: '学时',
    required: false,
    parse: decimal({ min: 0.5, max: 1000, decimals: 1 }),
    note: '不填：学员按项目学时计',
  }),
  credits: column({
    header: '学分',
    required: false,
    parse: decimal({ min: 0, max: 100, decimals: 1 }),
    note: '证书上的学分；不填按项目备案的学员或授课学分计',
  }),
};

const sheetName = '学分授予名单';

export function rosterTemplate(): Readable {
  return workbookStream((stream) =>
    writeTemplate(rosterColumns, stream, {
      sheetName,
      notes: ['每行一人一角色；所有行校验通过才会写入，任何一行有误则全部不写入。'],
    }),
  );
}

/** Maps a line problem from the service onto the roster column it concerns. */
function columnOfPath(path: string): string {
  if (path.includes('hours')) return '学时';
  if (path.includes('awardedCredits')) return '学分';
  if (path.includes('role')) return '角色';
  return '身份证号';
}

/**
 * Reads a roster upload into a batch, all or nothing: every row is checked first (ID
 * number registered in the province, name matching, role, hours, credits, valued by the
 * rules engine, not already on the batch); any problem → 422 import_invalid with row and
 * column, nothing written.
 */
export async function importRoster(
  deps: AwardsDeps,
  actor: Actor,
  batchId: string,
  file: Buffer,
  options: { dryRun: boolean; maxBytes: number; fileName: string },
  ip: string,
): Promise<ImportReport> {
  const { people } = deps;
  const read = await readSheet(file, rosterColumns, { maxBytes: options.maxBytes });
  const batch = await getBatch(deps, actor, batchId);
  if (!batch.canEdit) {
    throw new AppError('invalid_state', `The batch is ${batch.status}: it cannot be changed`, {
      id: batchId,
    });
  }
  const project = await hostProject(deps, actor, batch.projectId);
  const provincePath = `/${project.hostPath.split('/').filter(Boolean)[0] ?? ''}/`;
  const found = await people.findByIdNumbers(
    read.rows.map((r) => r.values.idNumber),
    deps.db,
  );
  const onBatch = new Set(batch.lines.map((l) => `${l.personId}|${l.role}`));
  const firstRowOf = new Map<string, number>();
  const inputs: (LineInput & { sourceRef: string })[] = [];
  for (const { row, values } of read.rows) {
    const person = found.get(people.idNumberHash(values.idNumber));
    if (!person || !person.unitPath.startsWith(provincePath)) {
      read.issues.add(row, '身份证号', '本省未登记该人员');
      continue;
    }
    if (person.name !== values.name) {
      read.issues.add(row, '姓名', '与身份证号登记的姓名不一致');
      continue;
    }
    const role = values.role ?? 'attendee';
    const key = `${person.id}|${role}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      read.issues.add(row, '身份证号', `与第 ${first} 行重复`);
      continue;
    }
    firstRowOf.set(key, row);
    if (onBatch.has(key)) {
      read.issues.add(row, '身份证号', '该人员已在本批次中');
      continue;
    }
    const input = {
      personId: person.id,
      role,
      ...(values.hours !== undefined ? { hours: values.hours } : {}),
      ...(values.credits !== undefined ? { awardedCredits: values.credits } : {}),
    };
    try {
      await deps.valuer.value(deps.db, project, input);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const issue = error.issues?.[0];
      read.issues.add(row, columnOfPath(issue?.path ?? ''), issue?.message ?? error.message);
      continue;
    }
    inputs.push({ ...input, sourceRef: `${options.fileName}#row ${row}` });
  }
  return finishImport({
    rowCount: read.rowCount,
    issues: read.issues,
    hasRecords: inputs.length > 0,
    dryRun: options.dryRun,
    write: async (dryRun) => {
      const created = await addLines(deps, actor, batchId, inputs, {
        source: 'roster',
        ip,
        dryRun,
      });
      return { created, updated: 0, unchanged: 0 };
    },
  });
}
