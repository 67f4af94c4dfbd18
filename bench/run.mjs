// `npm run bench [-- --quick] [-- --json] [-- --people N] [-- --pending N] [-- --only audit,learner,…] [-- --servers N]`
// or `npm run bench -- --soak MINUTES [--people N] [--json]`:
// generates a province on a throwaway PostgreSQL 15 cluster (as the tests start one), runs
// each workload against it next to a baseline measured in the same run on the same machine,
// and prints one table (or, with --json, the rows as a JSON array). Numbers, not
// assertions: tests never check wall-clock times. The load generator (autocannon) runs in
// this process; the server under test and the baseline server each run in their own.
//
// Workloads (ratio = ours / baseline):
//   generator  claims written per second by the province generator (COPY FROM STDIN)
//   audit      `jijiao audit run` end to end vs one GROUP BY … HAVING over the same rows
//   learner    GET /api/v1/me/years/:year (session) vs bare Fastify + one indexed row via pg
//   checkin    POST /api/v1/checkins (device token) vs bare Fastify + one idempotent INSERT
//   queue      review queue, first and 100th page (keyset) vs the same SELECT in-process
//   provider   POST /api/v1/provider/credits:batch, 1 000 credits a request, untrusted and trusted, vs COPY
//   import     `jijiao credits import` of an xlsx end to end vs COPY of the same rows (CSV)
//   pdf        certificate PDFs per second on one core vs the same page without CJK fonts
//   pdfjob     the certificate PDF job over the province (worker threads on every core,
//              stored by hash) vs the Helvetica page on as many threads at once (PDFs/s/core)
//   pglite     the embedded default: learner's year and the audit on PGlite vs PostgreSQL
//   standings  `jijiao standings rebuild` of every year after generation (report: rate, cores)
//   progress   the province's progress list, first and 100th page (keyset) vs the same SQL
//   statistics the province's statistics vs one hand-written GROUP BY … GROUPING SETS
//   approval   approving claims with the standings kept current vs the same without them
//   reminders  `jijiao reminders run` on the 30-day milestone, every person with an account,
//              vs a bare INSERT … SELECT of as many rows (the learners behind) in the same run
//   browser    /verify/{serial}, sign-in and the learner's home in Chromium on a phone network
//              (cold cache): seconds until the content shows, kB transferred (demo, PGlite)
// --servers N runs the HTTP workloads against N `jijiao start` processes on the one database
// behind a round-robin TCP balancer in this process (the first with the background work);
// the baseline server stays one process.
// --soak MINUTES runs none of these but a mixed workload (learners, reviews, swipes, pushes,
// imports) against one server for MINUTES on 5 000 people (or --people N), and reports
// throughput, errors and the server's memory over time (bench/lib/soak.mjs);
// BENCH_HEAP_SNAPSHOTS=DIR writes the server's heap snapshots at the end of its warm-up and
// 5 s before its end into DIR (writing one leaves the server's RSS higher: that run's RSS
// figures say nothing).
// BENCH_SERVER_PROF=DIR writes a CPU profile of each server process into DIR (on stop);
// BENCH_PG_STATS=DIR the PostgreSQL statements by total time (pg_stat_statements);
// BENCH_KEEP_DB=1 leaves the generated cluster running at the end (its URL is printed), to
// look into a figure with EXPLAIN.
// The standings are rebuilt after generation whenever a workload reads them (audit,
// learner, progress, statistics), so that the server does not compute them meanwhile.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { addBenchAccounts } from './lib/accounts.mjs';
import { checkinLoad, json, prepareSwipes, signIn } from './lib/checkin.mjs';
import { provinceOnPostgres, writeStatementStats } from './lib/database.mjs';
import {
  closedLoop,
  load,
  root,
  runJijiao,
  startHello,
  startJijiao,
  startJijiaoServers,
} from './lib/processes.mjs';
import { pgliteWorkloads } from './lib/pglite.mjs';
import { importWorkload } from './lib/import.mjs';
import { browserWorkload } from './lib/browser.mjs';
import { remindersWorkload } from './lib/reminders.mjs';
import { providerWorkload } from './lib/provider.mjs';
import {
  approvalWorkload,
  progressWorkload,
  rebuildWorkload,
  statisticsWorkload,
} from './lib/standings.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const quick = flag('quick');
const asJson = flag('json');
const size = {
  people: Number(option('people', quick ? 5000 : 500_000)),
  years: Number(option('years', 1)),
  seed: Number(option('seed', 1)),
  // Pending self-reports per person: 1 million at 500 000 people (or --pending N).
  pending: Number(option('pending', quick ? 1 : 2)),
  duration: quick ? 3 : 10,
  connections: 50,
  importRows: Number(option('import-rows', quick ? 2000 : 100_000)),
  providerBatches: quick ? 2 : 10,
  pdfs: quick ? 200 : 1000,
  // Certificates the PDF job stores: the whole province up to this many (or --pdf-job-max N).
  pdfJobMax: Number(option('pdf-job-max', quick ? 2000 : 50_000)),
  pglitePeople: quick ? 2000 : 50_000,
  approvals: quick ? 200 : 2000,
};
const only = option('only', '').split(',').filter(Boolean);
const serverCount = Number(option('servers', 1));

