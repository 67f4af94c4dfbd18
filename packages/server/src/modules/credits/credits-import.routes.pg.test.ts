import type ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, ImportReport } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { multipartFile } from '../../../test/excel-routes';
import { createFactories, newResidentId } from '../../../test/factories';
import { buildExcelJsXlsx, buildRawXlsx, rawCell, rawSheetXml } from '../../../test/xlsx-files';
import { queryRows } from '../../platform/db/database';
import { importAsJob, jobOf } from '../../../test/import-jobs';
import { readSheet } from '../../platform/excel';
import type { OrgRow } from '../orgs/orgs.repository';
import { creditColumns } from './credits-columns';

/** Credit spreadsheet import for a unit: all rows or none, problems by row and column. */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const hospital = tree.unit.id;
// A unit of the same province outside the unit admin's subtree.
const other = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '外区人民医院' });
const otherUnit = other.id;
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);

async function register(unit: OrgRow, name: string): Promise<string> {
  return (await f.buildPerson({ unit, name })).idNumber;
}

const staff = [
  { name: '导入甲', idNumber: await register(tree.unit, '导入甲') },
  { name: '导入乙', idNumber: await register(tree.unit, '导入乙') },
  { name: '导入丙', idNumber: await register(tree.unit, '导入丙') },
];
const elsewhere = { name: '外院丁', idNumber: await register(other, '外院丁') };

const header = [
  '身份证号',
  '姓名',
  '活动类型',
  '日期',
  '项目编号',
  '级别',
  '角色',
  '学时',
  '期刊类别',
  '排名',
];
type Row = ExcelJS.CellValue[];
const project = (p: { idNumber: string; name: string }, n: number): Row => [
  p.idNumber,
  p.name,
  '继续医学教育项目',
  '2026-01-15',
  `2026-01-01-${800 + n}（国）`,
  '国家级',
  '参加',
  9,
];
const paper = (p: { idNumber: string; name: string }): Row => [
  p.idNumber,
  p.name,
  '发表论文',
  '2026-02-03',
  null,
  null,
  null,
  null,
  '核心期刊',
  1,
];

function upload(
  session: Session,
  unitId: string,
  file: Buffer,
  query = '',
  fileName = '学分.xlsx',
) {
  const body = multipartFile(file, { fileName });
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/units/${unitId}/credits/import${query}`,
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
}

async function importedClaims(): Promise<number> {
  const rows = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int n from credit_claims where channel = 'spreadsheet_import'`,
  );
  return rows[0]?.n ?? 0;
}

async function rejected(file: Buffer, query = '') {
  const before = await importedClaims();
  const res = await upload(unitAdmin, hospital, file, query);
  expect(res.statusCode, res.body).toBe(422);
  const { error } = res.json<ErrorResponse>();
  expect(error.code).toBe('import_invalid');
  expect(await importedClaims()).toBe(before);
  return (error.details?.report as ImportReport).issues;
}

// Built once: exceljs stamps the time into a file, so two builds may differ in bytes.
const threeRows = buildExcelJsXlsx([
  header,
  project(staff[0]!, 1),
  paper(staff[1]!),
  [staff[2]!.idNumber, staff[2]!.name, '远程/网络课程', '2026-02-10', null, null, null, 6],
]);

