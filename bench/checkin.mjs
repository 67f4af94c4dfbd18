// `node bench/checkin.mjs [--quick] [--postgres] [--json]`: check-in throughput.
//
// Against the real server (`jijiao start`, demo data, the demo kiosk's token), 50 concurrent
// connections POST /api/v1/checkins for `duration` seconds, each request a fresh (session,
// card) pair and a fresh client id, so every swipe is an accepted INSERT (no duplicates):
//   single      one swipe per request (a kiosk online)
//   batch 50    50 swipes per request (a kiosk sending its offline queue)
// Baselines in the same run on the same machine:
//   health      GET /api/health on the same server (HTTP floor: routing, hooks, JSON)
//   bare insert one-row `INSERT … ON CONFLICT DO NOTHING` into a two-unique-index table,
//               50 concurrent, on the same kind of database (PGlite on a data directory,
//               or the same PostgreSQL cluster) with no HTTP (the DB floor)
// Numbers, not assertions: tests never check wall-clock times.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const asJson = args.has('--json');
const onPostgres = args.has('--postgres');
const duration = quick ? 3 : 10;
const connections = 50;
const batchSize = 50;
const root = path.resolve(import.meta.dirname, '..');
const password = 'Bench@Pass2026';
const deviceToken = 'bench_kiosk_device_token_0001';