if (flag('soak')) {
  const { soak } = await import('./lib/soak.mjs');
  const report = await soak({
    minutes: Number(option('soak')),
    people: Number(option('people', 5000)),
    seed: Number(option('seed', 1)),
    log,
  });
  console.log(asJson ? JSON.stringify(report.json, null, 2) : report.text);
  // The other workloads below do not run with --soak.
  process.exit(0);
}
const wanted = (name) => only.length === 0 || only.includes(name);
const auditYear = 2025;

function log(line) {
  if (!asJson) process.stderr.write(`${line}\n`);
}

const round = (n, digits = 0) => (n === null ? null : Number(n.toFixed(digits)));

/** One result row; `better` says whether a bigger or a smaller figure is better. */
function row(workload, { ours, baseline, unit, target, better = 'higher', ...rest }) {
  const ratio = baseline ? ours / baseline : null;
  let met = null;
  if (target?.ratio !== undefined && ratio !== null)
    met = better === 'higher' ? ratio >= target.ratio : ratio <= target.ratio;
  if (target?.absolute !== undefined)
    met = better === 'higher' ? ours >= target.absolute : ours <= target.absolute;
  return {
    workload,
    ours: round(ours, ours < 10 ? 2 : 0),
    baseline: baseline === null ? null : round(baseline, baseline < 10 ? 2 : 0),
    unit,
    ratio: ratio === null ? null : round(ratio, ratio < 0.1 ? 4 : 2),
    target: target?.text ?? 'report',
    met,
    ...rest,
  };
}

const rows = [];
function add(r) {
  rows.push(r);
  log(
    `  ${r.workload}: ${r.ours} ${r.unit} (baseline ${r.baseline ?? '—'}, ratio ${r.ratio ?? '—'})`,
  );
}