describe('credit import for a unit', () => {
  it('offers a template whose headers the import reads', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/v1/credits/template.xlsx',
      headers: unitAdmin.headers,
    });
    expect(res.statusCode).toBe(200);
    const read = await readSheet(res.rawPayload, creditColumns('2026-03-01'));
    expect(read.issues.count).toBe(0);
    expect(read.rowCount).toBe(0);
  });

  it('checks a dry run and writes nothing', async () => {
    const file = await buildExcelJsXlsx([header, project(staff[0]!, 1), paper(staff[1]!)]);
    const res = await upload(unitAdmin, hospital, file, '?dryRun=true');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ dryRun: true, written: false, rows: 2 });
    expect(await importedClaims()).toBe(0);
  });

  it('writes one submitted claim per row, valued by the rules, with file#row provenance', async () => {
    const file = await threeRows;
    const res = await upload(unitAdmin, hospital, file);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ written: true, rows: 3, created: 3 });
    const claims = await queryRows<{
      activity_type: string;
      status: string;
      credits: string;
      source_ref: string;
    }>(
      db,
      sql`select c.activity_type, c.status, c.credits::text, p.source_ref from credit_claims c
          join credit_provenances p on p.claim_id = c.id
          where c.channel = 'spreadsheet_import' order by p.source_ref`,
    );
    expect(claims).toEqual([
      {
        activity_type: 'project',
        status: 'submitted',
        credits: '3.0',
        source_ref: '学分.xlsx#row 2',
      },
      {
        activity_type: 'paper',
        status: 'submitted',
        credits: '6.0',
        source_ref: '学分.xlsx#row 3',
      },
      {
        activity_type: 'online_course',
        status: 'submitted',
        credits: '2.0',
        source_ref: '学分.xlsx#row 4',
      },
    ]);
  });

  it('keeps one claim for a project already stored or twice in the file, with every provenance', async () => {
    const file = await buildExcelJsXlsx([
      header,
      project(staff[0]!, 1), // imported above
      project(staff[1]!, 5),
      project(staff[1]!, 5), // the row above again
      project(staff[2]!, 5),
    ]);
    const res = await upload(unitAdmin, hospital, file, '', '再次导入.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ rows: 4, created: 2, updated: 2 });
    const claims = await queryRows<{
      number: string;
      name: string;
      status: string;
      version: number;
      at_first_step: boolean;
      sources: string[];
      history: string[];
    }>(
      db,
      sql`select c.project_number number, pe.name, c.status, c.version,
            c.current_reviewer_org_id = (c.chain_steps->>0)::uuid at_first_step,
            (select array_agg(p.source_ref order by p.source_ref collate "C") from credit_provenances p
              where p.claim_id = c.id) sources,
            (select array_agg(r.action || ':' || r.to_status) from claim_reviews r
              where r.claim_id = c.id) history
          from credit_claims c join people pe on pe.id = c.person_id
          where c.channel = 'spreadsheet_import' and c.activity_type = 'project'
          order by c.project_number, pe.name collate "C"`,
    );
    expect(claims).toEqual([
      {
        number: '2026-01-01-801（国）',
        name: '导入甲',
        status: 'submitted',
        version: 2,
        at_first_step: true,
        sources: ['再次导入.xlsx#row 2', '学分.xlsx#row 2'],
        history: ['submit:submitted'],
      },
      {
        number: '2026-01-01-805（国）',
        name: '导入丙',
        status: 'submitted',
        version: 2,
        at_first_step: true,
        sources: ['再次导入.xlsx#row 5'],
        history: ['submit:submitted'],
      },
      {
        number: '2026-01-01-805（国）',
        name: '导入乙',
        status: 'submitted',
        version: 2,
        at_first_step: true,
        sources: ['再次导入.xlsx#row 3', '再次导入.xlsx#row 4'],
        history: ['submit:submitted'],
      },
    ]);
    const logged = await queryRows<{ details: Record<string, unknown> }>(
      db,
      sql`select details from audit_log where action = 'credits.imported'
          and details->>'fileName' = '再次导入.xlsx'`,
    );
    expect(logged.map((l) => l.details)).toMatchObject([{ created: 2, updated: 2 }]);
  });

  it('refuses the same file (the same bytes) for the same unit again', async () => {
    const file = await threeRows;
    const res = await upload(unitAdmin, hospital, file);
    expect(res.statusCode, res.body).toBe(409);
  });

  it('writes nothing when one row is bad, and names its row and column', async () => {
    const issues = await rejected(
      await buildExcelJsXlsx([
        header,
        project(staff[0]!, 2),
        paper({ ...staff[1]!, name: '错名' }),
      ]),
    );
    expect(issues).toEqual([
      { row: 3, column: '姓名', message: expect.stringContaining('不一致') as string },
    ]);
  });

  it('reports every problem: ID, person elsewhere, type, rules engine, stray column', async () => {
    const badCheck = `${staff[0]!.idNumber.slice(0, 17)}${staff[0]!.idNumber.endsWith('0') ? '1' : '0'}`;
    const issues = await rejected(
      await buildExcelJsXlsx([
        header,
        project({ ...staff[0]!, idNumber: badCheck }, 3),
        project(elsewhere, 4),
        project({ idNumber: newResidentId(), name: '无此人' }, 5),
        [staff[1]!.idNumber, staff[1]!.name, '打游戏', '2026-02-01'],
        [
          staff[1]!.idNumber,
          staff[1]!.name,
          '发表论文',
          '2026-02-01',
          null,
          null,
          null,
          null,
          null,
          1,
        ],
        [
          staff[2]!.idNumber,
          staff[2]!.name,
          '发表论文',
          '2026-02-01',
          null,
          null,
          null,
          3,
          '核心期刊',
          1,
        ],
        project(staff[2]!, 6),
      ]),
    );
    expect(issues.map((i) => [i.row, i.column])).toEqual([
      [2, '身份证号'],
      [3, '身份证号'],
      [4, '身份证号'],
      [5, '活动类型'],
      [6, '期刊类别'],
      [7, '学时'],
    ]);
  });

  it('reads a minimal xlsx written by another program (inline strings, a date serial)', async () => {
    const who = staff[2]!;
    const sheet = rawSheetXml([
      ['身份证号', '姓名', '活动类型', '日期', '字数'].map((h) => rawCell.inline(h)),
      [
        rawCell.inline(who.idNumber),
        rawCell.inline(who.name),
        rawCell.inline('综述'),
        rawCell.date(46_062), // 2026-02-09
        rawCell.number(4500),
      ],
    ]);
    const res = await upload(
      unitAdmin,
      hospital,
      buildRawXlsx({ sheets: [sheet] }),
      '',
      'other.xlsx',
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<ImportReport>()).toMatchObject({ written: true, created: 1 });
    const rows = await queryRows<{ activity: { words: number; date: string } }>(
      db,
      sql`select c.activity from credit_claims c join credit_provenances p on p.claim_id = c.id
          where p.source_ref = 'other.xlsx#row 2'`,
    );
    expect(rows[0]?.activity).toMatchObject({
      type: 'written_review',
      words: 4500,
      date: '2026-02-09',
    });
  });

  it('is 404 for a unit outside the caller’s scope', async () => {
    const file = await buildExcelJsXlsx([header, project(elsewhere, 7)]);
    const res = await upload(unitAdmin, otherUnit, file);
    expect(res.statusCode).toBe(404);
  });
});

