import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { creditChannels } from '@jijiao/contracts';
import { createTestDatabase } from '../../../test/test-database';
import { testConfig } from '../../../test/test-config';
import { FakeClock } from '../../../test/build-app';
import { orgIdByName } from '../../../test/fixtures';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { queryRows, type Database } from '../../platform/db/database';
import { buildServices } from '../../services';
import type { Actor } from '../../platform/auth/actor';
import { seedDemoCreditsAtStart } from './demo-credits';

const december = await createTestDatabase();
const march = await createTestDatabase();
afterAll(async () => {
  await december.close();
  await march.close();
});

async function seedAt(database: Database, at: string) {
  const services = buildServices({
    config: testConfig(),
    database,
    clock: new FakeClock(at),
    hasher: argon2Hasher,
  });
  const written = await seedDemoCreditsAtStart(services);
  await services.standings.drainAll();
  return { services, written };
}

/** This year's standings of everyone in the demo province: how many, and how many compliant. */
async function compliance(database: Database) {
  const [row] = await queryRows<{ people: number; compliant: number }>(
    database.db,
    sql`select count(*)::int people, count(*) filter (where compliant)::int compliant
        from person_standings where year = 2026`,
  );
  return row!;
}

/** The demo's claims of this year: their channels, and their first and last dates. */
async function demoClaims(database: Database) {
  const [row] = await queryRows<{
    channels: string[];
    statuses: string[];
    years: number[];
    first: string;
    last: string;
  }>(
    database.db,
    sql`select array_agg(distinct c.channel) channels, array_agg(distinct c.status) statuses,
               array_agg(distinct c.year) years,
               min(c.activity_date)::text first, max(c.activity_date)::text last
        from credit_claims c
        where exists (select 1 from credit_provenances p
                      where p.claim_id = c.id and p.source_ref = 'demo data')`,
  );
  return row!;
}

describe('demo credits at start', () => {
  it('in December, most people meet the requirement, across every city, unit and channel', async () => {
    const { services, written } = await seedAt(december, '2026-12-10T08:00:00Z');
    expect(written).toBeGreaterThan(1000);

    const { people, compliant } = await compliance(december);
    expect(people).toBe(300);
    expect(compliant / people).toBeGreaterThanOrEqual(0.7);
    expect(compliant / people).toBeLessThanOrEqual(0.9);

    const claims = await demoClaims(december);
    expect([...claims.channels].sort()).toEqual([...creditChannels].sort());
    expect(claims).toMatchObject({ statuses: ['effective'], years: [2026] });
    expect(claims.first >= '2026-01-01').toBe(true);
    expect(claims.last <= '2026-12-10').toBe(true);

    // Every unit and both cities have people with credits, and units differ.
    const units = await queryRows<{ kind: string; staff: number; earning: number; share: number }>(
      december.db,
      sql`select o.kind, count(*)::int staff,
                 count(*) filter (where s.total_credits > 0)::int earning,
                 avg(case when s.compliant then 1 else 0 end)::float share
          from orgs o join person_standings s on s.year = 2026 and s.unit_path like o.path || '%'
          where o.kind in ('unit', 'city') group by o.id, o.kind`,
    );
    expect(units.filter((u) => u.kind === 'city')).toHaveLength(2);
    expect(units.filter((u) => u.kind === 'unit')).toHaveLength(9);
    for (const unit of units) expect(unit.earning).toBeGreaterThan(unit.staff / 2);
    const shares = units.map((u) => u.share);
    expect(Math.max(...shares) - Math.min(...shares)).toBeGreaterThan(0.15);

    // A unit admin's view: the learner has credits with reasons, some staff are behind.
    const hospital = await orgIdByName(december.db, '江南区人民医院');
    const [org] = await queryRows<{ path: string }>(
      december.db,
      sql`select path from orgs where id = ${hospital}`,
    );
    const actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      grants: [
        {
          role: 'unit_admin',
          orgId: hospital,
          orgPath: org!.path,
          orgName: '江南区人民医院',
          orgKind: 'unit',
        },
      ],
    } as unknown as Actor;
    const progress = await services.learnerYear.unitProgress(actor, hospital, {
      year: 2026,
      behind: false,
      sort: 'shortfall',
      limit: 500,
    });
    const learner = progress.items.find((i) => i.name === '王晓明');
    expect(learner?.totalCredits).toBe(9);
    expect(progress.behindCount).toBeGreaterThan(0);
    expect(progress.behindCount).toBeLessThan((progress.staffCount ?? 0) / 2);
    const year = await services.learnerYear.staffYear(actor, learner!.personId, 2026);
    expect(year.credits.map((c) => [c.activityType, c.credits, c.channels])).toEqual(
      expect.arrayContaining([
        ['online_course', 4, ['platform_push']],
        ['unit_lecture', 3, ['unit_bulk_entry']],
        ['case_discussion', 2, ['spreadsheet_import']],
      ]),
    );
    expect(year.requirements).toContainEqual(
      expect.objectContaining({ code: 'annual_total', met: false, shortfall: 16 }),
    );

    expect(await seedDemoCreditsAtStart(services)).toBe(0);
    expect((await compliance(december)).compliant).toBe(compliant);
  });

  it('in March, the year has only begun: few people meet the requirement yet', async () => {
    const { written } = await seedAt(march, '2026-03-20T08:00:00Z');
    expect(written).toBeGreaterThan(200);
    const { people, compliant } = await compliance(march);
    expect(people).toBe(300);
    expect(compliant / people).toBeLessThan(0.1);
    const claims = await demoClaims(march);
    expect(claims.first >= '2026-01-01').toBe(true);
    expect(claims.last <= '2026-03-20').toBe(true);
  });
});
