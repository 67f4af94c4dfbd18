import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, ImportReport, PersonList } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { multipartFile } from '../../../test/excel-routes';
import { createFactories } from '../../../test/factories';
import { newIdNumber } from '../../../test/fixtures';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import { downloadedReport, importAsJob, jobOf } from '../../../test/import-jobs';
import { queryRows } from '../../platform/db/database';
import { lostDigitsMessage, readSheet } from '../../platform/excel';
import type { OrgRow } from '../orgs/orgs.repository';
import { peopleColumns } from './people-columns';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const hospital = tree.unit.name;
const otherUnit = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '县人民医院' });
const linjiangHospital = otherUnit.id;
const session = async (role: 'unit_admin' | 'province_admin' | 'reviewer', org: OrgRow) =>
  t.signIn((await f.buildUser({ role, org })).username);
const unitAdmin = await session('unit_admin', tree.unit);
const provinceAdmin = await session('province_admin', tree.province);
const reviewer = await session('reviewer', tree.city);

const headers = ['姓名', '身份证号', '手机号', '专业类别', '中医', '职称级别', '单位'];
type Row = ExcelJS.CellValue[];

function peopleFile(rows: readonly Row[], header: readonly string[] = headers) {
  return buildExcelJsXlsx([header, ...rows]);
}

function upload(session: Session, file: Buffer, query = '') {
  const body = multipartFile(file);
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/people/import${query}`,
    headers: { ...session.headers, ...body.headers },
    payload: body.payload,
  });
}

async function rejected(session: Session, file: Buffer, query = '') {
  const response = await upload(session, file, query);
  expect(response.statusCode, response.body).toBe(422);
  const { error } = response.json<ErrorResponse>();
  expect(error.code).toBe('import_invalid');
  return error.details?.report as ImportReport;
}

async function peopleNamed(q: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/people?q=${encodeURIComponent(q)}`,
    headers: provinceAdmin.headers,
  });
  return response.json<PersonList>().items;
}

const person = (name: string, idNumber: ExcelJS.CellValue, more: Row = []): Row => [
  name,
  idNumber,
  null,
  '医师',
  null,
  '中级',
  ...more,
];

