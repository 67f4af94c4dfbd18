import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, ImportReport, ProjectList } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { multipartFile } from '../../../test/excel-routes';
import { createFactories } from '../../../test/factories';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import { downloadedReport, importAsJob } from '../../../test/import-jobs';
import { readSheet } from '../../platform/excel';
import { projectColumns } from './projects-columns';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const hostName = tree.host.name;
// A finished national project of the host, for the export.
const national = await f.buildProject({ host: tree.host, level: 'national', status: 'finished' });
const hostAdmin = await t.signIn(
  (await f.buildUser({ role: 'host_admin', org: tree.host })).username,
);
const reviewer = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);

const headers = [
  '项目编号',
  '项目名称',
  '级别',
  '举办单位',
  '开始日期',
  '结束日期',
  '举办地点',
  '学时',
  '授予学员学分',
  '授予讲者学分',
  '中医',
  '远程',
];
type Row = ExcelJS.CellValue[];

/** A valid row; `changes` replaces cells by header. */
function project(number: string, changes: Record<string, ExcelJS.CellValue> = {}): Row {
  const base: Record<string, ExcelJS.CellValue> = {
    项目编号: number,
    项目名称: '导入测试学习班',
    级别: '省级',
    举办单位: null,
    开始日期: new Date(Date.UTC(2027, 4, 10)),
    结束日期: '2027/5/12',
    举办地点: '省医学会学术报告厅',
    学时: 12,
    授予学员学分: 2.5,
    授予讲者学分: '1',
    中医: '否',
    远程: '是',
  };
  const merged = { ...base, ...changes };
  return headers.map((h) => merged[h] ?? null);
}

function upload(session: Session, rows: readonly Row[], query = '') {
  return buildExcelJsXlsx([headers, ...rows]).then((file) => {
    const body = multipartFile(file, { fileName: '项目.xlsx' });
    return t.app.inject({
      method: 'POST',
      url: `/api/v1/projects/import${query}`,
      headers: { ...session.headers, ...body.headers },
      payload: body.payload,
    });
  });
}

async function issuesOf(rows: readonly Row[]) {
  const response = await upload(hostAdmin, rows);
  expect(response.statusCode, response.body).toBe(422);
  return (response.json<ErrorResponse>().error.details?.report as ImportReport).issues;
}

