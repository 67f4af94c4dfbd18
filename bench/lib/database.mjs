// The databases of the benchmarks: a throwaway PostgreSQL 15 cluster (as the tests start
// one) or PGlite in a data directory (the embedded default), each holding the migrated
// schema, the seeded demo province and a generated province of N people.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { benchEnv, serverModules } from './server-modules.mjs';

/**
 * Generates the province (the server's generator, the bench's ID keys) through a bulk
 * client: `pgBulkClient(client)` or `pgliteBulkClient(lite)`.
 */
async function generateProvince(bulkClient, options) {
  const m = await serverModules();
  const config = m.loadConfig(benchEnv());
  const cipher = new m.IdNumberCipher(config.idKeys.encryptionKey, config.idKeys.lookupKey);
  return m.generateProvince(bulkClient, { ...options, cipher });
}

/** Migrates and seeds the demo province through the server's own code. */
async function migrateAndSeed(database) {
  const m = await serverModules();
  const { seedDemo } = await import('../../packages/server/src/modules/demo/demo.service.ts');
  const { argon2Hasher } =
    await import('../../packages/server/src/platform/auth/password-hasher.ts');
  await database.migrate();
  await seedDemo(database, m.loadConfig(benchEnv()), argon2Hasher, {
    now: () => new Date('2026-06-01T00:00:00Z'),
  });
}

/**
 * Starts a cluster, migrates, seeds the demo province and generates `options.people`
 * people into it. Returns the cluster (call `stop()`), its URL and the generator's counts.
 */
export async function provinceOnPostgres(options) {
  const m = await serverModules();
  const cluster = await m.startPostgresCluster(
    process.env.BENCH_PG_STATS ? ['shared_preload_libraries=pg_stat_statements'] : [],
  );
  try {
    const database = m.wrapPool(new pg.Pool({ connectionString: cluster.url, max: 2 }));
    try {
      await migrateAndSeed(database);
    } finally {
      await database.close();
    }
    // The generator's connection is set up as the server's are (`seed-demo --people` writes
    // through the server's pool): generic plans for the foreign-key checks (ADR 0042).
    const client = new pg.Client({
      connectionString: cluster.url,
      options: m.sessionStartupOptions,
    });
    await client.connect();
    if (process.env.BENCH_PG_STATS) await client.query('create extension pg_stat_statements');
    try {
      const generated = await generateProvince(m.pgBulkClient(client), options);
      return { cluster, url: cluster.url, generated };
    } finally {
      await client.end();
    }
  } catch (error) {
    cluster.stop();
    throw error;
  }
}

/**
 * The same on PGlite in a fresh data directory (`<dataDir>/pglite`, where `jijiao start`
 * opens it). `prepare(query, generated)` runs before the database is closed.
 */
export async function provinceOnPglite(options, prepare) {
  const m = await serverModules();
  const { PGlite } = await import('@electric-sql/pglite');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-pglite-'));
  const lite = await PGlite.create(path.join(dataDir, 'pglite'));
  const database = m.wrapPglite(lite);
  try {
    await migrateAndSeed(database);
    const generated = await generateProvince(m.pgliteBulkClient(lite), options);
    await prepare?.((text, params) => lite.query(text, params), generated);
    return {
      dataDir,
      generated,
      remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  } finally {
    await database.close();
  }
}

/**
 * With BENCH_PG_STATS=DIR, the statements of the run by total execution time
 * (pg_stat_statements) into DIR/pg-statements.txt.
 */
export async function writeStatementStats(url) {
  const dir = process.env.BENCH_PG_STATS;
  if (!dir) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`select calls, round(total_exec_time) as total_ms,
        round(mean_exec_time::numeric, 3) as mean_ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 400) as query
      from pg_stat_statements order by total_exec_time desc limit 60`);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(
      path.join(dir, 'pg-statements.txt'),
      rows
        .map(
          (r) =>
            `${r.total_ms} ms  ${r.calls} calls  ${r.mean_ms} ms/call  ${r.rows} rows\n  ${r.query}`,
        )
        .join('\n'),
    );
  } finally {
    await client.end();
  }
}
