import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database';
import { FakeClock } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';

const database = await createTestDatabase();
afterAll(() => database.close());
const f = createFactories({ database, clock: new FakeClock('2026-06-01T08:00:00Z') });
const { db, intake } = f.services;
const tree = await f.buildOrgTree();
const personId = (await f.buildPerson({ unit: tree.unit })).id;
const system = { userId: null, username: 'test', ip: null };

const project = (overrides: Record<string, unknown> = {}) => ({
  type: 'project',
  date: '2026-05-10',
  level: 'national',
  role: 'attendee',
  hours: 9,
  projectNumber: '2026-01-01-901（国）',
  ...overrides,
});

describe('CreditIntake.record', () => {
  it('values the activity with the packs in force for the person’s place and year', async () => {
    const result = await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'self_report',
        activity: { type: 'paper', date: '2026-03-02', journal: 'core', authorRank: 1 },
        initialStatus: 'draft',
        actor: system,
      }),
    );
    expect(result).toMatchObject({
      status: 'draft',
      matched: false,
      credits: 6,
      class: null,
      year: 2026,
      packVersions: [{ id: 'national-2024', version: '1.1.0' }],
    });
    const [row] = await queryRows<{ activity: { id: string }; credits: string }>(
      db,
      sql`select activity, credits from credit_claims where id = ${result.claimId}`,
    );
    expect(row?.activity.id).toBe(result.claimId);
    expect(Number(row?.credits)).toBe(6);
  });

  it('keeps one claim for the same project arriving twice, with both provenances', async () => {
    const first = await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'self_report',
        activity: project(),
        initialStatus: 'draft',
        actor: system,
      }),
    );
    const second = await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'platform_push',
        activity: project({ date: '2026-05-10', hours: 6 }),
        initialStatus: 'effective',
        actor: system,
        sourceRef: 'platform:key-1',
      }),
    );
    expect(second).toMatchObject({ claimId: first.claimId, matched: true, status: 'effective' });
    expect(second.credits).toBe(3);
    const provenances = await queryRows<{ channel: string; source_ref: string | null }>(
      db,
      sql`select channel, source_ref from credit_provenances where claim_id = ${first.claimId} order by received_at, channel`,
    );
    expect(provenances.map((p) => p.channel).sort()).toEqual(['platform_push', 'self_report']);
    const [count] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from credit_claims where person_id = ${personId} and project_number = '2026-01-01-901（国）'`,
    );
    expect(count?.n).toBe(1);
  });

  it('does not match another role or a date that does not overlap', async () => {
    const speaker = await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'host_award',
        activity: project({ role: 'speaker', hours: 1 }),
        initialStatus: 'effective',
        actor: system,
      }),
    );
    const later = await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'host_award',
        activity: project({ date: '2026-08-10' }),
        initialStatus: 'effective',
        actor: system,
      }),
    );
    expect([speaker.matched, later.matched]).toEqual([false, false]);
  });

  it('submits into the unit’s chain with the unit first for a self-report', async () => {
    const result = await db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'self_report',
        activity: { type: 'self_study', date: '2026-04-01', hours: 6 },
        initialStatus: 'submitted',
        actor: system,
      }),
    );
    expect(result).toMatchObject({ status: 'submitted', credits: 2, version: 2 });
    const [row] = await queryRows<{ chain_steps: string[]; current_reviewer_org_id: string }>(
      db,
      sql`select chain_steps, current_reviewer_org_id from credit_claims where id = ${result.claimId}`,
    );
    expect(row?.chain_steps).toEqual([
      tree.unit.id,
      tree.district.id,
      tree.city.id,
      tree.cmeOffice.id,
    ]);
    expect(row?.current_reviewer_org_id).toBe(tree.unit.id);
  });

  it('names the field the rules need, and stores nothing', async () => {
    const before = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from credit_claims`,
    );
    const attempt = db.transaction((tx) =>
      intake.record(tx, {
        personId,
        channel: 'self_report',
        activity: { type: 'paper', date: '2026-03-02', journal: 'core' },
        initialStatus: 'draft',
        actor: system,
      }),
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'activity.authorRank' }],
    });
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    const after = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from credit_claims`,
    );
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it('answers 404 for an unknown person', async () => {
    await expect(
      db.transaction((tx) =>
        intake.record(tx, {
          personId: crypto.randomUUID(),
          channel: 'self_report',
          activity: { type: 'self_study', date: '2026-04-01', hours: 3 },
          initialStatus: 'draft',
          actor: system,
        }),
      ),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('CreditIntake.recordManyEffective', () => {
  it('stores effective claims as one by one, and confirms a pending claim an arrival matches', async () => {
    const person = (await f.buildPerson({ unit: tree.unit })).id;
    const number = '2026-01-01-902（国）';
    const draft = await db.transaction((tx) =>
      intake.record(tx, {
        personId: person,
        channel: 'self_report',
        activity: project({ projectNumber: number }),
        initialStatus: 'submitted',
        actor: system,
      }),
    );
    const known = await intake.personAndPlace(db, person);
    const item = (activity: Record<string, unknown>, sourceRef: string) => {
      const claimId = crypto.randomUUID();
      return { claimId, known, valued: intake.valueAt(known.where, claimId, activity), sourceRef };
    };
    const other = project({ projectNumber: '2026-01-01-903（国）', hours: 12 });
    const result = await db.transaction((tx) =>
      intake.recordManyEffective(tx, {
        channel: 'platform_push',
        actor: system,
        items: [
          item(project({ projectNumber: number, hours: 6 }), 'row 1'),
          item({ type: 'online_course', date: '2026-04-02', hours: 6 }, 'row 2'),
          item(other, 'row 3'),
          item(other, 'row 4'),
        ],
      }),
    );
    expect(result).toMatchObject({ created: 2, matched: 2 });
    const claims = await queryRows<{
      id: string;
      status: string;
      credits: string;
      version: number;
      reviews: string[];
      provenances: number;
    }>(
      db,
      sql`select c.id, c.status, c.credits, c.version,
                 (select array_agg(r.action || ':' || coalesce(r.reason, '') order by r.at, r.action)
                    from claim_reviews r where r.claim_id = c.id) reviews,
                 (select count(*)::int from credit_provenances p where p.claim_id = c.id) provenances
          from credit_claims c where c.person_id = ${person} order by c.activity_date, c.credits`,
    );
    expect(claims.map((c) => [c.status, Number(c.credits), c.provenances])).toEqual([
      ['effective', 2, 1],
      ['effective', 3, 2], // the submitted one, confirmed by the arrival; its value kept
      ['effective', 4, 2], // one claim for the project listed twice
    ]);
    expect(claims[1]?.id).toBe(draft.claimId);
    expect(claims[1]?.reviews).toEqual(['approve:confirmed by platform_push', 'submit:']);
    expect(claims[0]?.version).toBe(1);
    expect(claims[0]?.reviews).toEqual(['approve:effective on arrival (platform_push)']);
  });
});
