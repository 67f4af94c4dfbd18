// `npm run bench -- --soak MINUTES`: a mixed workload against one server process for
// MINUTES, on a generated province of moderate size (5 000 people by default, set up in
// well under a minute), so that the soak is about time, not size. Every 10 s it samples
// each workload's requests, errors and latency, and the server's resident memory (its
// process tree) and V8 heap; at the end it compares the memory at the end of the warm-up
// (the first 20 % of the time, at most 2 minutes) with the memory at the end. A report,
// not an assertion: "flat" when the growth is under both thresholds below.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { addAccount } from './accounts.mjs';
import { prepareSwipes, signIn } from './checkin.mjs';
import { provinceOnPostgres } from './database.mjs';
import { runJijiao, startJijiao } from './processes.mjs';
import { ErrorLog, Meter } from './soak-meter.mjs';
import { soakReport } from './soak-report.mjs';
import {
  createRandom,
  importRound,
  learnerRound,
  pushRound,
  reviewRound,
  sleep,
  swipeRound,
} from './soak-workloads.mjs';

const sampleSeconds = 10;

/** Accounts of the soak, straight into the tables (as the other workloads' accounts). */
async function addSoakAccounts(url, generated, learners) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const query = (text, params) => client.query(text, params);
  try {
    const { rows: people } = await query(
      `select id, unit_id from people where user_id is null order by id limit $1`,
      [learners],
    );
    const learnerNames = [];
    for (const [i, person] of people.entries()) {
      const username = `soak-learner-${i}`;
      await addAccount(query, {
        username,
        role: 'learner',
        orgId: person.unit_id,
        personId: person.id,
      });
      learnerNames.push(username);
    }
    // One reviewer for each body that has claims waiting (the cities, the province).
    const { rows: bodies } = await query(
      `select current_reviewer_org_id id, count(*)::int waiting from credit_claims
       where status = 'submitted' group by 1 order by 2 desc limit 4`,
    );
    const reviewers = [];
    for (const [i, body] of bodies.entries()) {
      const username = `soak-reviewer-${i}`;
      await addAccount(query, { username, role: 'reviewer', orgId: body.id });
      reviewers.push({ username, waiting: body.waiting });
    }
    await addAccount(query, {
      username: 'soak-unit-admin',
      role: 'unit_admin',
      orgId: generated.biggestUnitId,
    });
    return { learners: learnerNames, reviewers };
  } finally {
    await client.end();
  }
}

function withoutContentType(headers) {
  const rest = { ...headers };
  delete rest['content-type'];
  return rest;
}

