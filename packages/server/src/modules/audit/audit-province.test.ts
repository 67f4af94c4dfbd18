import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDbKind } from '../../../test/test-database';
import { testConfig } from '../../../test/test-config';
import { FakeClock } from '../../../test/build-app';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { queryRows, type Database } from '../../platform/db/database';
import { buildServices } from '../../services';
import { systemActor } from '../orgs/system-actor';

/**
 * The audit job over a generated province of 100 000 more people on a real PostgreSQL
 * (skipped on PGlite, which `bench/` measures instead): every person gets a result, the
 * compliant ones are exactly those the rules make compliant, set-based in batches. Each
 * generated person has 0–4 national-project claims of 10 credits in 2025 (25 are needed).
 * No wall-clock assertion: `bench/audit-job.mjs` prints the time.
 */
const onPostgres = testDbKind() === 'postgres';
const generated = 100_000;

describe.skipIf(!onPostgres)('the audit job over a province of 100 000 people', () => {
  it('evaluates everyone, set-based, and writes one result each', async () => {
    const database = await createTestDatabase();
    try {
      await check(database);
    } finally {
      await database.close();
    }
  }, 900_000);
});

async function check(database: Database): Promise<void> {
  const db = database.db;
  await db.execute(sql`
      insert into people (name, id_number_cipher, id_number_hash, id_number_masked, sex,
                          birth_date, profession, title_grade, unit_id)
      select '生成' || i, 'generated', 'generated-' || i, '9901**********0000', 'M',
             date '1980-01-01', 'physician', 'intermediate', u.id
      from generate_series(1, ${generated}) i
      join lateral (select id from orgs where kind = 'unit' order by id
                    offset (i % (select count(*) from orgs where kind = 'unit')) limit 1) u
        on true`);
  await db.execute(sql`
      insert into credit_claims (person_id, unit_id, channel, activity, activity_type,
                                 activity_date, year, credits, pack_versions, status)
      select p.id, p.unit_id, 'platform_push',
             jsonb_build_object('type', 'project', 'level', 'national', 'role', 'attendee',
                                'hours', 30, 'date', '2025-0' || k || '-01',
                                'projectNumber', '2025-01-01-00' || k || '（国）'),
             'project', make_date(2025, k, 1), 2025, 10,
             '[{"id":"national-2024","version":"1.0.0"}]'::jsonb, 'effective'
      from people p cross join generate_series(1, 4) k
      where p.name like '生成%' and k <= (hashtext(p.name) & 7) % 5`);
  const [expected] = await queryRows<{ people: number; compliant: number; short: string }>(
    db,
    sql`select (select count(*)::int from people p join orgs o on o.id = p.unit_id
                  where o.path like (select path from orgs where region_code = '990000'
                                     and kind = 'province') || '%') people,
                 (select count(*)::int from (select person_id from credit_claims
                   where year = 2025 and status = 'effective'
                   group by person_id having sum(credits) >= 25) c) compliant,
                 (select p.id::text from people p join credit_claims c on c.person_id = p.id
                   where p.name like '生成%' group by p.id having count(*) = 2 limit 1) short`,
  );
  expect(expected!.people).toBeGreaterThan(generated);

  const clock = new FakeClock('2026-06-01T00:00:00Z');
  const services = buildServices({ config: testConfig(), database, clock, hasher: argon2Hasher });
  const actor = await systemActor(db);
  const audit = await services.audits.findOrOpen(actor, 2025, '990000');
  const progress: number[] = [];
  const run = await services.audits.run(actor, audit.id, (p) => progress.push(p.done));
  expect(run).toMatchObject({
    status: 'succeeded',
    total: expected!.people,
    done: expected!.people,
    compliant: expected!.compliant,
  });
  // A progress line per batch, never going back, ending at everyone.
  expect(progress.length).toBeGreaterThan(1);
  expect(progress).toEqual([...progress].sort((a, b) => a - b));
  expect(progress.at(-1)).toBe(expected!.people);

  const [stored] = await queryRows<{ results: number; compliant: number }>(
    db,
    sql`select count(*)::int results, count(*) filter (where compliant)::int compliant
          from audit_results where audit_id = ${audit.id}`,
  );
  expect(stored).toEqual({ results: expected!.people, compliant: expected!.compliant });
  const [short] = await queryRows<{ compliant: boolean; total_credits: number }>(
    db,
    sql`select compliant, total_credits::float8 total_credits from audit_results
          where audit_id = ${audit.id} and person_id = ${expected!.short}`,
  );
  expect(short).toEqual({ compliant: false, total_credits: 20 });
}