describe('importing people from xlsx', () => {
  it('writes a valid file, then re-importing it changes nothing', async () => {
    const ids = [newIdNumber('19800101'), newIdNumber('19800102')];
    const file = await peopleFile([
      ['导入甲', ids[0]!.toLowerCase(), '13700001111', '护士', '是', '副高级', null],
      ['导入乙', ids[1], 13700002222, '药师', '否', '初级', hospital],
    ]);
    const first = await upload(unitAdmin, file);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<ImportReport>()).toEqual({
      dryRun: false,
      written: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      issues: [],
    });
    const [a] = await peopleNamed('导入甲');
    expect(a).toMatchObject({
      idNumberMasked: `${ids[0]!.slice(0, 4)}**********${ids[0]!.slice(-4)}`,
      phone: '137****1111',
      profession: 'nurse',
      tcm: true,
      titleGrade: 'associate_senior',
      unitName: hospital,
    });
    // Lists mask the phone; the person's own page shows the imported number whole.
    const one = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${a!.id}`,
      headers: provinceAdmin.headers,
    });
    expect(one.json<{ phone: string }>().phone).toBe('13700001111');
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'people.imported'`,
    );
    expect(audit[0]?.n).toBe(1);

    const again = await upload(unitAdmin, file);
    expect(again.json<ImportReport>()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
  });

  it('a dry run reports the counts and writes nothing', async () => {
    const file = await peopleFile([person('试算丙', newIdNumber('19800103'))]);
    const response = await upload(unitAdmin, file, '?dryRun=true');
    expect(response.json<ImportReport>()).toMatchObject({
      dryRun: true,
      written: false,
      created: 1,
    });
    expect(await peopleNamed('试算丙')).toEqual([]);
  });

  it('reports a bad ID in row 3 by row and column, and writes none of the rows', async () => {
    const good = newIdNumber('19800104');
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const report = await rejected(
      unitAdmin,
      await peopleFile([
        person('半写丁', good),
        person('半写戊', bad),
        person('半写己', newIdNumber('19800105')),
      ]),
    );
    expect(report).toMatchObject({ written: false, rows: 3, created: 0 });
    expect(report.issues).toEqual([{ row: 3, column: '身份证号', message: '校验位错误' }]);
    expect(await peopleNamed('半写')).toEqual([]);
  });

  it('reports a duplicate ID within the file on the second row', async () => {
    const id = newIdNumber('19800106');
    const report = await rejected(
      unitAdmin,
      await peopleFile([person('重甲', id), person('重乙', newIdNumber()), person('重丙', id)]),
    );
    expect(report.issues).toEqual([{ row: 4, column: '身份证号', message: '与第 2 行重复' }]);
  });

  it('reports a missing required column on row 1', async () => {
    const report = await rejected(
      unitAdmin,
      await peopleFile([['缺列', '医师', '中级']], ['姓名', '专业类别', '职称级别']),
    );
    expect(report.issues).toEqual([{ row: 1, column: '身份证号', message: '缺少必填列' }]);
  });

  it('says an 18-digit ID in a number cell has lost digits, with the row', async () => {
    const report = await rejected(
      unitAdmin,
      // The double a number cell holds: the last digits are already gone.
      await peopleFile([person('数字庚', Number('430102198001071234'))]),
    );
    expect(report.issues).toEqual([{ row: 2, column: '身份证号', message: lostDigitsMessage }]);
  });

  it('reads a 15-digit legacy ID in a number cell exactly, converting it', async () => {
    const response = await upload(unitAdmin, await peopleFile([person('旧号辛', 430102770708123)]));
    expect(response.statusCode, response.body).toBe(200);
    const [found] = await peopleNamed('旧号辛');
    expect(found).toMatchObject({ birthDate: '1977-07-08', sex: 'male' });
    expect(found?.idNumberMasked).toMatch(/^4301\*{10}123[\dX]$/);
  });

  it('reports units it cannot find or that are outside the caller’s scope', async () => {
    const report = await rejected(
      unitAdmin,
      await peopleFile([
        person('外甲', newIdNumber(), [otherUnit.name]),
        person('外乙', newIdNumber()),
      ]),
      `?unitId=${linjiangHospital}`,
    );
    expect(report.issues.map((i) => [i.row, i.column])).toEqual([
      [2, '单位'],
      [3, '单位'],
    ]);
  });

  it.each([
    ['a CSV file', Buffer.from('姓名,身份证号\n张三,11010519491231002X\n'), 'csv'],
    [
      'an old .xls file',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024)]),
      'xls',
    ],
  ])('refuses %s with 415 unsupported_file', async (_label, file, detected) => {
    const response = await upload(unitAdmin, file);
    expect(response.statusCode).toBe(415);
    expect(response.json<ErrorResponse>().error).toMatchObject({
      code: 'unsupported_file',
      details: { detected },
    });
  });

  it('refuses a file over the size limit with 413', async () => {
    const response = await upload(unitAdmin, Buffer.alloc(21 * 1024 * 1024, 'PK'));
    expect(response.statusCode).toBe(413);
    expect(response.json<ErrorResponse>().error.code).toBe('file_too_large');
  });

  it('needs person:manage and a file', async () => {
    const file = await peopleFile([]);
    expect((await upload(reviewer, file)).statusCode).toBe(403);
    const noFile = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import',
      headers: unitAdmin.headers,
    });
    expect(noFile.statusCode).toBe(400);
  });
});

