import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';

/**
 * The reminder rules pick exactly the right people (ADR 0039), once per rule and
 * milestone, on both engines. The province calendar closes entry of 2026 on 2026-12-31 and
 * wants unit audits by 2027-01-31; reviewers are reminded of claims waiting over 14 days.
 */
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const uncalendared = await f.buildOrgTree();
const quietUnit = await f.buildOrg({ parent: tree.district, kind: 'unit', name: '全员达标医院' });

const fullYear = {
  type: 'further_study' as const,
  date: '2026-02-01',
  months: 6,
};
const behind = await f.buildPerson({ unit: tree.unit });
const compliant = await f.buildPerson({ unit: tree.unit });
const compliantElsewhere = await f.buildPerson({ unit: quietUnit });
const behindNoCalendar = await f.buildPerson({ unit: uncalendared.unit });
for (const person of [compliant, compliantElsewhere])
  await f.buildClaim({ person, channel: 'platform_push', status: 'effective', activity: fullYear });
const unitAdmin = await f.buildUser({ role: 'unit_admin', org: tree.unit });
const quietUnitAdmin = await f.buildUser({ role: 'unit_admin', org: quietUnit });
// A self-report waiting at the unit since 2026-03-01, and the unit's reviewer account.
await f.buildClaim({ person: behind, status: 'submitted' });
const unitReviewer = await f.reviewerAt(tree.unit.id);
const hostAdmin = await f.buildUser({ role: 'host_admin', org: tree.host });
const unreported = await f.buildProject({
  host: tree.host,
  status: 'filed',
  startDate: '2026-11-10',
  endDate: '2026-11-20',
});
await f.buildProject({ host: tree.host, status: 'finished' });

await services.calendar.set(
  await f.actorOf(await f.buildUser({ role: 'province_admin', org: tree.province })),
  tree.province.id,
  2026,
  {
    entryCloses: '2026-12-31',
    unitAuditDue: '2027-01-31',
    cityAuditDue: '2027-02-28',
    provinceFiling: '2027-03-31',
  },
  '127.0.0.1',
);
for (const org of [tree.province, uncalendared.province])
  await services.standings.ensureYear(org.path, 2026);

const users = {
  behind: behind.user.id,
  compliant: compliant.user.id,
  compliantElsewhere: compliantElsewhere.user.id,
  behindNoCalendar: behindNoCalendar.user.id,
  unitAdmin: unitAdmin.id,
  quietUnitAdmin: quietUnitAdmin.id,
  unitReviewer: unitReviewer.id,
  hostAdmin: hostAdmin.id,
};
const nameOf = new Map(Object.entries(users).map(([name, id]) => [id, name]));

async function notified(): Promise<string[]> {
  const rows = await queryRows<{ userId: string; kind: string; dedupeKey: string }>(
    t.database.db,
    sql`select user_id as "userId", kind, dedupe_key as "dedupeKey" from notifications
         where user_id = any(${`{${Object.values(users).join(',')}}`}::uuid[])`,
  );
  return rows
    .map((r) => `${nameOf.get(r.userId) ?? r.userId} ${r.kind} ${r.dedupeKey}`)
    .map((line) => line.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, '<id>'))
    .sort();
}

const run = (asOf: string, dryRun = false) => services.reminders.run({ asOf, dryRun });
const createdBy = (report: Awaited<ReturnType<typeof run>>) =>
  report.rules.reduce((sum, r) => sum + r.created, 0);

