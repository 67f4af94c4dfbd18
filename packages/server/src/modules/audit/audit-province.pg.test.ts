import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase, testDbKind } from '../../../test/test-database';
import { FakeClock } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows, type Database } from '../../platform/db/database';

/**
 * The audit job over a province of 100 000 generated people on a real PostgreSQL
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
  const clock = new FakeClock('2026-06-01T00:00:00Z');
  const f = createFactories({ database, clock });
  // Eight units over the tree, one registered person each; the rest generated in SQL
  // (100 000 registrations through the service would take hours).
  const tree = await f.buildOrgTree();
  const units = [tree.unit];
  for (const parent of [tree.province, tree.city, tree.city, tree.district, tree.district])
    units.push(await f.buildOrg({ parent, kind: 'unit' }));
  const otherDistrict = await f.buildOrg({ parent: tree.city, kind: 'district' });
  units.push(await f.buildOrg({ parent: otherDistrict, kind: 'unit' }));
  units.push(await f.buildOrg({ parent: otherDistrict, kind: 'unit' }));
  for (const unit of units) await f.buildPerson({ unit });
  const unitIds = `{${units.map((u) => u.id).join(',')}}`;
  await db.execute(sql`
      insert into people (name, id_number_cipher, id_number_hash, id_number_masked, sex,
                          birth_date, profession, title_grade, unit_id)
      select '生成' || i, 'generated', 'generated-' || i, '9901**********0000', 'M',
             date '1980-01-01', 'physician', 'intermediate',
             (${unitIds}::uuid[])[1 + i % ${units.length}]
      from generate_series(1, ${generated}) i`);
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
  const inProvince = sql`(select p.id from people p join orgs o on o.id = p.unit_id
                          where o.path like ${`${tree.province.path}%`})`;
  const [expected] = await queryRows<{ people: number; compliant: number; short: string }>(
    db,
    sql`select (select count(*)::int from ${inProvince} x) people,
                 (select count(*)::int from (select person_id from credit_claims
                   where year = 2025 and status = 'effective' and person_id in ${inProvince}
                   group by person_id having sum(credits) >= 25) c) compliant,
                 (select p.id::text from people p join credit_claims c on c.person_id = p.id
                   where p.name like '生成%' group by p.id having count(*) = 2 limit 1) short`,
  );
  expect(expected!.people).toBe(generated + units.length);

  const actor = await f.provinceActor(tree.province);
  const audit = await f.services.audits.findOrOpen(actor, 2025);
  const progress: number[] = [];
  const run = await f.services.audits.run(actor, audit.id, (p) => progress.push(p.done));
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
