import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { Lifecycle } from '../../platform/http/lifecycle';
import type { Database } from '../../platform/db/database';
import { buildTestApp } from '../../../test/build-app';
import { testConfig } from '../../../test/test-config';
import { createEmptyTestDatabase, createTestDatabase } from '../../../test/test-database';

const t = await buildTestApp();

/** An app over `database` with its own lifecycle, closed after the file. */
async function appOver(database: Database, lifecycle = new Lifecycle()) {
  const app = await createApp({ config: testConfig(), database, lifecycle });
  afterAll(async () => {
    await app.close();
  });
  return app;
}

const ready = async (app: Awaited<ReturnType<typeof appOver>>) => {
  const response = await app.inject({ method: 'GET', url: '/api/health/ready' });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>() };
};

describe('health probes (ADR 0040)', () => {
  it('live answers 200 and ready answers 200 on a migrated database', async () => {
    const live = await t.app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });
    expect(await ready(t.app)).toEqual({ status: 200, body: { status: 'ready' } });
    // The old probe is kept for the balancers already pointed at it.
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('ready answers 503 shutting_down once a shutdown has begun; live still answers', async () => {
    const database = await createTestDatabase();
    afterAll(() => database.close());
    const lifecycle = new Lifecycle();
    const app = await appOver(database, lifecycle);
    expect((await ready(app)).status).toBe(200);
    lifecycle.beginShutdown();
    expect(await ready(app)).toMatchObject({
      status: 503,
      body: { status: 'not_ready', reason: 'shutting_down' },
    });
    expect((await app.inject({ method: 'GET', url: '/api/health/live' })).statusCode).toBe(200);
  });

  it('ready answers 503 migrations_pending on a database never migrated', async () => {
    const database = await createEmptyTestDatabase();
    afterAll(() => database.close());
    const app = await appOver(database);
    expect(await ready(app)).toMatchObject({
      status: 503,
      body: { status: 'not_ready', reason: 'migrations_pending' },
    });
  });

  it('ready answers 503 database_newer when the database holds a later migration', async () => {
    const database = await createTestDatabase();
    afterAll(() => database.close());
    const app = await appOver(database);
    await database.db.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at)
          select 'from-a-later-version', max(created_at) + 1 from drizzle.__drizzle_migrations`,
    );
    expect(await ready(app)).toMatchObject({
      status: 503,
      body: { status: 'not_ready', reason: 'database_newer' },
    });
  });

  it('ready answers 503 database_unavailable when the database does not answer', async () => {
    const database = await createTestDatabase();
    const app = await appOver(database);
    await database.close();
    const answer = await ready(app);
    expect(answer).toMatchObject({
      status: 503,
      body: { status: 'not_ready', reason: 'database_unavailable' },
    });
    expect(answer.body.message).toEqual(expect.stringContaining('did not answer'));
  });
});
