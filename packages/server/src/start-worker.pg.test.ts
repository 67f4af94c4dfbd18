import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createFactories } from '../test/factories';
import { testConfig } from '../test/test-config';
import { createPostgresTestDatabase, testDbKind } from '../test/test-database';
import { chinaYear } from './platform/clock';
import { queryRows, type Database } from './platform/db/database';
import { AppError } from './platform/errors/app-error';
import { startServer } from './start-server';
import { startWorker } from './start-worker';

const queued = async (database: Database) =>
  (
    await queryRows<{ count: number }>(
      database.db,
      sql`select count(*)::int as count from standing_queue`,
    )
  )[0]?.count ?? 0;

describe('jijiao worker (ADR 0040)', () => {
  it('refuses the embedded database, saying why', async () => {
    const refusal = await startWorker(testConfig()).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).message).toContain('DATABASE_URL');
  });

  it.runIf(testDbKind() === 'postgres')(
    'on DATABASE_URL takes the background work (the standings queue) and stops cleanly',
    async () => {
      const { database, url } = await createPostgresTestDatabase();
      afterAll(() => database.close());
      const f = createFactories({ database });
      await f.buildClaim();
      expect(await queued(database)).toBeGreaterThan(0);

      const worker = await startWorker(testConfig({ DATABASE_URL: url }));
      let left = await queued(database);
      for (let i = 0; i < 600 && left > 0; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = await queued(database);
      }
      expect(left).toBe(0);
      expect(await worker.shutdown()).toBe('closed');
    },
  );

  it.runIf(testDbKind() === 'postgres')(
    'makes the claims’ partition of next year at start (ADR 0042)',
    async () => {
      const { database, url } = await createPostgresTestDatabase();
      afterAll(() => database.close());
      const part = `credit_claims_y${String(chinaYear(new Date()) + 1)}`;
      await database.db.execute(sql.raw(`alter table credit_claims detach partition ${part}`));
      await database.db.execute(sql.raw(`drop table ${part}`));
      const exists = async () =>
        (
          await queryRows<{ n: number }>(
            database.db,
            sql`select count(*)::int as n from pg_class where relname = ${part}`,
          )
        )[0]?.n === 1;
      expect(await exists()).toBe(false);

      const worker = await startWorker(testConfig({ DATABASE_URL: url }));
      let made = await exists();
      for (let i = 0; i < 100 && !made; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        made = await exists();
      }
      expect(made).toBe(true);
      expect(await worker.shutdown()).toBe('closed');
    },
  );

  it.runIf(testDbKind() === 'postgres')(
    'a web process started with --no-workers leaves the queue to the worker',
    async () => {
      const { database, url } = await createPostgresTestDatabase();
      afterAll(() => database.close());
      const f = createFactories({ database });
      await f.buildClaim();
      const waiting = await queued(database);
      expect(waiting).toBeGreaterThan(0);
      const config = testConfig({ DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1' });
      const web = await startServer(config, { workers: false });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await queued(database)).toBe(waiting);
      expect(await web.shutdown()).toBe('closed');
    },
  );
});
