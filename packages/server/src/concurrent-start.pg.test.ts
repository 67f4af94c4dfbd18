import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './start-server';
import { createEmptyTestDatabase, testDbKind } from '../test/test-database';
import { testConfig } from '../test/test-config';
import { queryRows, wrapPool, type Database } from './platform/db/database';
import { shippedMigrations } from './platform/db/migration-journal';
import { demoAccounts } from './modules/demo/demo-tree';

// Issue 22, item 1: any number of `jijiao start` processes on one PostgreSQL. When they
// start together on an empty database, each migration is applied once and the demo is
// seeded once (advisory locks, ADR 0040), not raced into duplicate-table errors or two
// demo provinces.

const opened: Database[] = [];
const servers: RunningServer[] = [];

afterAll(async () => {
  for (const server of servers) await server.close();
  for (const database of opened) await database.close();
});

describe.runIf(testDbKind() === 'postgres')(
  'servers starting together on an empty database',
  () => {
    it('apply every migration once when two migrate at the same time', async () => {
      const empty = await createEmptyTestDatabase();
      opened.push(empty);
      const url = await urlOf(empty);
      const pools = [0, 1].map(() => wrapPool(new pg.Pool({ connectionString: url, max: 3 })));
      opened.push(...pools);
      await Promise.all(pools.map((p) => p.migrate()));
      const applied = await queryRows<{ n: number }>(
        empty.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(applied[0]?.n).toBe(shippedMigrations().length);
    });

    it('seed the demo once when two servers start at the same time', async () => {
      const empty = await createEmptyTestDatabase();
      opened.push(empty);
      const url = await urlOf(empty);
      const config = testConfig({ DATABASE_URL: url, HOST: '127.0.0.1', PORT: '0' });
      servers.push(...(await Promise.all([startServer(config), startServer(config)])));
      expect(servers.map((s) => s.demo?.seeded).sort()).toEqual([false, true]);
      const [counts] = await queryRows<{ provinces: number; accounts: number }>(
        empty.db,
        sql`select (select count(*)::int from orgs where kind = 'province') as provinces,
                 (select count(*)::int from users where username like 'demo-%') as accounts`,
      );
      expect(counts).toEqual({ provinces: 1, accounts: demoAccounts.length });
    });
  },
);

/** The URL of a test database: its name on the test cluster. */
async function urlOf(database: Database): Promise<string> {
  const [row] = await queryRows<{ name: string; port: number }>(
    database.db,
    sql`select current_database() as name, current_setting('port')::int as port`,
  );
  return `postgres://postgres@127.0.0.1:${String(row?.port)}/${String(row?.name)}`;
}
