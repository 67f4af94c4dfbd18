import type ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import { queryRows } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { CreditsImport } from './credits-import.service';

// The import streamed in chunks (ADR 0035): a file of several chunks gives the answer and
// the rows of the same file written at once; a problem in a later chunk, after earlier
// chunks were written in the transaction, leaves nothing written.
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const officer = await f.actorOf(await f.buildUser({ role: 'unit_admin', org: tree.unit }));
const s = f.services;

function importer(chunkRows: number): CreditsImport {
  return new CreditsImport({
    db,
    clock: t.clock,
    config: testConfig(),
    intake: s.intake,
    people: s.people,
    orgs: s.orgs,
    auditLog: s.auditLog,
    jobs: s.jobs,
    chunkRows,
  });
}

const header = ['身份证号', '姓名', '活动类型', '日期', '项目编号', '级别', '角色', '学时'];
type Row = ExcelJS.CellValue[];
const course = (p: { idNumber: string; name: string }, day: number): Row => [
  p.idNumber,
  p.name,
  '远程/网络课程',
  `2026-02-${String(day).padStart(2, '0')}`,
  null,
  null,
  null,
  6,
];
const project = (p: { idNumber: string; name: string }, n: number): Row => [
  p.idNumber,
  p.name,
  '继续医学教育项目',
  '2026-01-15',
  `2026-01-01-${String(700 + n)}（国）`,
  '国家级',
  '参加',
  9,
];

async function staffOf(n: number) {
  const people = [];
  for (let i = 0; i < n; i++) people.push(await f.buildPerson({ unit: tree.unit }));
  return people;
}

async function claimsOf(personIds: readonly string[]) {
  return queryRows<{ person: string; provenances: number; status: string }>(
    db,
    sql`select c.person_id as person, c.status,
               (select count(*)::int from credit_provenances p where p.claim_id = c.id) as provenances
          from credit_claims c
         where c.person_id in (select value::uuid from json_array_elements_text(${JSON.stringify(personIds)}::json))
         order by c.person_id, c.activity_date`,
  );
}

async function importsLogged(fileName: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from audit_log where action = 'credits.imported'
          and details->>'fileName' = ${fileName}`,
  );
  return row?.n ?? 0;
}

describe('a credit import streamed in chunks', () => {
  it('writes a file of several chunks as one: a row matching an earlier chunk’s claim is matched', async () => {
    const people = await staffOf(4);
    // Seven rows in chunks of two; row 8 repeats row 2's project for the same person.
    const rows: Row[] = [
      project(people[0]!, 1),
      course(people[1]!, 2),
      course(people[2]!, 3),
      course(people[3]!, 4),
      course(people[0]!, 5),
      course(people[1]!, 6),
      project(people[0]!, 1),
    ];
    const file = await buildExcelJsXlsx([header, ...rows]);
    const report = await importer(2).import(
      officer,
      tree.unit.id,
      file,
      { dryRun: false, fileName: 'chunks.xlsx' },
      '127.0.0.1',
    );
    expect(report).toMatchObject({
      written: true,
      rows: 7,
      created: 6,
      updated: 1,
      issues: [],
    });
    const claims = await claimsOf(people.map((p) => p.id));
    expect(claims).toHaveLength(6);
    // The repeated project: one claim, two provenances (rows 2 and 8).
    expect(claims.filter((c) => c.provenances === 2)).toHaveLength(1);
    expect(claims.every((c) => c.status === 'submitted')).toBe(true);
    expect(await importsLogged('chunks.xlsx')).toBe(1);
  });

  it('gives the same answer in chunks of two as in one chunk', async () => {
    const people = await staffOf(3);
    const rows: Row[] = [
      course(people[0]!, 7),
      course(people[1]!, 7),
      course(people[2]!, 7),
      course(people[0]!, 8),
      course(people[0]!, 7),
    ];
    const file = await buildExcelJsXlsx([header, ...rows]);
    const whole = await importer(10_000).import(
      officer,
      tree.unit.id,
      file,
      { dryRun: true, fileName: 'same.xlsx' },
      '127.0.0.1',
    );
    const chunked = await importer(2).import(
      officer,
      tree.unit.id,
      file,
      { dryRun: true, fileName: 'same.xlsx' },
      '127.0.0.1',
    );
    expect(chunked).toEqual(whole);
    expect(chunked).toMatchObject({ dryRun: true, written: false, rows: 5, created: 5 });
    expect(await claimsOf(people.map((p) => p.id))).toEqual([]);
  });

  it('writes nothing when a later chunk has a problem, after earlier chunks were written', async () => {
    const people = await staffOf(3);
    const rows: Row[] = [
      course(people[0]!, 10),
      course(people[1]!, 10),
      course(people[2]!, 10),
      course(people[0]!, 11),
      // Row 6: a name that is not the one registered for the ID number.
      [...course(people[1]!, 11).slice(0, 1), '不是此人', ...course(people[1]!, 11).slice(2)],
      course(people[2]!, 11),
      // Row 8: a future year's date is fine; an unknown ID number is not.
      ['110101199003070000', '无此人', '远程/网络课程', '2026-02-12', null, null, null, 6],
    ];
    const file = await buildExcelJsXlsx([header, ...rows]);
    let error: unknown;
    try {
      await importer(2).import(
        officer,
        tree.unit.id,
        file,
        { dryRun: false, fileName: 'late-problem.xlsx' },
        '127.0.0.1',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('import_invalid');
    const report = (error as AppError).details?.report as ImportReport;
    expect(report).toMatchObject({ written: false, rows: 7, created: 0 });
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([
      [6, '姓名'],
      [8, '身份证号'],
    ]);
    expect(await claimsOf(people.map((p) => p.id))).toEqual([]);
    expect(await importsLogged('late-problem.xlsx')).toBe(0);
  });
});