describe('credit import as a job (async=true)', () => {
  const runner = f.services.createJobRunner();
  const url = `/api/v1/units/${hospital}/credits/import`;

  it('records the rows in the job, row-numbered provenance as before', async () => {
    const before = await importedClaims();
    const file = await buildExcelJsXlsx([header, project(staff[2]!, 61), paper(staff[2]!)]);
    const { report } = await importAsJob(t, runner, unitAdmin, url, file, '作业学分.xlsx');
    expect(report).toMatchObject({ written: true, rows: 2, created: 2, issues: [] });
    expect(await importedClaims()).toBe(before + 2);
    const refs = await queryRows<{ source_ref: string }>(
      db,
      sql`select source_ref from credit_provenances where source_ref like '作业学分.xlsx%'
          order by source_ref`,
    );
    expect(refs.map((r) => r.source_ref)).toEqual(['作业学分.xlsx#row 2', '作业学分.xlsx#row 3']);
    // The same file again is refused at once, before any job is queued.
    const again = await upload(unitAdmin, hospital, file, '?async=true', '作业学分.xlsx');
    expect(again.statusCode, again.body).toBe(409);
  });

  it('checks the unit at once (404 outside the scope), the rows in the job', async () => {
    const file = await buildExcelJsXlsx([header, project(staff[2]!, 62)]);
    const outside = await upload(unitAdmin, otherUnit, file, '?async=true');
    expect(outside.statusCode).toBe(404);
    const before = await importedClaims();
    const bad = await buildExcelJsXlsx([header, project(elsewhere, 63), project(staff[2]!, 64)]);
    const { report } = await importAsJob(t, runner, unitAdmin, url, bad);
    expect(report).toMatchObject({ written: false, rows: 2, created: 0 });
    expect(report.issues).toEqual([expect.objectContaining({ row: 2, column: '身份证号' })]);
    expect(await importedClaims()).toBe(before);
  });

  it('never counts a file twice: of two jobs of the same file, the second fails with conflict', async () => {
    const before = await importedClaims();
    const file = await buildExcelJsXlsx([header, project(staff[1]!, 65)]);
    const queue = async () => {
      const body = multipartFile(file, { fileName: '两次.xlsx' });
      const res = await t.app.inject({
        method: 'POST',
        url: `${url}?async=true`,
        headers: { ...unitAdmin.headers, ...body.headers },
        payload: body.payload,
      });
      expect(res.statusCode, res.body).toBe(202);
      return res.json<{ jobId: string }>().jobId;
    };
    const ids = [await queue(), await queue()];
    expect(await runner.drain()).toBe(2);
    const jobs = await Promise.all(ids.map((id) => jobOf(t, unitAdmin, id)));
    expect(jobs.map((j) => j.status).sort()).toEqual(['failed', 'succeeded']);
    expect(jobs.find((j) => j.status === 'failed')?.error?.code).toBe('conflict');
    expect(await importedClaims()).toBe(before + 1);
  });
});