async function auditWorkload(url) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let baselineSeconds;
  try {
    // The baseline: each person's effective credits of the year, those short of 25 kept.
    const started = performance.now();
    await client.query(
      `create table bench_audit_baseline as
       select p.id person_id, p.unit_id, coalesce(sum(c.credits), 0) total
       from people p
       join orgs u on u.id = p.unit_id
       join orgs prov on prov.kind = 'province' and prov.region_code = '990000'
                     and u.path like prov.path || '%'
       left join credit_claims c on c.person_id = p.id and c.status = 'effective' and c.year = $1
       group by p.id, p.unit_id
       having coalesce(sum(c.credits), 0) < 25`,
      [auditYear],
    );
    baselineSeconds = (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
  const run = await runJijiao(
    ['audit', 'run', '--year', String(auditYear), '--province', '990000', '--json'],
    { databaseUrl: url },
  );
  const summary = JSON.parse(run.stdout.trim().split('\n').at(-1));
  add(
    row(`annual audit, ${summary.people} people (jijiao audit run, PostgreSQL)`, {
      ours: run.seconds,
      baseline: baselineSeconds,
      unit: 's',
      better: 'lower',
      target: { ratio: 1.5, text: '≤ 1.5× baseline' },
      peakRssMb: run.peakRssMb,
      note: `${summary.compliant} compliant; job ${summary.seconds} s of ${round(run.seconds, 1)} s`,
    }),
  );
}

async function learnerWorkload(server, hello, generated, engine = 'PostgreSQL') {
  const headers = await signIn(server.url, 'bench-learner');
  const year = await json(await fetch(`${server.url}/api/v1/me/years/${auditYear}`, { headers }));
  const base = await load(`${hello.url}/row/${generated.learnerId}`, {
    connections: size.connections,
    duration: size.duration,
  });
  const ours = await load(`${server.url}/api/v1/me/years/${auditYear}`, {
    connections: size.connections,
    duration: size.duration,
    headers: { cookie: headers.cookie },
  });
  return {
    ours,
    base,
    activities: year.activities?.length ?? year.claims?.length ?? null,
    engine,
  };
}

function learnerRow(result, label) {
  return row(label, {
    ours: result.ours.requests.average,
    baseline: result.base.requests.average,
    unit: 'req/s',
    target: { ratio: 0.5, text: '≥ 0.5× baseline' },
    p99Ms: result.ours.latency.p99,
    baselineP99Ms: result.base.latency.p99,
    errors: result.ours.errors + result.ours.non2xx,
  });
}

async function checkinWorkload(server, hello) {
  // Enough fresh (session, card) pairs for both phases at their best rates (≈ 5 000 and
  // ≈ 22 000 swipes/s): a pair used twice would be a duplicate, not an insert.
  const prepared = await prepareSwipes(server.url, size.duration * 40_000);
  const opts = { connections: size.connections, duration: size.duration };
  const base = await load(`${hello.url}/insert`, { ...opts, method: 'POST' });
  const single = await checkinLoad(server.url, prepared, 1, opts);
  const batch = await checkinLoad(server.url, prepared, 50, opts);
  add(
    row('check-in POST /api/v1/checkins, 1 swipe/request', {
      ours: single.result.requests.average,
      baseline: base.requests.average,
      unit: 'swipes/s',
      target: { ratio: 0.6, text: '≥ 0.6× baseline' },
      p99Ms: single.result.latency.p99,
      baselineP99Ms: base.latency.p99,
      errors: single.result.errors + single.result.non2xx,
      note: `${single.accepted} accepted, ${single.other} not; ${prepared.people} cards × ${prepared.sessions} sessions`,
    }),
  );
  add(
    row('check-in, 50 swipes/request (offline queue)', {
      ours: batch.result.requests.average * 50,
      baseline: base.requests.average,
      unit: 'swipes/s',
      target: null,
      p99Ms: batch.result.latency.p99,
      errors: batch.result.errors + batch.result.non2xx,
      note: `${batch.accepted} accepted, ${batch.other} not; p99 per request of 50`,
    }),
  );
}

async function queueWorkload(server, url, reviewer) {
  const { serverModules } = await import('./lib/server-modules.mjs');
  const m = await serverModules();
  const { CreditsRepository } =
    await import('../packages/server/src/modules/credits/credits.repository.ts');
  const headers = await signIn(server.url, 'bench-reviewer');
  const pageUrl = (after) =>
    `${server.url}/api/v1/reviews/queue?limit=50${after ? `&after=${after}` : ''}`;
  // The 100th page's cursor, walked through the API (the last page if the queue is shorter).
  let after = '';
  let lastPage = 1;
  for (let page = 1; page < 100; page++) {
    const body = await json(await fetch(pageUrl(after), { headers }));
    if (!body.nextCursor) break;
    after = body.nextCursor;
    lastPage = page + 1;
  }
  const concurrency = 10;
  const first = await load(pageUrl(''), {
    connections: concurrency,
    duration: size.duration,
    headers: { cookie: headers.cookie },
  });
  const hundredth = await load(pageUrl(after), {
    connections: concurrency,
    duration: size.duration,
    headers: { cookie: headers.cookie },
  });
  // The baseline: the repository's own query (same SQL, same pool size), no HTTP.
  const database = m.wrapPool(new pg.Pool({ connectionString: url, max: 10 }));
  try {
    const repository = new CreditsRepository();
    const filter = {
      reviewerScope: [reviewer.orgPath],
      reviewerOrgIds: [reviewer.orgId],
      excludeUserId: reviewer.userId,
      sort: 'submittedAt',
      order: 'asc',
      limit: 51,
    };
    let key;
    for (let page = 1; page < lastPage; page++) {
      const rowsOfPage = (
        await repository.queue(database.db, { ...filter, ...(key ? { after: key } : {}) })
      ).slice(0, 50);
      const last = rowsOfPage.at(-1);
      key = { key: last.submittedAt.toISOString(), id: last.id };
    }
    const direct = (after) => () =>
      repository.queue(database.db, { ...filter, ...(after ? { after } : {}) });
    const opts = { concurrency, seconds: size.duration };
    const baseFirst = await closedLoop(direct(undefined), opts);
    const baseHundredth = await closedLoop(direct(key), opts);
    for (const [label, ours, base] of [
      ['first', first, baseFirst],
      [lastPage === 100 ? '100th' : `last (${lastPage})`, hundredth, baseHundredth],
    ])
      add(
        row(`review queue, ${label} page of 50 (keyset), p99`, {
          ours: ours.latency.p99,
          baseline: base.p99,
          unit: 'ms p99',
          better: 'lower',
          target: { ratio: 1.5, text: '≤ 1.5× baseline' },
          reqPerSecond: round(ours.requests.average),
          baselinePerSecond: round(base.perSecond),
          errors: ours.errors + ours.non2xx,
          note: `${concurrency} concurrent; ${reviewer.pending} pending claims, ${reviewer.waiting} at the reviewer's org`,
        }),
      );
  } finally {
    await database.close();
  }
}

function pdfJobWorkload(url) {
  const workers = os.availableParallelism();
  const job = spawnSync(
    process.execPath,
    [
      path.join(root, 'bench/certificate-pdf-job.mjs'),
      '--url',
      url,
      '--max',
      String(size.pdfJobMax),
      '--workers',
      String(workers),
      '--json',
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (job.status !== 0) throw new Error(job.stderr);
  const r = JSON.parse(job.stdout);
  // The same run's baseline: the Helvetica page, on as many worker threads at once.
  const base = spawnSync(
    process.execPath,
    [
      path.join(root, 'bench/certificate-pdf.mjs'),
      '--count',
      String(size.pdfs),
      '--workers',
      String(workers),
      '--json',
    ],
    { encoding: 'utf8' },
  );
  if (base.status !== 0) throw new Error(base.stderr);
  const b = JSON.parse(base.stdout);
  add(
    row(`certificate PDF job, ${r.stored} certificates, ${workers} worker threads`, {
      ours: r.perCore,
      baseline: b.baselinePerCore,
      unit: 'PDFs/s/core',
      target: { absolute: 50, text: '≥ 50/s/core on every core' },
      peakRssMb: r.peakRssMb,
      note: `${r.perSecond.toFixed(1)} PDFs/s in all, ${r.seconds.toFixed(1)} s, ${r.averageKiB} KiB each, stored by sha256; rendering alone on ${workers} threads: ${b.perCore.toFixed(1)}/s/core; baseline: the Helvetica page on ${workers} threads at once`,
    }),
  );
}

function pdfWorkload() {
  const run = spawnSync(
    process.execPath,
    [path.join(root, 'bench/certificate-pdf.mjs'), '--count', String(size.pdfs), '--json'],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(run.stderr);
  const r = JSON.parse(run.stdout);
  add(
    row('certificate PDFs (CJK subset font, QR), 1 worker', {
      ours: r.perCore,
      baseline: r.baselinePerCore,
      unit: 'PDFs/s/core',
      target: { absolute: 50, text: '≥ 50/s/core' },
      peakRssMb: r.peakRssMb,
      note: `baseline: the same page in Helvetica, no font subsetting; ${r.averageKiB} KiB each`,
    }),
  );
}

const started = performance.now();
log(
  `Jijiao benchmarks: ${size.people} people × ${size.years} year(s), ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}${quick ? ' (quick)' : ''}`,
);
const needsPostgres = [
  'generator',
  'pdfjob',
  'audit',
  'learner',
  'checkin',
  'queue',
  'provider',
  'import',
  'standings',
  'progress',
  'statistics',
  'approval',
  'reminders',
].some(wanted);
const readsStandings = [
  'standings',
  'reminders',
  'audit',
  'learner',
  'progress',
  'statistics',
  'checkin',
  'queue',
  'provider',
].some(wanted);
let province;
let server;
let hello;
try {
  if (needsPostgres) {
    log('Generating the province on a throwaway PostgreSQL 15 cluster…');
    province = await provinceOnPostgres({
      people: size.people,
      years: size.years,
      seed: size.seed,
      pendingPerPerson: size.pending,
      importRows: size.importRows,
      log,
    });
    const g = province.generated;
    add(
      row('generator: credit rows written (COPY FROM STDIN)', {
        ours: g.claims / g.seconds,
        baseline: null,
        unit: 'claims/s',
        target: { absolute: 1_000_000 / 60, text: '1M rows < 60 s' },
        note: `${g.people} people, ${g.claims} claims (${g.pendingClaims} pending), ${g.units} units, ${g.projects} projects in ${round(g.seconds, 1)} s`,
      }),
    );
  }
  const url = province?.url;
  if (url && readsStandings) {
    log('Standings rebuild…');
    add(await rebuildWorkload(url, row));
  }
  if (url && wanted('reminders')) {
    log('Reminders…');
    add(await remindersWorkload(url, row, log));
  }
  if (url && wanted('audit')) {
    log('Audit…');
    await auditWorkload(url);
  }
  if (url && ['learner', 'checkin', 'queue', 'provider', 'progress', 'statistics'].some(wanted)) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    let accounts;
    try {
      accounts = await addBenchAccounts(
        (text, params) => client.query(text, params),
        province.generated,
      );
    } finally {
      await client.end();
    }
    server =
      serverCount > 1
        ? await startJijiaoServers({ databaseUrl: url, count: serverCount })
        : await startJijiao({ databaseUrl: url });
    if (serverCount > 1) log(`${serverCount} server processes behind a round-robin balancer`);
    hello = await startHello(url);
    if (wanted('learner')) {
      log('Learner’s year API…');
      const result = await learnerWorkload(server, hello, province.generated);
      add({
        ...learnerRow(result, `learner's year GET /api/v1/me/years/${auditYear} (PostgreSQL)`),
        peakRssMb: server.peakRssMb(),
        baselinePeakRssMb: hello.peakRssMb(),
      });
    }
    if (wanted('checkin')) {
      log('Check-in API…');
      await checkinWorkload(server, hello);
    }
    if (wanted('queue')) {
      log('Review queue…');
      await queueWorkload(server, url, {
        orgPath: accounts.reviewerOrgPath,
        orgId: accounts.reviewerOrgId,
        userId: accounts.reviewerId,
        pending: province.generated.pendingClaims,
        waiting: accounts.reviewerWaiting,
      });
    }
    const provinceOrg = { id: accounts.provinceId, path: accounts.provincePath };
    if (wanted('progress')) {
      log('Province progress list…');
      for (const r of await progressWorkload({
        serverUrl: server.url,
        url,
        province: provinceOrg,
        year: auditYear,
        duration: size.duration,
        row,
        log,
      }))
        add(r);
    }
    if (wanted('statistics')) {
      log('Province statistics…');
      add(
        await statisticsWorkload({
          serverUrl: server.url,
          url,
          province: provinceOrg,
          year: auditYear,
          duration: size.duration,
          row,
        }),
      );
    }
    if (wanted('provider')) {
      log('Provider batch…');
      for (const r of await providerWorkload(server.url, url, province.generated, row, {
        batches: size.providerBatches,
      }))
        add(r);
    }
    for (const r of rows)
      if (r.peakRssMb === undefined && r.unit !== 'claims/s' && r.unit !== 's')
        r.peakRssMb = server.peakRssMb();
    await server.stop();
    await hello.stop();
    server = undefined;
    hello = undefined;
  }
  if (url && wanted('approval')) {
    log('Approvals with and without standings…');
    add(await approvalWorkload({ url, count: size.approvals, row }));
  }
  if (url && wanted('import')) {
    log('Credit import…');
    const imported = await importWorkload(url, province.generated, row, size.importRows);
    if (imported) add(imported);
  }
  if (wanted('pdf')) {
    log('Certificate PDFs…');
    pdfWorkload();
  }
  if (url && wanted('pdfjob')) {
    log(`Certificate PDF job (up to ${size.pdfJobMax} certificates)…`);
    pdfJobWorkload(url);
  }
  if (wanted('pglite')) {
    log(`PGlite (embedded default), ${size.pglitePeople} people, against PostgreSQL…`);
    for (const r of await pgliteWorkloads(size, row, { auditYear })) add(r);
  }
  if (wanted('browser')) {
    log('Pages on a phone network (Chromium, mobile profile)…');
    for (const r of await browserWorkload(row)) add(r);
  }
} finally {
  await server?.stop();
  await hello?.stop();
  if (province) await writeStatementStats(province.url).catch(() => undefined);
  if (process.env.BENCH_KEEP_DB && province)
    log(`Kept the generated database (BENCH_KEEP_DB): ${province.url}; stop it by hand.`);
  else province?.cluster.stop();
}

const totalSeconds = (performance.now() - started) / 1000;
if (asJson) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const cell = (v) => (v === null || v === undefined ? '—' : String(v));
  const header = [
    'workload',
    'ours',
    'baseline',
    'unit',
    'ratio',
    'target',
    'met',
    'p99 ms (ours / baseline)',
    'peak RSS MB',
    'note',
  ];
  console.log(`| ${header.join(' | ')} |`);
  console.log(`| ${header.map(() => '---').join(' | ')} |`);
  for (const r of rows) {
    const p99 = r.p99Ms === undefined ? '—' : `${cell(r.p99Ms)} / ${cell(r.baselineP99Ms)}`;
    const rss = r.baselinePeakRssMb
      ? `${cell(r.peakRssMb)} / ${r.baselinePeakRssMb}`
      : cell(r.peakRssMb);
    const met = r.met === null ? 'report' : r.met ? 'yes' : '**no**';
    console.log(
      `| ${[r.workload, cell(r.ours), cell(r.baseline), r.unit, cell(r.ratio), r.target, met, p99, rss, cell(r.note)].join(' | ')} |`,
    );
  }
  if (serverCount > 1)
    console.log(
      `\nHTTP workloads: ${serverCount} \`jijiao start\` processes behind a round-robin TCP balancer; peak RSS is their sum.`,
    );
  console.log(`\n${round(totalSeconds)} s in all.`);
}