function log(line) {
  if (!asJson) console.log(line);
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** The DB floor: concurrent single-row inserts, no HTTP, no lookups. */
async function bareInsertBaseline(query) {
  await query(`create table bench_baseline (
    id bigint generated always as identity primary key,
    a uuid not null, b uuid not null, c uuid not null,
    unique (a, b), unique (c))`);
  const latencies = [];
  const end = Date.now() + duration * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await query(
          'insert into bench_baseline (a, b, c) values ($1, $2, $3) on conflict do nothing',
          [randomUUID(), randomUUID(), randomUUID()],
        );
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return { perSecond: latencies.length / duration, p99: percentile(latencies, 99) };
}

async function withPostgres() {
  const { register } = await import('tsx/esm/api');
  register();
  const { startPostgresCluster } = await import('../packages/server/test/postgres-cluster.ts');
  return startPostgresCluster();
}

async function startServer(env) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [path.join(root, 'packages/cli/bin/jijiao.mjs'), 'start', '--port', String(port)],
    {
      env: {
        ...process.env,
        JIJIAO_DATA_DIR: dataDir,
        JIJIAO_DEMO_PASSWORD: password,
        JIJIAO_DEMO_DEVICE_TOKEN: deviceToken,
        JIJIAO_LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, dataDir };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('the server did not come up in 120 s');
}

async function signIn(url, username) {
  const response = await fetch(`${url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body = await response.json();
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0];
  if (!response.ok || !cookie) throw new Error(`sign-in of ${username}: ${response.status}`);
  return { cookie, 'x-csrf-token': body.csrfToken, 'content-type': 'application/json' };
}

async function json(response) {
  if (!response.ok) throw new Error(`${response.url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Sessions × active cards: enough distinct (session, person) pairs that none repeats. */
async function prepare(url, swipesNeeded) {
  const province = await signIn(url, 'demo-province-admin');
  const numbers = [];
  let after = '';
  do {
    const page = await json(
      await fetch(`${url}/api/v1/cards?status=active&limit=500${after}`, { headers: province }),
    );
    numbers.push(...page.items.map((c) => c.number));
    after = page.nextCursor ? `&after=${page.nextCursor}` : '';
  } while (after);
  const kiosk = { authorization: `Bearer ${deviceToken}` };
  const { project, sessions } = await json(
    await fetch(`${url}/api/v1/checkins/sessions`, { headers: kiosk }),
  );
  const host = await signIn(url, 'demo-host-admin');
  const sessionIds = sessions.map((s) => s.id);
  const date = sessions[0].date;
  while (sessionIds.length * numbers.length < swipesNeeded) {
    const created = await json(
      await fetch(`${url}/api/v1/projects/${project.id}/sessions`, {
        method: 'POST',
        headers: host,
        body: JSON.stringify({
          date,
          startTime: '08:00',
          endTime: '18:00',
          hours: 1,
          place: '压测',
        }),
      }),
    );
    sessionIds.push(created.id);
  }
  let next = 0;
  const swipe = () => {
    const i = next++;
    return {
      clientId: randomUUID(),
      sessionId: sessionIds[Math.floor(i / numbers.length) % sessionIds.length],
      cardNumber: numbers[i % numbers.length],
      swipedAt: new Date().toISOString(),
    };
  };
  return { kiosk, swipe, people: numbers.length, sessions: sessionIds.length };
}

function measure(url, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, ...options }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

async function checkinRun(url, kiosk, swipe, size) {
  let accepted = 0;
  let other = 0;
  const result = await measure(`${url}/api/v1/checkins`, {
    method: 'POST',
    headers: { ...kiosk, 'content-type': 'application/json' },
    requests: [
      {
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify(
            size === 1 ? swipe() : { swipes: Array.from({ length: size }, swipe) },
          ),
        }),
        onResponse: (status, body) => {
          if (status !== 200) return;
          for (const r of JSON.parse(body).results)
            if (r.result === 'accepted') accepted++;
            else other++;
        },
      },
    ],
  });
  return { result, accepted, other };
}

let cluster;
let server;
try {
  let baselineQuery;
  let closeBaseline = async () => {};
  if (onPostgres) {
    cluster = await withPostgres();
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({ connectionString: cluster.url, max: 10 });
    baselineQuery = (text, params) => pool.query(text, params);
    closeBaseline = () => pool.end();
  } else {
    // On a data directory, as the server opens it (an in-memory PGlite skips the file syncs).
    const { PGlite } = await import('@electric-sql/pglite');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-baseline-'));
    const lite = await PGlite.create(dir);
    baselineQuery = (text, params) => lite.query(text, params);
    closeBaseline = async () => {
      await lite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
  }
  const database = onPostgres ? 'PostgreSQL 15' : 'PGlite';
  log(`Bare insert baseline on ${database}, ${duration}s, ${connections} concurrent…`);
  const bare = await bareInsertBaseline(baselineQuery);
  await closeBaseline();

  server = await startServer(onPostgres ? { DATABASE_URL: cluster.url } : {});
  // Pairs for ~3,000 single swipes/s and ~15,000 batched swipes/s; beyond that they repeat
  // (and show as `not accepted`).
  const expected = duration * 18_000;
  const { kiosk, swipe, people, sessions } = await prepare(server.url, expected);
  log(
    `Server on ${database}: ${people} card holders × ${sessions} sessions; ${duration}s per workload, ${connections} connections, ${os.cpus().length} cores…`,
  );
  const health = await measure(`${server.url}/api/health`, {});
  const single = await checkinRun(server.url, kiosk, swipe, 1);
  const batch = await checkinRun(server.url, kiosk, swipe, batchSize);
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const peakRssMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);

  const row = (workload, perSecond, p99, errors, accepted, other) => ({
    workload,
    'swipes/s': Math.round(perSecond),
    'vs bare insert': Number((perSecond / bare.perSecond).toFixed(2)),
    'p99 ms': Number(p99.toFixed(1)),
    accepted,
    'not accepted': other,
    errors,
  });
  const rows = [
    row(
      'baseline: GET /api/health (req/s)',
      health.requests.average,
      health.latency.p99,
      health.errors + health.non2xx,
      '-',
      '-',
    ),
    row(
      `baseline: bare single-row insert (${database}, no HTTP)`,
      bare.perSecond,
      bare.p99,
      0,
      '-',
      '-',
    ),
    row(
      'POST /api/v1/checkins, 1 swipe/request',
      single.result.requests.average,
      single.result.latency.p99,
      single.result.errors + single.result.non2xx,
      single.accepted,
      single.other,
    ),
    row(
      `POST /api/v1/checkins, ${batchSize} swipes/request (p99 per request)`,
      batch.result.requests.average * batchSize,
      batch.result.latency.p99,
      batch.result.errors + batch.result.non2xx,
      batch.accepted,
      batch.other,
    ),
  ];
  if (asJson) console.log(JSON.stringify({ database, peakRssMb, rows }, null, 2));
  else {
    console.table(rows);
    log(`server peak RSS ${peakRssMb} MB`);
  }
} finally {
  if (server) {
    server.child.kill('SIGINT');
    await new Promise((r) => server.child.once('exit', r));
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  cluster?.stop();
}
