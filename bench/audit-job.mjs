// `node bench/audit-job.mjs [--people 100000] [--pglite]`: the annual audit's evaluation job
// over a generated province. Starts a throwaway PostgreSQL 15 cluster (or PGlite with
// --pglite), seeds the demo province, adds N people spread over its units with 0–4
// national-project claims each (10 credits per claim) in the audited year, then runs the
// job and prints people, claims, seconds and people per second. Numbers, not assertions.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { register } from 'tsx/esm/api';

register();
const args = process.argv.slice(2);
const peopleArg = args.indexOf('--people');
const extraPeople = peopleArg >= 0 ? Number(args[peopleArg + 1]) : 100_000;
const usePglite = args.includes('--pglite');
const server = '../packages/server';

const { wrapPool, wrapPglite, queryRows } = await import(`${server}/src/platform/db/database.ts`);
const { seedDemo } = await import(`${server}/src/modules/demo/demo.service.ts`);
const { buildServices } = await import(`${server}/src/services.ts`);
const { systemActor } = await import(`${server}/src/modules/orgs/system-actor.ts`);
const { testConfig } = await import(`${server}/test/test-config.ts`);
const { argon2Hasher } = await import(`${server}/src/platform/auth/password-hasher.ts`);
const { sql } = await import('drizzle-orm');

let cluster;
let database;
if (usePglite) {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-audit-'));
  database = wrapPglite(await PGlite.create(dir));
} else {
  const { startPostgresCluster } = await import(`${server}/test/postgres-cluster.ts`);
  const pg = (await import('pg')).default;
  cluster = await startPostgresCluster();
  database = wrapPool(new pg.Pool({ connectionString: cluster.url, max: 4 }));
}
try {
  await database.migrate();
  const config = testConfig();
  const clock = { now: () => new Date('2026-06-01T00:00:00Z') };
  await seedDemo(database, config, argon2Hasher, clock);
  const db = database.db;
  const year = 2025;
  const t0 = process.hrtime.bigint();
  await db.execute(sql`
    insert into people (name, id_number_cipher, id_number_hash, id_number_masked, sex, birth_date,
                        profession, title_grade, unit_id)
    select '生成' || i, 'bench', 'bench-' || i, '4301**********0000', 'M', date '1980-01-01',
           'physician', 'intermediate', u.id
    from generate_series(1, ${extraPeople}) i
    join lateral (select id from orgs where kind = 'unit' order by id
                  offset (i % (select count(*) from orgs where kind = 'unit')) limit 1) u on true`);
  await db.execute(sql`
    insert into credit_claims (person_id, unit_id, channel, activity, activity_type, activity_date,
                               year, credits, pack_versions, status)
    select p.id, p.unit_id, 'platform_push',
           jsonb_build_object('type', 'project', 'level', 'national', 'role', 'attendee',
                              'hours', 30, 'date', ${String(year)} || '-0' || k || '-01'),
           'project', make_date(${year}, k, 1), ${year}, 10,
           '[{"id":"national-2024","version":"1"}]'::jsonb, 'effective'
    from people p
    cross join generate_series(1, 4) k
    where p.name like '生成%' and k <= (hashtext(p.id::text) & 7) % 5`);
  const generatedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const [counts] = await queryRows(
    db,
    sql`select (select count(*)::int from people) people, (select count(*)::int from credit_claims) claims`,
  );
  const services = buildServices({ config, database, clock, hasher: argon2Hasher });
  const actor = await systemActor(db);
  const audit = await services.audits.findOrOpen(actor, year, '990000');
  const started = process.hrtime.bigint();
  const run = await services.audits.run(actor, audit.id, (p) => {
    process.stderr.write(`\revaluated ${p.done}/${p.total}`);
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stderr.write('\n');
  const started2 = process.hrtime.bigint();
  await services.audits.run(actor, audit.id);
  const rerunSeconds = Number(process.hrtime.bigint() - started2) / 1e9;
  console.log(
    JSON.stringify({
      engine: database.kind,
      people: counts.people,
      claims: counts.claims,
      compliant: run.compliant,
      generateSeconds: Math.round(generatedSeconds * 100) / 100,
      jobSeconds: Math.round(seconds * 100) / 100,
      rerunSeconds: Math.round(rerunSeconds * 100) / 100,
      peoplePerSecond: Math.round(run.done / seconds),
    }),
  );
} finally {
  await database.close();
  cluster?.stop();
}