async function projectsNumbered(number: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/projects?number=${encodeURIComponent(number)}`,
    headers: hostAdmin.headers,
  });
  return response.json<ProjectList>().items;
}

describe('importing projects as a job (async=true)', () => {
  const runner = f.services.createJobRunner();
  const url = '/api/v1/projects/import';

  it('writes the drafts in the job and keeps the report; a bad row writes nothing', async () => {
    const file = await buildExcelJsXlsx([headers, project('2027-04-08-301(省)')]);
    const { report } = await importAsJob(t, runner, hostAdmin, url, file, '项目.xlsx');
    expect(report).toMatchObject({ written: true, rows: 1, created: 1, issues: [] });
    expect(await projectsNumbered('2027-04-08-301')).toHaveLength(1);

    const bad = await buildExcelJsXlsx([
      headers,
      project('2027-04-08-302(省)'),
      project('2027-04-08-303(省)', { 结束日期: '2027/5/1' }),
    ]);
    const invalid = await importAsJob(t, runner, hostAdmin, url, bad, '项目.xlsx');
    expect(invalid.report).toMatchObject({ written: false, rows: 2, created: 0 });
    expect(invalid.report.issues).toEqual([
      expect.objectContaining({ row: 3, column: '结束日期' }),
    ]);
    expect(await projectsNumbered('2027-04-08-302')).toEqual([]);
    const rows = await downloadedReport(t, hostAdmin, invalid.job.id);
    expect(rows[2]?.slice(0, 2)).toEqual(['3', '结束日期']);
  });
});

describe('importing projects from xlsx', () => {
  it('creates drafts at the caller’s host, then re-importing changes nothing', async () => {
    const rows = [
      project('2027-04-08-101(省)'),
      project('2027-04-08-102（省）', { 举办单位: hostName }),
    ];
    const first = await upload(hostAdmin, rows);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json<ImportReport>()).toMatchObject({ written: true, rows: 2, created: 2 });
    const [created] = await projectsNumbered('2027-04-08-101');
    expect(created).toMatchObject({
      number: '2027-04-08-101（省）',
      level: 'provincial',
      hostName,
      startDate: '2027-05-10',
      endDate: '2027-05-12',
      hours: 12,
      attendeeCredits: 2.5,
      speakerCredits: 1,
      tcm: false,
      remote: true,
      status: 'draft',
    });
    const again = await upload(hostAdmin, rows);
    expect(again.json<ImportReport>()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    const renamed = await upload(hostAdmin, [
      project('2027-04-08-101（省）', { 项目名称: '改名学习班' }),
    ]);
    expect(renamed.json<ImportReport>()).toMatchObject({ updated: 1 });
  });

  it('a dry run writes nothing', async () => {
    const response = await upload(hostAdmin, [project('2027-04-08-103（省）')], '?dryRun=true');
    expect(response.json<ImportReport>()).toMatchObject({
      dryRun: true,
      written: false,
      created: 1,
    });
    expect(await projectsNumbered('2027-04-08-103')).toEqual([]);
  });

  it('reports every problem by row and column, writing nothing', async () => {
    const issues = await issuesOf([
      project('2027-04-08-104（国）'),
      project('2027-04-08-105（省）', { 结束日期: '2027-05-01' }),
      project('2027-04-08-106（省）', { 学时: 0, 授予学员学分: 2.55, 级别: '区级' }),
      project('2027-04-08-107（省）'),
      project('2027-04-08-107(省)'),
      project('2026-02-01-015（省）', { 项目名称: '已备案的项目改名' }),
    ]);
    expect(issues).toEqual([
      { row: 2, column: '项目编号', message: '级别标记与项目级别不符' },
      { row: 3, column: '结束日期', message: '结束日期早于开始日期' },
      { row: 4, column: '级别', message: '应为国家级、省级、市级、院级之一' },
      { row: 4, column: '学时', message: '应在 0.1 到 2000 之间' },
      { row: 4, column: '授予学员学分', message: '最多 1 位小数' },
      { row: 6, column: '项目编号', message: '与第 5 行重复' },
      { row: 7, column: '项目编号', message: '项目已备案，不能通过导入修改' },
    ]);
    expect(await projectsNumbered('2027-04-08-107')).toEqual([]);
  });

  it('reports a host it cannot find, and a missing required column', async () => {
    expect(await issuesOf([project('2027-04-08-108（省）', { 举办单位: '不存在的学会' })])).toEqual(
      [{ row: 2, column: '举办单位', message: '未找到该举办单位，或不在您的管理范围内' }],
    );
    const file = await buildExcelJsXlsx([
      ['项目编号', '项目名称'],
      ['2027-04-08-109（省）', '缺列'],
    ]);
    const body = multipartFile(file);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/projects/import',
      headers: { ...hostAdmin.headers, ...body.headers },
      payload: body.payload,
    });
    const report = response.json<ErrorResponse>().error.details?.report as ImportReport;
    expect(report.issues.map((i) => `${i.row} ${i.column} ${i.message}`)).toEqual(
      ['级别', '开始日期', '结束日期', '举办地点', '学时', '授予学员学分', '授予讲者学分'].map(
        (h) => `1 ${h} 缺少必填列`,
      ),
    );
  });

  it('needs project:manage to import', async () => {
    expect((await upload(reviewer, [project('2027-04-08-110（省）')])).statusCode).toBe(403);
  });
});

describe('the projects template and export', () => {
  it('serves the template, and exports the caller’s projects with labels', async () => {
    const template = await t.app.inject({
      method: 'GET',
      url: '/api/v1/projects/template.xlsx',
      headers: reviewer.headers,
    });
    expect(template.statusCode).toBe(200);
    expect((await readSheet(template.rawPayload, projectColumns())).rowCount).toBe(0);

    const exported = await t.app.inject({
      method: 'GET',
      url: '/api/v1/projects/export.xlsx?level=national',
      headers: hostAdmin.headers,
    });
    expect(exported.statusCode, exported.body).toBe(200);
    const read = await readSheet(exported.rawPayload, projectColumns());
    expect(read.issues.toArray()).toEqual([]);
    expect(read.rows.map((r) => r.values)).toContainEqual(
      expect.objectContaining({
        number: national.number,
        level: 'national',
        host: hostName,
      }),
    );
    expect(read.rows.every((r) => r.values.level === 'national')).toBe(true);
  });
});
