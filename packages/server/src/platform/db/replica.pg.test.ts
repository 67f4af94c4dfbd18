import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me, ReviewLevels, YearReportView as YearReport } from '@jijiao/contracts';
import { createApp } from '../../app';
import { seedDemo } from '../../modules/demo/demo.service';
import { argon2Hasher } from '../auth/password-hasher';
import { FakeClock } from '../../../test/build-app';
import {
  startPostgresCluster,
  startStandby,
  type PostgresCluster,
} from '../../../test/postgres-cluster';
import { testConfig, testPassword } from '../../../test/test-config';
import { testDbKind } from '../../../test/test-database';
import { withReplica, wrapPool, type Database } from './database';
import { parseLsn } from './read-routing';
import { writePositionCookie } from '../http/read-routing-hooks';

// Issue 22, "Must show": a real streaming standby (`pg_basebackup -R`, the PostgreSQL 15
// the tests use). The dashboard reads from it (seen by pausing its replay: the page shows
// the replica's older count); a learner reads their own write back (from the primary, by
// the WAL position their write left in a cookie); a replica lagging past the bound, or
// down, leaves the primary to answer (ADR 0041).

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

let primary: PostgresCluster | undefined;
let standby: PostgresCluster | undefined;
let database: Database | undefined;
const apps: FastifyInstance[] = [];
let standbyAdmin: pg.Client | undefined;
const metricsToken = 'replica-test-metrics-token';

afterAll(async () => {
  for (const app of apps) await app.close();
  await standbyAdmin?.end().catch(() => undefined);
  await database?.close();
  standby?.stop();
  primary?.stop();
});

async function caughtUp(): Promise<void> {
  const target = new pg.Client({ connectionString: primary?.urlFor('jijiao') });
  await target.connect();
  const { rows } = await target.query<{ lsn: string }>(
    'select pg_current_wal_insert_lsn()::text as lsn',
  );
  await target.end();
  const wanted = parseLsn(rows[0]?.lsn) ?? 0n;
  for (let i = 0; i < 200; i++) {
    const replayed = await standbyAdmin?.query<{ lsn: string | null }>(
      'select pg_last_wal_replay_lsn()::text as lsn',
    );
    if ((parseLsn(replayed?.rows[0]?.lsn) ?? -1n) >= wanted) return;
    await sleep(50);
  }
  throw new Error('the standby did not catch up in 10 s');
}

interface Caller {
  cookie: string;
  csrf: string;
  orgId: string;
}

function cookieOf(response: LightMyRequestResponse, name: string): string | undefined {
  return response.cookies.find((c) => c.name === name)?.value;
}

async function signIn(app: FastifyInstance, username: string): Promise<Caller> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password: testPassword },
  });
  expect(res.statusCode, res.body).toBe(200);
  return {
    cookie: `jijiao_session=${cookieOf(res, 'jijiao_session') ?? ''}`,
    csrf: res.json<Me>().csrfToken,
    orgId: res.json<Me>().roles[0]?.orgId ?? '',
  };
}

function get(app: FastifyInstance, url: string, who: Caller) {
  return app.inject({ method: 'GET', url, headers: { cookie: who.cookie } });
}

/** The claims waiting in the review chain as `who` sees them, checking where they were read. */
async function waitingRead(app: FastifyInstance, who: Caller, source: string): Promise<number> {
  const levels = await get(app, '/api/v1/reviews/levels', who);
  expect(levels.statusCode, levels.body).toBe(200);
  expect(levels.headers['x-jijiao-read-source']).toBe(source);
  return levels.json<ReviewLevels>().waiting;
}

