import { defineConfig } from 'vitest/config';

/** The server's projects share everything but the database engine and the files they run. */
const server = {
  root: 'packages/server',
  globalSetup: ['test/global-setup.ts'],
  testTimeout: 60_000,
  hookTimeout: 120_000,
};

/**
 * One run, several projects. Every server test runs on embedded PGlite. The tests where
 * the engine matters — concurrency (races, locks, leases, parallel requests), the SQL
 * itself (repositories, set-based writes, keyset paging, migrations) — are named
 * `*.pg.test.ts` and run again on a throwaway PostgreSQL 15 cluster that the global setup
 * starts and stops. PGlite has one connection, so only PostgreSQL truly overlaps
 * transactions; running the rest twice bought no coverage for half the run's time.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'domain',
          root: 'packages/domain',
          include: ['src/**/*.test.ts', 'policies/**/*.test.ts'],
        },
      },
      { test: { name: 'contracts', root: 'packages/contracts', include: ['src/**/*.test.ts'] } },
      { test: { name: 'web', root: 'packages/web', include: ['src/**/*.test.ts'] } },
      // The benchmark's in-process workloads, once on a tiny province (bench/bench.test.mjs).
      { test: { name: 'bench', root: 'bench', include: ['*.test.mjs'], testTimeout: 300_000 } },
      {
        test: {
          name: 'cli',
          root: 'packages/cli',
          include: ['src/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          ...server,
          name: 'server-pglite',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          env: { JIJIAO_TEST_DB: 'pglite' },
        },
      },
      {
        test: {
          ...server,
          name: 'server-postgres',
          include: ['src/**/*.pg.test.ts'],
          env: { JIJIAO_TEST_DB: 'postgres' },
        },
      },
      {
        test: {
          name: 'e2e',
          root: 'e2e',
          include: ['**/*.e2e.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