describe('importing people as a job (async=true)', () => {
  const runner = f.services.createJobRunner();

  it('answers 202, and the job writes the file and holds the report', async () => {
    const file = await peopleFile([
      person('作业甲', newIdNumber('19810101')),
      person('作业乙', newIdNumber('19810102')),
    ]);
    const { job, report } = await importAsJob(t, runner, unitAdmin, '/api/v1/people/import', file);
    expect(report).toEqual({
      dryRun: false,
      written: true,
      rows: 2,
      created: 2,
      updated: 0,
      unchanged: 0,
      issues: [],
    });
    expect(job).toMatchObject({ kind: 'people_import', fileName: '导入.xlsx', error: null });
    expect((await peopleNamed('作业')).map((p) => p.name).sort()).toEqual(['作业乙', '作业甲']);
    const rows = await downloadedReport(t, unitAdmin, job.id);
    expect(rows[0]).toEqual(['行号', '列', '问题']);
    expect(rows[1]?.[2]).toContain('已导入');
    // Run again (a retry after the process stopped): the upsert changes nothing.
    const again = await importAsJob(t, runner, unitAdmin, '/api/v1/people/import', file);
    expect(again.report).toMatchObject({ created: 0, unchanged: 2 });
  });

  it('an invalid file: the job succeeds with the row-numbered report, nothing written', async () => {
    const good = newIdNumber('19810103');
    const bad = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    const file = await peopleFile([
      person('作业丙', newIdNumber('19810104')),
      person('作业丁', bad),
    ]);
    const { job, report } = await importAsJob(t, runner, unitAdmin, '/api/v1/people/import', file);
    expect(report).toMatchObject({ written: false, rows: 2, created: 0 });
    expect(report.issues).toEqual([{ row: 3, column: '身份证号', message: '校验位错误' }]);
    expect(await peopleNamed('作业丙')).toEqual([]);
    const rows = await downloadedReport(t, unitAdmin, job.id);
    expect(rows[1]?.[2]).toContain('未写入任何数据');
    expect(rows[2]).toEqual(['3', '身份证号', '校验位错误']);
  });

  it('a dry run as a job reports and writes nothing', async () => {
    const file = await peopleFile([person('作业戊', newIdNumber('19810105'))]);
    const { report } = await importAsJob(
      t,
      runner,
      unitAdmin,
      '/api/v1/people/import?dryRun=true',
      file,
    );
    expect(report).toMatchObject({ dryRun: true, written: false, created: 1 });
    expect(await peopleNamed('作业戊')).toEqual([]);
  });

  it('refuses what is not an xlsx at once (415), queuing nothing; the job is its owner’s', async () => {
    const body = multipartFile(Buffer.from('姓名,身份证号\n'));
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people/import?async=true',
      headers: { ...unitAdmin.headers, ...body.headers },
      payload: body.payload,
    });
    expect(response.statusCode).toBe(415);
    const file = await peopleFile([person('作业己', newIdNumber('19810106'))]);
    const { job } = await importAsJob(t, runner, unitAdmin, '/api/v1/people/import', file);
    expect((await jobOf(t, unitAdmin, job.id)).status).toBe('succeeded');
    const peek = await t.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${job.id}`,
      headers: provinceAdmin.headers,
    });
    expect(peek.statusCode).toBe(404);
  });
});

describe('the people template and export', () => {
  it('serves the template as a download with Chinese headers', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people/template.xlsx',
      headers: reviewer.headers,
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
    );
    const read = await readSheet(response.rawPayload, peopleColumns('2026-03-01'));
    expect([read.rowCount, read.issues.count]).toEqual([0, 0]);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/people/template.xlsx' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('exports every matching person with masked IDs only', async () => {
    const id = newIdNumber('19800109');
    await upload(unitAdmin, await peopleFile([person('导出壬', id)]));
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/export.xlsx?q=${encodeURIComponent('导出')}&limit=1`,
      headers: unitAdmin.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      response.rawPayload.buffer.slice(response.rawPayload.byteOffset) as ArrayBuffer,
    );
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      '导出壬',
      `${id.slice(0, 4)}**********${id.slice(-4)}`,
      undefined,
      '医师',
      '否',
      '中级',
      hospital,
    ]);
    expect(sheet.rowCount).toBe(2);
  });

  it('exports the whole subtree beyond one page, and 404s outside the scope', async () => {
    // More than an export page (500) in the province.
    const many = Array.from({ length: 520 }, (_, i) =>
      person(`批量${i}`, newIdNumber(`1981${String(101 + Math.floor(i / 500)).padStart(4, '0')}`)),
    );
    expect((await upload(unitAdmin, await peopleFile(many))).statusCode).toBe(200);
    const all = await t.app.inject({
      method: 'GET',
      url: '/api/v1/people/export.xlsx',
      headers: provinceAdmin.headers,
    });
    const read = await readSheet(all.rawPayload, peopleColumns('2026-03-01'));
    const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from people p join orgs o on o.id = p.unit_id
          where o.path like ${`${tree.province.path}%`}`,
    );
    expect(n).toBeGreaterThan(500);
    expect(read.rowCount).toBe(n);
    const outside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/export.xlsx?unitId=${linjiangHospital}`,
      headers: unitAdmin.headers,
    });
    expect(outside.statusCode).toBe(404);
  });
});
