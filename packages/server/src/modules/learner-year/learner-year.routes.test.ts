import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  unitProgressSchema,
  yearReportSchema,
  type Claim,
  type ComplianceStatistics,
  type UnitProgress,
  type YearList,
  type YearReportView,
} from '@jijiao/contracts';
import { activitySchema, defaultPolicyRegistry, evaluateYear } from '@jijiao/domain';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories, type TestPerson } from '../../../test/factories';

/**
 * The learner's year and the unit's staff progress over claims recorded through the
 * intake (effective ones directly, pending ones through the self-report API). The
 * expected numbers are the pure rules engine's over the same activities.
 */
const t = await buildTestApp(); // clock: 2026-03-01, so this year is 2026
const f = createFactories(t);
const services = f.services;
const db = t.database.db;
const tree = await f.buildOrgTree(); // region codes 990000 / 990100 / 990102
const hospital = tree.unit;
const otherUnit = await f.buildOrg({
  parent: tree.district,
  kind: 'unit',
  unitType: 'community_health_centre',
  name: '城区社区卫生服务中心',
});
const professions = ['physician', 'nurse', 'pharmacist', 'technician'] as const;
const grades = ['junior', 'intermediate', 'associate_senior', 'senior'] as const;
const staff: TestPerson[] = [];
for (let i = 0; i < 12; i += 1) {
  staff.push(
    await f.buildPerson({
      unit: hospital,
      profession: professions[i % professions.length],
      titleGrade: grades[(i * 3) % grades.length],
    }),
  );
}
const staffCount = staff.length;
const me = staff[0]!;
const colleagues = staff.slice(1);
const learnerId = me.id;
const outsider = await f.buildPerson({ unit: otherUnit });
const learner = await t.signIn(me.user.username);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: hospital })).username,
);
const reviewer = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);

async function effective(personId: string, activity: Record<string, unknown>): Promise<string> {
  const result = await db.transaction((tx) =>
    services.intake.record(tx, {
      personId,
      channel: 'spreadsheet_import',
      activity,
      initialStatus: 'effective',
      actor: { userId: null, username: 'test', ip: null },
      sourceRef: 'test.xlsx#row 2',
    }),
  );
  return result.claimId;
}

// This year's effective credits of the learner: a core-journal paper (6) and an online course.
const paper2026 = { type: 'paper', date: '2026-01-15', journal: 'core', authorRank: 1 };
const course2026 = { type: 'online_course', date: '2026-02-03', hours: 6 };
const paperId = await effective(learnerId, paper2026);
const courseId = await effective(learnerId, course2026);
// A year under the 2006 measures, with Class I and Class II.
const project2023 = {
  type: 'project',
  date: '2023-05-10',
  level: 'national',
  role: 'attendee',
  hours: 9,
  projectNumber: '2023-01-01-001（国）',
};
await effective(learnerId, project2023);
// A colleague already compliant this year (a degree study year gives plenty).
await effective(colleagues[0]!.id, { type: 'degree_study', date: '2026-01-20', months: 8 });

function get(url: string, who: Session) {
  return t.app.inject({ method: 'GET', url, headers: who.headers });
}
/**
 * The learner's year is written by its JSON Schema without zod (ADR 0025): its body must
 * parse with the zod schema and hold what zod's own serializer would have written.
 */
async function myYear(year: number): Promise<YearReportView> {
  const res = await get(`/api/v1/me/years/${String(year)}`, learner);
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<unknown>();
  const view = yearReportSchema.parse(body);
  // Nothing the schema does not name, at any depth (zod leaves such keys out).
  expect(body).toEqual(JSON.parse(JSON.stringify(yearReportSchema.encode(view))));
  return view;
}
/** A progress page, also written by its JSON Schema: the same checks as `myYear`. */
function asProgress(res: Awaited<ReturnType<typeof get>>): UnitProgress {
  expect(res.statusCode, res.body).toBe(200);
  const body = res.json<unknown>();
  const page = unitProgressSchema.parse(body);
  expect(body).toEqual(JSON.parse(JSON.stringify(unitProgressSchema.encode(page))));
  return page;
}
function post(url: string, who: Session, payload: object) {
  t.clock.advanceMinutes(1);
  return t.app.inject({ method: 'POST', url, headers: who.headers, payload });
}

/** The rules engine alone over the same activities, for the expected numbers. */
function engine(year: number, activities: Record<string, unknown>[]) {
  const resolved = defaultPolicyRegistry.resolve(
    { province: '990000', city: '990100', district: '990102' },
    year,
  );
  if (!resolved.ok) throw new Error(resolved.message);
  const result = evaluateYear({
    policy: resolved.policy,
    place: { province: '990000', city: '990100', district: '990102' },
    person: { unitLevel: 'county' },
    activities: activities.map((a, i) => activitySchema.parse({ ...a, id: `a${String(i)}` })),
  });
  if (!result.ok) throw new Error(result.problem.message);
  return result.report;
}

