// A throwaway PostgreSQL 15 cluster (as the tests start one) holding the migrated schema,
// the seeded demo province and a generated province of N people.
import pg from 'pg';
import { generateProvince } from './province.mjs';
import { benchEnv, serverModules } from './server-modules.mjs';

/** Migrates and seeds the demo province through the server's own code. */
export async function migrateAndSeed(url) {
  const m = await serverModules();
  const { seedDemo } = await import('../../packages/server/src/modules/demo/demo.service.ts');
  const { argon2Hasher } =
    await import('../../packages/server/src/platform/auth/password-hasher.ts');
  const database = m.wrapPool(new pg.Pool({ connectionString: url, max: 2 }));
  try {
    await database.migrate();
    const config = m.loadConfig(benchEnv());
    await seedDemo(database, config, argon2Hasher, {
      now: () => new Date('2026-06-01T00:00:00Z'),
    });
  } finally {
    await database.close();
  }
}

/**
 * Starts a cluster, migrates, seeds the demo province and generates `options.people`
 * people into it. Returns the cluster (call `stop()`), its URL and the generator's counts.
 */
export async function provinceOnPostgres(options) {
  const m = await serverModules();
  const cluster = await m.startPostgresCluster();
  try {
    await migrateAndSeed(cluster.url);
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    try {
      const generated = await generateProvince(client, { ...options, env: benchEnv() });
      return { cluster, url: cluster.url, generated };
    } finally {
      await client.end();
    }
  } catch (error) {
    cluster.stop();
    throw error;
  }
}