describe.runIf(testDbKind() === 'postgres')('a streaming standby for the dashboards', () => {
  let app: FastifyInstance;
  let admin: Caller;
  let learner: Caller;
  let learnerPersonId = '';
  let waitingBefore = 0;
  let claimId = '';

  beforeAll(async () => {
    primary = await startPostgresCluster();
    const setup = new pg.Client({ connectionString: primary.url });
    await setup.connect();
    await setup.query('CREATE DATABASE jijiao');
    await setup.end();
    const config = testConfig({
      JIJIAO_REPLICA_MAX_LAG_SECONDS: '30',
      JIJIAO_METRICS_TOKEN: metricsToken,
    });
    const primaryDb = wrapPool(new pg.Pool({ connectionString: primary.urlFor('jijiao'), max: 5 }));
    await primaryDb.migrate();
    await seedDemo(primaryDb, config, argon2Hasher);
    standby = await startStandby(primary);
    standbyAdmin = new pg.Client({ connectionString: standby.urlFor('jijiao') });
    await standbyAdmin.connect();
    database = withReplica(
      primaryDb,
      new pg.Pool({ connectionString: standby.urlFor('jijiao'), max: 5 }),
    );
    app = await createApp({ config, database, clock: new FakeClock('2026-11-20T08:00:00Z') });
    apps.push(app);
    admin = await signIn(app, 'demo-province-admin');
    learner = await signIn(app, 'demo-learner');
    await caughtUp();
  }, 120_000);

  it('reads the province dashboard, statistics and progress export from the standby', async () => {
    waitingBefore = await waitingRead(app, admin, 'replica');
    expect(waitingBefore).toBeGreaterThan(0);

    const me = await get(app, '/api/v1/me/years', learner);
    expect(me.statusCode, me.body).toBe(200);
    learnerPersonId = me.json<{ personId: string }>().personId;

    const provinceId = admin.orgId;
    const stats = await get(app, `/api/v1/units/${provinceId}/statistics`, admin);
    expect(stats.statusCode, stats.body).toBe(200);
    expect(stats.headers['x-jijiao-read-source']).toBe('replica');
    const progress = await get(app, `/api/v1/units/${provinceId}/progress?limit=5`, admin);
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.headers['x-jijiao-read-source']).toBe('replica');
    const xlsx = await get(app, `/api/v1/units/${provinceId}/progress.xlsx`, admin);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['x-jijiao-read-source']).toBe('replica');
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('shows the standby’s data while it has not replayed a change; the writer reads it back', async () => {
    await standbyAdmin?.query('select pg_wal_replay_pause()');
    // A pause is a request: wait until replay has stopped.
    for (let i = 0; i < 200; i++) {
      const state = await standbyAdmin?.query<{ state: string }>(
        'select pg_get_wal_replay_pause_state() as state',
      );
      if (state?.rows[0]?.state === 'paused') break;
      await sleep(50);
    }
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/credits',
      headers: { cookie: learner.cookie, 'x-csrf-token': learner.csrf },
      payload: { activity: { type: 'self_study', date: '2026-11-18', hours: 6 }, submit: true },
    });
    expect(created.statusCode, created.body).toBe(201);
    claimId = created.json<{ id: string }>().id;
    const position = cookieOf(created, writePositionCookie);
    expect(parseLsn(position)).not.toBeNull();

    // The learner's own page, with the position of their write: from the primary.
    const own = await app.inject({
      method: 'GET',
      url: '/api/v1/me/years/2026',
      headers: { cookie: `${learner.cookie}; ${writePositionCookie}=${position ?? ''}` },
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.headers['x-jijiao-read-source']).toBe('primary; reason=own_write');
    expect(own.json<YearReport>().pending.map((p) => p.id)).toContain(claimId);

    // Anyone else reads the standby, which has not replayed the claim yet.
    expect(await waitingRead(app, admin, 'replica')).toBe(waitingBefore);
    const staff = await get(app, `/api/v1/people/${learnerPersonId}/years/2026`, admin);
    expect(staff.statusCode, staff.body).toBe(200);
    expect(staff.headers['x-jijiao-read-source']).toBe('replica');
    expect(staff.json<YearReport>().pending.map((p) => p.id)).not.toContain(claimId);
  });

  it('answers from the primary once the standby lags past the bound', async () => {
    if (!database) throw new Error('no database');
    const strict = await createApp({
      config: testConfig({ JIJIAO_REPLICA_MAX_LAG_SECONDS: '1' }),
      database,
      clock: new FakeClock('2026-11-20T08:00:00Z'),
    });
    apps.push(strict);
    await sleep(1500);
    expect(await waitingRead(strict, admin, 'primary; reason=replica_lagging')).toBe(
      waitingBefore + 1,
    );
  });

  it('reads the standby again once it has replayed, the writer included', async () => {
    await standbyAdmin?.query('select pg_wal_replay_resume()');
    await caughtUp();
    await sleep(300);
    expect(await waitingRead(app, admin, 'replica')).toBe(waitingBefore + 1);
    const staff = await get(app, `/api/v1/people/${learnerPersonId}/years/2026`, admin);
    expect(staff.headers['x-jijiao-read-source']).toBe('replica');
    expect(staff.json<YearReport>().pending.map((p) => p.id)).toContain(claimId);
  });

  it('falls back to the primary when the standby is down', async () => {
    await standbyAdmin?.end();
    standbyAdmin = undefined;
    standby?.stop();
    standby = undefined;
    await sleep(300);
    expect(await waitingRead(app, admin, 'primary; reason=replica_unavailable')).toBe(
      waitingBefore + 1,
    );
  });

  it('counts where the routed requests read, for /metrics', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/metrics',
      headers: { authorization: `Bearer ${metricsToken}` },
    });
    expect(res.statusCode).toBe(200);
    const count = (labels: string) =>
      Number(
        new RegExp(`^jijiao_routed_reads_total\\{${labels}\\} (\\d+)$`, 'm').exec(res.body)?.[1] ??
          0,
      );
    expect(count('source="replica",reason=""')).toBeGreaterThanOrEqual(8);
    expect(count('source="primary",reason="own_write"')).toBe(1);
    expect(count('source="primary",reason="replica_unavailable"')).toBe(1);
  });
});