describe('reminder rules', () => {
  it('stores standings as the cases need them', async () => {
    const rows = await queryRows<{ personId: string; compliant: boolean }>(
      t.database.db,
      sql`select person_id as "personId", compliant from person_standings where year = 2026
           and person_id = any(${`{${[behind.id, compliant.id, compliantElsewhere.id].join(',')}}`}::uuid[])`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.personId, r.compliant]))).toEqual({
      [behind.id]: false,
      [compliant.id]: true,
      [compliantElsewhere.id]: true,
    });
  });

  it('a dry run counts and lists but stores nothing', async () => {
    const report = await run('2026-10-02', true);
    expect(report.dryRun).toBe(true);
    const learners = report.rules.find(
      (r) => r.rule === 'learner_behind' && r.province === tree.province.name,
    );
    expect(learners).toMatchObject({ on: '2026-10-02', year: 2026, created: 1 });
    expect(report.behind.map((b) => b.name)).toContain(behind.name);
    expect(report.behind.find((b) => b.name === behind.name)?.needs).toMatch(/^annual_total:25/);
    // Everyone behind here has an account: nobody is out of the reminders' reach.
    expect(report.unreachable.filter((u) => u.province === tree.province.name)).toEqual([]);
    expect(await notified()).toEqual([]);
  });

  it('90 days before entry closes: learners behind, units with staff behind, waiting reviews', async () => {
    await run('2026-10-02');
    // Both unit accounts report the unit's audit and review at it; the host's project has
    // not ended yet; compliant people, a unit all compliant and a province without a
    // calendar are told nothing.
    expect(await notified()).toEqual([
      'behind reminder_learner_behind learner_behind:2026:2026-10-02',
      'unitAdmin reminder_reviews_waiting reviews_waiting:2026-03-01:<id>',
      'unitAdmin reminder_unit_staff_behind unit_staff_behind:2026:2026-10-02:<id>',
      'unitReviewer reminder_reviews_waiting reviews_waiting:2026-03-01:<id>',
      'unitReviewer reminder_unit_staff_behind unit_staff_behind:2026:2026-10-02:<id>',
    ]);
  });

  it('a rerun, and a run between milestones, create nothing new', async () => {
    const before = await notified();
    expect(createdBy(await run('2026-10-02'))).toBe(0);
    expect(createdBy(await run('2026-11-15'))).toBe(0);
    expect(await notified()).toEqual(before);
  });

  it('the next milestone fires again, with the host whose project ended unreported', async () => {
    const before = await notified();
    await run('2026-12-01');
    const added = (await notified()).filter((line) => !before.includes(line));
    expect(added).toEqual([
      'behind reminder_learner_behind learner_behind:2026:2026-12-01',
      'hostAdmin reminder_host_unreported host_unreported:2026-11-27:<id>',
      'unitAdmin reminder_unit_staff_behind unit_staff_behind:2026:2026-12-01:<id>',
      'unitReviewer reminder_unit_staff_behind unit_staff_behind:2026:2026-12-01:<id>',
    ]);
    const [host] = await queryRows<{ params: Record<string, unknown> }>(
      t.database.db,
      sql`select params from notifications where user_id = ${hostAdmin.id}::uuid`,
    );
    expect(host?.params).toMatchObject({ project: unreported.name });
  });

  it('units whose audit is not reported are reminded before it is due; hosts again at 30 days', async () => {
    const before = await notified();
    await run('2027-01-01');
    const added = (await notified()).filter((line) => !before.includes(line));
    expect(added).toEqual([
      'hostAdmin reminder_host_unreported host_unreported:2026-12-20:<id>',
      'quietUnitAdmin reminder_unit_audit_due unit_audit_due:2026:2027-01-01:<id>',
      'unitAdmin reminder_unit_audit_due unit_audit_due:2026:2027-01-01:<id>',
      'unitReviewer reminder_unit_audit_due unit_audit_due:2026:2027-01-01:<id>',
    ]);
  });

  it('tells the learner what they need in one line', async () => {
    const [row] = await queryRows<{ params: Record<string, unknown> }>(
      t.database.db,
      sql`select params from notifications where user_id = ${behind.user.id}::uuid
           order by dedupe_key desc limit 1`,
    );
    expect(row?.params).toMatchObject({ year: 2026, date: '2026-12-31', days: 30 });
    expect(row?.params.need).toMatch(/^年度总学分 25 学分/);
  });
});
