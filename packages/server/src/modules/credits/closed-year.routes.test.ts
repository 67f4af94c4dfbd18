import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Claim, ErrorResponse, ImportReport } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { multipartFile } from '../../../test/excel-routes';
import { createFactories } from '../../../test/factories';
import { buildExcelJsXlsx } from '../../../test/xlsx-files';
import { queryRows } from '../../platform/db/database';

/**
 * Credits count in the year they are entered where the packs say so (Hunan, 通知 二(五)):
 * on 2026-03-01 (the test clock) an activity of 2025 is refused by every entry channel with
 * `year_closed` and the day the year closed; elsewhere, and for 2026, it is taken.
 */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const hunan = await f.buildOrgTree({ regionCode: '430000' });
const demo = await f.buildOrgTree();

async function staffOf(unit: typeof hunan.unit) {
  const person = await f.buildPerson({ unit });
  const admin = await f.buildUser({ role: 'unit_admin', org: unit });
  return {
    person,
    learner: await t.signIn(person.user.username),
    unitAdmin: await t.signIn(admin.username),
  };
}
const inHunan = await staffOf(hunan.unit);
const elsewhere = await staffOf(demo.unit);

const paper = (date: string) => ({ type: 'paper', date, journal: 'core', authorRank: 1 });
const residency = {
  type: 'residency',
  date: '2025-12-20',
  trainingYear: 3,
  totalYears: 3,
  assessmentPassed: true,
};

async function claimCount(): Promise<number> {
  const rows = await queryRows<{ n: number }>(db, sql`select count(*)::int n from credit_claims`);
  return rows[0]?.n ?? 0;
}

function post(url: string, who: Session, payload: object) {
  return t.app.inject({ method: 'POST', url, headers: who.headers, payload });
}

function expectClosed(res: Awaited<ReturnType<typeof post>>) {
  expect(res.statusCode, res.body).toBe(422);
  const { error } = res.json<ErrorResponse>();
  expect(error.code).toBe('year_closed');
  expect(error.details).toMatchObject({ year: 2025, closedOn: '2025-12-31' });
  expect(error.message).toContain('2025-12-31');
  expect(error.issues?.[0]?.path).toBe('activity.date');
}

describe('entry for a closed year', () => {
  it.each([
    ['a self-report of a 2025 paper', paper('2025-11-30')],
    ['a self-report of a 2025 residency year', residency],
  ])('refuses %s in Hunan, storing nothing', async (_name, activity) => {
    const before = await claimCount();
    expectClosed(await post('/api/v1/credits', inHunan.learner, { activity }));
    expect(await claimCount()).toBe(before);
  });

  it('refuses a unit admin’s entry and a bulk entry of 2025 in Hunan', async () => {
    const before = await claimCount();
    const payload = { activity: paper('2025-10-01'), personId: inHunan.person.id };
    expectClosed(await post('/api/v1/credits', inHunan.unitAdmin, payload));
    expectClosed(
      await post(`/api/v1/units/${hunan.unit.id}/credits:bulk`, inHunan.unitAdmin, {
        activity: paper('2025-10-01'),
        personIds: [inHunan.person.id],
      }),
    );
    expect(await claimCount()).toBe(before);
  });

  it('refuses a correction that moves a Hunan draft into 2025', async () => {
    const created = await post('/api/v1/credits', inHunan.learner, {
      activity: paper('2026-02-01'),
    });
    expect(created.statusCode, created.body).toBe(201);
    const claim = created.json<Claim>();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/credits/${claim.id}`,
      headers: inHunan.learner.headers,
      payload: { version: claim.version, activity: paper('2025-12-31') },
    });
    expectClosed(res);
  });

  it('refuses an imported row of 2025 in Hunan, naming the row and the day', async () => {
    const person = await f.buildPerson({ unit: hunan.unit, name: '导入甲' });
    const file = await buildExcelJsXlsx([
      ['身份证号', '姓名', '活动类型', '日期', '期刊类别', '排名'],
      [person.idNumber, '导入甲', '发表论文', '2026-01-10', '核心期刊', 1],
      [person.idNumber, '导入甲', '发表论文', '2025-12-10', '核心期刊', 2],
    ]);
    const body = multipartFile(file, { fileName: '学分.xlsx' });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/units/${hunan.unit.id}/credits/import`,
      headers: { ...inHunan.unitAdmin.headers, ...body.headers },
      payload: body.payload,
    });
    expect(res.statusCode, res.body).toBe(422);
    const { error } = res.json<ErrorResponse>();
    expect(error.code).toBe('import_invalid');
    const { issues } = error.details?.report as ImportReport;
    expect(issues).toEqual([
      expect.objectContaining({
        row: 3,
        column: '日期',
        message: expect.stringContaining('2025-12-31') as string,
      }),
    ]);
  });

  it.each([
    ['Hunan, the open year 2026', () => inHunan, paper('2026-02-01'), 2026],
    [
      'the demo province, 2025 (its packs do not tie credits to the year of entry)',
      () => elsewhere,
      paper('2025-11-30'),
      2025,
    ],
  ])('takes %s', async (_name, who, activity, year) => {
    const res = await post('/api/v1/credits', who().learner, { activity });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<Claim>()).toMatchObject({ year, status: 'draft' });
  });
});
