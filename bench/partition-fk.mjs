// Foreign-key checks against a year-partitioned table (ADR 0042): 64 000 rows inserted into a
// table referencing (id, year) of an unpartitioned parent, of 21 and of 5 partitions, with
// plan_cache_mode auto and force_generic_plan. `node bench/partition-fk.mjs`.
import pg from 'pg';
const { serverModules } = await import('./lib/server-modules.mjs');
const m = await serverModules();
const cluster = await m.startPostgresCluster([]);
const c = new pg.Client({ connectionString: cluster.url });
await c.connect();
try {
  for (const [label, parts] of [
    ['plain', 0],
    ['21 partitions', 21],
    ['5 partitions', 5],
    ['21 partitions', 21],
    ['plain', 0],
    ['5 partitions', 5],
  ]) {
    await c.query('drop table if exists child; drop table if exists parent cascade');
    if (parts === 0)
      await c.query('create table parent (id uuid, year int, primary key (id, year), a text)');
    else {
      await c.query(
        'create table parent (id uuid, year int, primary key (id, year), a text) partition by range (year)',
      );
      for (let y = 2026 - parts + 3; y <= 2028; y++)
        await c.query(
          `create table parent_${y} partition of parent for values from (${y}) to (${y + 1})`,
        );
      await c.query('create table parent_default partition of parent default');
    }
    for (const col of ['a']) await c.query(`create index on parent (${col})`);
    await c.query(
      `insert into parent select gen_random_uuid(), 2025 + (i % 2), 'x' from generate_series(1, 64000) i`,
    );
    await c.query(
      'create table child (id bigint generated always as identity primary key, claim_id uuid, claim_year int, foreign key (claim_id, claim_year) references parent (id, year))',
    );
    await c.query('analyze parent');
    for (const mode of ['auto', 'force_generic_plan']) {
      await c.query(`set plan_cache_mode = ${mode}`);
      await c.query('truncate child');
      const t0 = performance.now();
      await c.query('insert into child (claim_id, claim_year) select id, year from parent');
      console.log(label, mode, (performance.now() - t0).toFixed(0), 'ms for 64 000 rows');
    }
  }
} finally {
  await c.end();
  cluster.stop();
}