/** The figures the server's memory probe last wrote (bench/lib/memory-probe.mjs). */
function readProbe(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The live heap: a full GC in the server, then its figures (MiB). */
async function heapAfterGc(file) {
  fs.writeFileSync(`${file}.gc`, '');
  for (let i = 0; i < 30; i++) {
    await sleep(250);
    const figures = readProbe(file);
    if (figures?.afterGc) return figures.heapUsed / 2 ** 20;
  }
  return null;
}

export async function soak({ minutes, people, seed, log }) {
  if (!(minutes > 0)) throw new Error('--soak MINUTES: give the minutes, e.g. --soak 10');
  const started = performance.now();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-soak-'));
  const probeFile = path.join(scratch, 'memory.json');
  const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
  log(`Soak: ${minutes} min; generating ${people} people on a throwaway PostgreSQL 15 cluster…`);
  const province = await provinceOnPostgres({
    people,
    years: 1,
    seed,
    pendingPerPerson: 3,
    importRows: 1000,
    log,
  });
  let server;
  try {
    const url = province.url;
    await runJijiao(['standings', 'rebuild', '--json'], { databaseUrl: url });
    const accounts = await addSoakAccounts(url, province.generated, 200);
    server = await startJijiao({
      databaseUrl: url,
      nodeArgs: [
        '--expose-gc',
        '--import',
        pathToFileURL(path.join(import.meta.dirname, 'memory-probe.mjs')).href,
        ...(snapshots ? ['--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshots}`] : []),
      ],
      env: { BENCH_MEMORY_FILE: probeFile },
    });
    const prepared = await prepareSwipes(server.url, minutes * 60 * 150);
    const sample = province.generated.importSample;
    const errors = new ErrorLog();
    const random = createRandom(seed);
    const ctxOf = (name) => ({
      url: server.url,
      meter: new Meter(name),
      errors,
      random,
      years: [2025, 2026],
    });
    const learners = ctxOf('learners');
    const reviews = ctxOf('reviews');
    const swipes = ctxOf('swipes');
    const pushes = ctxOf('pushes');
    const imports = ctxOf('imports');
    const learnerLoop = learnerRound(learners, accounts.learners);
    const swipeLoop = swipeRound(swipes, prepared);
    const workloads = [
      { ctx: learners, rounds: [learnerLoop, learnerLoop, learnerLoop, learnerLoop] },
      {
        ctx: reviews,
        rounds: await Promise.all(
          accounts.reviewers.map(async (r) =>
            reviewRound(reviews, await signIn(server.url, r.username)),
          ),
        ),
      },
      { ctx: swipes, rounds: [swipeLoop, swipeLoop] },
      { ctx: pushes, rounds: [pushRound(pushes, sample)] },
      {
        ctx: imports,
        rounds: [
          importRound(imports, {
            // The multipart body sets its own content type.
            session: withoutContentType(await signIn(server.url, 'soak-unit-admin')),
            unitId: province.generated.biggestUnitId,
            sample,
          }),
        ],
      },
    ];
    const g = province.generated;
    const dataset = {
      people: g.people,
      units: g.units,
      claims: g.claims,
      pendingClaims: g.pendingClaims,
      learnerAccounts: accounts.learners.length,
      reviewers: accounts.reviewers.map((r) => `${r.username} (${r.waiting} waiting)`),
      cards: prepared.people,
      checkinSessions: prepared.sessions,
      importSample: sample.length,
      setupSeconds: Math.round((performance.now() - started) / 1000),
    };
    log(
      `Dataset ready in ${dataset.setupSeconds} s: ${g.people} people, ${g.claims} claims (${g.pendingClaims} pending), ${accounts.reviewers.length} reviewers, ${prepared.people} cards × ${prepared.sessions} sessions; soaking…`,
    );

    const totalSeconds = minutes * 60;
    const warmupSeconds = Math.min(0.2 * totalSeconds, 120);
    const t0 = Date.now();
    const end = t0 + totalSeconds * 1000;
    const loops = workloads.flatMap(({ ctx, rounds }) =>
      rounds.map(async (round) => {
        while (Date.now() < end) {
          try {
            await round();
          } catch (error) {
            errors.add(ctx.meter, 'exception', '-', '-', error.stack ?? error);
            await sleep(500);
          }
        }
      }),
    );
    const samples = [];
    const gcHeap = {};
    const sampling = (async () => {
      for (let k = 1; k * sampleSeconds <= totalSeconds; k++) {
        await sleep(t0 + k * sampleSeconds * 1000 - Date.now());
        const probe = readProbe(probeFile);
        const taken = Object.fromEntries(
          workloads.map(({ ctx }) => [ctx.meter.name, ctx.meter.take()]),
        );
        const s = {
          t: Math.round((Date.now() - t0) / 1000),
          rssMb: Math.round(server.treeRssMb()),
          heapUsedMb: probe ? Math.round(probe.heapUsed / 2 ** 20) : null,
          externalMb: probe ? Math.round(probe.external / 2 ** 20) : null,
          workloads: Object.fromEntries(
            Object.entries(taken).map(([name, w]) => [
              name,
              { requests: w.requests, errors: w.errors, latencies: w.latencies },
            ]),
          ),
        };
        samples.push(s);
        log(
          `  ${s.t} s: RSS ${s.rssMb} MB, heap ${s.heapUsedMb} MB; ${Object.entries(taken)
            .map(([name, w]) => `${name} ${w.requests}${w.errors ? ` (${w.errors} errors)` : ''}`)
            .join(', ')}`,
        );
        // The live heap at the end of the warm-up and just before the end, under load.
        if (gcHeap.warmup === undefined && s.t >= warmupSeconds)
          gcHeap.warmup = await heapAfterGc(probeFile);
        if (gcHeap.end === undefined && (k + 2) * sampleSeconds > totalSeconds)
          gcHeap.end = await heapAfterGc(probeFile);
      }
    })();
    if (snapshots) {
      setTimeout(() => server.child.kill('SIGUSR2'), warmupSeconds * 1000).unref();
      setTimeout(() => server.child.kill('SIGUSR2'), (totalSeconds - 5) * 1000).unref();
    }
    await Promise.all([...loops, sampling]);
    const peakRssMb = server.peakRssMb();
    return soakReport({
      minutes,
      dataset,
      samples,
      warmupSeconds,
      gcHeap,
      peakRssMb,
      summaries: workloads.map(({ ctx, rounds }) => ({
        ...ctx.meter.summary(totalSeconds),
        loops: rounds.length,
      })),
      errors: errors.list(),
    });
  } finally {
    await server?.stop();
    province.cluster.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