describe('the learner’s year', () => {
  let draft: Claim;
  let returned: Claim;

  it('keeps pending claims apart: a draft and a returned claim with its reason', async () => {
    const created = await post('/api/v1/credits', learner, {
      activity: { type: 'paper', date: '2026-02-20', journal: 'foreign', authorRank: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    draft = created.json<Claim>();
    const submitted = await post('/api/v1/credits', learner, {
      activity: { type: 'self_study', date: '2026-02-21', hours: 9 },
      submit: true,
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const claim = submitted.json<Claim>();
    const back = await post(`/api/v1/credits/${claim.id}/return`, unitAdmin, {
      version: claim.version,
      reason: '请补充学习记录',
    });
    expect(back.statusCode, back.body).toBe(200);
    returned = back.json<Claim>();
  });

  it('answers the rules engine’s numbers over effective claims only', async () => {
    const view = await myYear(2026);
    const expected = engine(2026, [paper2026, course2026]);
    expect(expected.totalCredits).toBe(8); // 6 for the paper, 6 hours ÷ 3 for the course
    expect(view).toMatchObject({
      personId: learnerId,
      year: 2026,
      totalCredits: expected.totalCredits,
      compliant: false,
      packs: [{ id: 'national-2024', version: '1.1.0' }],
      requirements: expected.requirements,
    });
    expect(view.requirements).toEqual([
      {
        code: 'annual_total',
        required: 25,
        earned: 8,
        met: false,
        shortfall: 17,
        requiredHours: 90,
      },
    ]);
    expect(view.credits.map((c) => c.claimId).sort()).toEqual([paperId, courseId].sort());
    const paper = view.credits.find((c) => c.claimId === paperId);
    expect(paper).toMatchObject({
      status: 'effective',
      credits: 6,
      channels: ['spreadsheet_import'],
      reasons: [],
    });
    expect(view.pending.map((p) => [p.id, p.status, p.returnReason])).toEqual([
      [draft.id, 'draft', null],
      [returned.id, 'returned', '请补充学习记录'],
    ]);
    expect(view.pending[0]).toMatchObject({ channels: ['self_report'], credits: 10 });
  });

  it('gives the reasons of the rules engine (a rank the table does not credit)', async () => {
    await effective(learnerId, {
      type: 'paper',
      date: '2026-02-25',
      journal: 'core',
      authorRank: 7,
    });
    const view = await myYear(2026);
    const ranked = view.credits.find((c) => c.activityDate === '2026-02-25');
    expect(ranked).toMatchObject({ credits: 0, reasons: ['rank_not_credited'] });
    expect(view.totalCredits).toBe(8);
  });

  it('shows per-class requirements under the 2006 measures', async () => {
    const view = await myYear(2023);
    const expected = engine(2023, [project2023]);
    expect(view.packs[0]?.id).toBe('national-2006');
    expect(view.totalCredits).toBe(expected.totalCredits);
    expect(view.classCredits).toEqual(expected.classCredits);
    expect(view.requirements.map((r) => r.code)).toEqual([
      'annual_total',
      'class_I_minimum',
      'class_II_minimum',
    ]);
    expect(view.requirements).toEqual(expected.requirements);
  });

  it('lists the years with claims and this year', async () => {
    const res = await get('/api/v1/me/years', learner);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<YearList>();
    expect(list.currentYear).toBe(2026);
    expect(list.items.map((i) => i.year)).toEqual([2026, 2023]);
    expect(list.items[0]).toMatchObject({ totalCredits: 8, compliant: false, pendingCount: 2 });
  });

  it('answers a staff member’s year inside the subtree, 404 outside', async () => {
    const mine = await get(`/api/v1/people/${learnerId}/years/2026`, unitAdmin);
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json<YearReportView>().totalCredits).toBe(8);
    const city = await get(`/api/v1/people/${learnerId}/years/2026`, reviewer);
    expect(city.statusCode).toBe(200);
    const outside = await get(`/api/v1/people/${outsider.id}/years/2026`, unitAdmin);
    expect(outside.statusCode).toBe(404);
    const learnerAsStaff = await get(`/api/v1/people/${learnerId}/years/2026`, learner);
    expect(learnerAsStaff.statusCode).toBe(403);
    const badYear = await get('/api/v1/me/years/1980', learner);
    expect(badYear.statusCode).toBe(400);
  });
});

describe('the unit’s staff progress', () => {
  it('lists every staff member, behind first, with the engine’s numbers', async () => {
    const res = await get(`/api/v1/units/${hospital.id}/progress?year=2026&limit=500`, unitAdmin);
    expect(res.statusCode, res.body).toBe(200);
    const progress = asProgress(res);
    expect(progress.staffCount).toBe(staffCount);
    expect(progress.items).toHaveLength(staffCount);
    expect(progress.behindCount).toBe(staffCount - 1);
    const mine = progress.items.find((i) => i.personId === learnerId);
    expect(mine).toMatchObject({
      totalCredits: 8,
      required: 25,
      shortfall: 17,
      unmet: ['annual_total'],
      compliant: false,
      pendingCount: 2,
    });
    expect(mine?.idNumberMasked).toContain('*');
    // Compliant last; among those behind, the largest shortfall first.
    expect(progress.items.at(-1)).toMatchObject({ personId: colleagues[0]!.id, compliant: true });
    const shortfalls = progress.items.filter((i) => !i.compliant).map((i) => i.shortfall);
    expect(shortfalls).toEqual([...shortfalls].sort((a, b) => b - a));
    expect(shortfalls[0]).toBe(25);
  });

  it('filters those behind and pages with a cursor', async () => {
    const behind = asProgress(
      await get(`/api/v1/units/${hospital.id}/progress?year=2026&behind=true&limit=500`, unitAdmin),
    );
    expect(behind.items.every((i) => !i.compliant)).toBe(true);
    expect(behind.items).toHaveLength(staffCount - 1);
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: UnitProgress = asProgress(
        await get(
          `/api/v1/units/${hospital.id}/progress?year=2026&limit=7${after ? `&after=${after}` : ''}`,
          unitAdmin,
        ),
      );
      seen.push(...page.items.map((i) => i.personId));
      after = page.nextCursor;
    } while (after);
    expect(seen).toHaveLength(staffCount);
    expect(new Set(seen).size).toBe(staffCount);
  });

  it('is scoped: another unit is 404 for the unit admin, visible to the city', async () => {
    expect((await get(`/api/v1/units/${otherUnit.id}/progress`, unitAdmin)).statusCode).toBe(404);
    expect((await get(`/api/v1/units/${otherUnit.id}/progress`, reviewer)).statusCode).toBe(200);
    expect((await get(`/api/v1/units/${hospital.id}/progress`, learner)).statusCode).toBe(403);
  });

  it('exports a header row and one row per person', async () => {
    const res = await get(`/api/v1/units/${hospital.id}/progress.xlsx?year=2026`, unitAdmin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain('progress-2026.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe('2026年学分进度');
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '姓名',
      '身份证号',
      '单位',
      '专业',
      '已获学分',
      '年度要求学分',
      '总学分差额',
      'Ⅰ类学分',
      'Ⅱ类学分',
      '未达标要求',
      '是否达标',
      '审核中申报数',
    ]);
    expect(sheet.rowCount).toBe(staffCount + 1);
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const learnerRow = rows.find((r) => r.getCell(5).value === 8);
    expect(learnerRow?.getCell(10).value).toBe('年度总学分差 17 分');
    expect(learnerRow?.getCell(11).value).toBe('否');
    expect(learnerRow?.getCell(2).text).toContain('*');
  });
});

describe('the unit’s compliance statistics', () => {
  it('agrees with the progress list overall and in every breakdown', async () => {
    const res = await get(`/api/v1/units/${hospital.id}/statistics?year=2026`, unitAdmin);
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json<ComplianceStatistics>();
    const progress = asProgress(
      await get(`/api/v1/units/${hospital.id}/progress?year=2026&limit=500`, unitAdmin),
    );
    const counted = progress.staffCount ?? 0;
    expect(stats.year).toBe(2026);
    expect(stats.overall.staff).toBe(counted);
    expect(stats.overall.compliant).toBe(counted - (progress.behindCount ?? 0));
    const total = progress.items.reduce((n, p) => n + Math.round(p.totalCredits * 10), 0);
    expect(stats.overall.averageCredits).toBe(Math.round(total / counted) / 10);
    const byProfession = new Map<string, { staff: number; compliant: number }>();
    for (const p of progress.items) {
      const g = byProfession.get(p.profession) ?? { staff: 0, compliant: 0 };
      g.staff += 1;
      if (p.compliant) g.compliant += 1;
      byProfession.set(p.profession, g);
    }
    expect(
      Object.fromEntries(
        stats.byProfession.map((g) => [g.key, { staff: g.staff, compliant: g.compliant }]),
      ),
    ).toEqual(Object.fromEntries(byProfession));
    for (const list of [stats.byTitleGrade, stats.byUnitLevel, stats.distribution])
      expect(list.reduce((n, g) => n + g.staff, 0)).toBe(progress.staffCount);
    // A unit has no child organisations: its people are its own.
    expect(stats.byChild).toEqual([]);
    const rates = stats.byProfession.map((g) => g.rate);
    expect(rates).toEqual([...rates].sort((a, b) => a - b));
  });

  it('is scoped like the progress list', async () => {
    expect((await get(`/api/v1/units/${otherUnit.id}/statistics`, unitAdmin)).statusCode).toBe(404);
    expect((await get(`/api/v1/units/${otherUnit.id}/statistics`, reviewer)).statusCode).toBe(200);
    expect((await get(`/api/v1/units/${hospital.id}/statistics`, learner)).statusCode).toBe(403);
  });
});
