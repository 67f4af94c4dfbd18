// Workloads of the stored standings (ADR 0018): the full rebuild, the province's progress
// list and statistics over HTTP against the same SQL run directly, and an approval with the
// standings kept current against the same approval without them.
import fs from 'node:fs';
import pg from 'pg';
import { json, signIn } from './checkin.mjs';
import { closedLoop, load, runJijiao } from './processes.mjs';
import { benchEnv, serverModules } from './server-modules.mjs';

const server = '../../packages/server/src';

/**
 * CPU seconds (user + system) of every `postgres` process now running, plus what their
 * ended children used (the postmaster's children's times): backends end with their
 * connections, and their time must still count.
 */
export function postgresCpuSeconds() {
  const tick = 100; // USER_HZ on Linux
  let total = 0;
  for (const pid of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const comm = stat.slice(stat.indexOf('(') + 1, close);
      if (comm !== 'postgres') continue;
      const fields = stat.slice(close + 2).split(' ');
      total +=
        (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / tick;
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** `jijiao standings rebuild` of every year: standings per second, cores used, peak RSS. */
export async function rebuildWorkload(url, row) {
  const pgBefore = postgresCpuSeconds();
  const run = await runJijiao(['standings', 'rebuild', '--json'], { databaseUrl: url });
  const pgSeconds = postgresCpuSeconds() - pgBefore;
  const summary = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const cores = (run.cpuSeconds + pgSeconds) / run.seconds;
  return row(`standings rebuild, every year (jijiao standings rebuild, PostgreSQL)`, {
    ours: summary.done / run.seconds,
    baseline: null,
    unit: 'standings/s',
    target: null,
    peakRssMb: run.peakRssMb,
    note: `${summary.done} standings in ${run.seconds.toFixed(1)} s; CPU: node ${run.cpuSeconds.toFixed(0)} s + PostgreSQL ${pgSeconds.toFixed(0)} s = ${cores.toFixed(2)} of the machine's cores busy on average`,
  });
}

async function standingsQueries(url) {
  const m = await serverModules();
  const queries = await import(`${server}/modules/standings/standing-queries.repository.ts`);
  const database = m.wrapPool(new pg.Pool({ connectionString: url, max: 10 }));
  return { database, repository: new queries.StandingQueriesRepository(), queries };
}

/** 人员学分进度 of the whole province: first and 100th page of 50, p99, against the same SQL. */
export async function progressWorkload({ serverUrl, url, province, year, duration, row, log }) {
  const headers = await signIn(serverUrl, 'demo-province-admin');
  const pageUrl = (after) =>
    `${serverUrl}/api/v1/units/${province.id}/progress?year=${year}&limit=50${after ? `&after=${after}` : ''}`;
  let after = '';
  let first;
  for (let page = 1; page < 100; page++) {
    const body = await json(await fetch(pageUrl(after), { headers }));
    first ??= body;
    if (!body.nextCursor) throw new Error(`the province's list has only ${page} pages`);
    after = body.nextCursor;
  }
  const concurrency = 10;
  const opts = { connections: concurrency, duration, headers: { cookie: headers.cookie } };
  const { database, repository, queries } = await standingsQueries(url);
  try {
    const filter = { path: province.path, year };
    const key = { sort: 'shortfall' };
    let cursor;
    for (let page = 1; page < 100; page++) {
      const rows = await repository.page(database.db, filter, key, cursor, 51);
      cursor = queries.cursorKeyOf(key, rows[49]);
    }
    // The state of the database around each measurement: one 100th page alone (median of
    // 15) and what waits in the queues, so that a change between ours and the baseline's
    // runs (autovacuum, a drain) shows in the note instead of in the ratio.
    const stats = new pg.Pool({ connectionString: url, max: 1 });
    const probe = async () => {
      const times = [];
      for (let i = 0; i < 15; i++) {
        const t = performance.now();
        await repository.page(database.db, filter, key, cursor, 51);
        times.push(performance.now() - t);
      }
      const { rows } = await stats.query(
        `select relname, n_live_tup::int as live, n_dead_tup::int as dead from pg_stat_user_tables
         where relname in ('standing_queue', 'standing_tally_queue')`,
      );
      const queue = rows.map((r) => `${r.relname} ${r.live}+${r.dead} dead`).join(', ');
      return `${times.sort((a, b) => a - b)[7].toFixed(1)} ms alone (${queue})`;
    };
    const before = await probe();
    const oursFirst = await load(pageUrl(''), opts);
    const oursHundredth = await load(pageUrl(after), opts);
    const between = await probe();
    const loop = { concurrency, seconds: duration };
    // The first page: the page and its counts, as the route runs them.
    const baseFirst = await closedLoop(async () => {
      await repository.page(database.db, filter, key, undefined, 51);
      await repository.counts(database.db, filter);
    }, loop);
    const baseHundredth = await closedLoop(
      () => repository.page(database.db, filter, key, cursor, 51),
      loop,
    );
    const end = await probe();
    await stats.end();
    log?.(
      `  100th page before ours: ${before}; after ours: ${between}; after the baseline: ${end}`,
    );
    return [
      ['first', oursFirst, baseFirst, 'the page and its counts'],
      ['100th', oursHundredth, baseHundredth, 'the page'],
    ].map(([label, ours, base, what]) =>
      row(`province progress list, ${label} page of 50 (keyset), p99`, {
        ours: ours.latency.p99,
        baseline: base.p99,
        unit: 'ms p99',
        better: 'lower',
        target: { ratio: 1.5, text: '≤ 1.5× baseline' },
        reqPerSecond: Math.round(ours.requests.average),
        baselinePerSecond: Math.round(base.perSecond),
        errors: ours.errors + ours.non2xx,
        note: `${concurrency} concurrent; ${first.staffCount} people; baseline: ${what} (same SQL) through a pool, no HTTP${label === '100th' ? `; one 100th page before ours ${before}, between ${between}, after ${end}` : ''}`,
      }),
    );
  } finally {
    await database.close();
  }
}

/** 统计报表 of the whole province against one hand-written GROUP BY (by city, profession, title). */
export async function statisticsWorkload({ serverUrl, url, province, year, duration, row }) {
  const headers = await signIn(serverUrl, 'demo-province-admin');
  const statsUrl = `${serverUrl}/api/v1/units/${province.id}/statistics?year=${year}`;
  const stats = await json(await fetch(statsUrl, { headers }));
  const concurrency = 2;
  const ours = await load(statsUrl, {
    connections: concurrency,
    duration,
    headers: { cookie: headers.cookie },
  });
  const client = new pg.Pool({ connectionString: url, max: concurrency });
  const depth = province.path.split('/').filter(Boolean).length;
  try {
    const base = await closedLoop(
      () =>
        client.query(
          `select split_part(unit_path, '/', ${depth + 2}) as city, profession, title_grade,
                  count(*), count(*) filter (where compliant), avg(total_credits)
           from person_standings where year = $1 and unit_path like $2
           group by grouping sets ((1), (2), (3))`,
          [year, `${province.path}%`],
        ),
      { concurrency, seconds: duration },
    );
    return row(`province statistics, ${stats.overall.staff} people, mean latency`, {
      ours: ours.latency.average,
      baseline: (1000 * concurrency) / base.perSecond,
      unit: 'ms',
      better: 'lower',
      target: { ratio: 2, text: '≤ 2× baseline' },
      p99Ms: ours.latency.p99,
      baselineP99Ms: Math.round(base.p99),
      errors: ours.errors + ours.non2xx,
      note: `${concurrency} concurrent; ours: overall, by child org, profession, title, unit level, credits buckets, by month this and last year, by channel; baseline: one GROUP BY GROUPING SETS (city, profession, title) on a pool`,
    });
  } finally {
    await client.end();
  }
}

/**
 * Approving pending claims through the claim lifecycle, alternately with the standings kept
 * current (the real lifecycle: the person's year queued in the same transaction) and
 * without (a lifecycle whose standings do nothing); in-process, one at a time.
 */
export async function approvalWorkload({ url, count, row }) {
  const m = await serverModules();
  const { ClaimLifecycle } = await import(`${server}/modules/credits/claim-lifecycle.ts`);
  const { CreditsRepository } = await import(`${server}/modules/credits/credits.repository.ts`);
  const { AuditLogService } = await import(`${server}/modules/audit-log/audit-log.service.ts`);
  const { AuditLogRepository } = await import(
    `${server}/modules/audit-log/audit-log.repository.ts`
  );
  const { createStandings } = await import(`${server}/modules/standings/standings.service.ts`);
  const { systemClock } = await import(`${server}/platform/clock.ts`);
  const { creditClaims } = await import(`${server}/platform/db/tables/credits.ts`);
  const { orgs } = await import(`${server}/platform/db/tables/orgs.ts`);
  const { buildServices } = await import(`${server}/services.ts`);
  const { argon2Hasher } = await import(`${server}/platform/auth/password-hasher.ts`);
  const { eq, getTableColumns } = await import('drizzle-orm');
  const database = m.wrapPool(new pg.Pool({ connectionString: url, max: 2 }));
  try {
    const db = database.db;
    const clock = systemClock;
    const repository = new CreditsRepository();
    const auditLog = new AuditLogService({ db, clock, repository: new AuditLogRepository() });
    const standings = createStandings({ db, clock, policies: m.defaultPolicyRegistry });
    // The province's calendar as the server has it (review stays open until the audit days).
    const { calendar } = buildServices({
      config: m.loadConfig(benchEnv({ DATABASE_URL: url })),
      database,
      clock,
      hasher: argon2Hasher,
    });
    const lifecycles = {
      with: new ClaimLifecycle({ repository, auditLog, clock, standings, calendar }),
      without: new ClaimLifecycle({
        repository,
        auditLog,
        clock,
        calendar,
        standings: { claimsChanged: () => Promise.resolve() },
      }),
    };
    const claims = await db
      .select({ ...getTableColumns(creditClaims), unitPath: orgs.path })
      .from(creditClaims)
      .innerJoin(orgs, eq(orgs.id, creditClaims.unitId))
      .where(eq(creditClaims.status, 'submitted'))
      .limit(count * 2);
    const actor = { userId: null, username: 'bench', ip: null };
    const seconds = { with: 0, without: 0 };
    const done = { with: 0, without: 0 };
    for (const [i, claim] of claims.entries()) {
      const which = i % 2 === 0 ? 'with' : 'without';
      const started = performance.now();
      let current = claim;
      // Through every remaining step of its chain, until it is effective.
      for (;;) {
        const result = await db.transaction((tx) =>
          lifecycles[which].change(tx, current, 'approve', actor),
        );
        if (result.status !== 'submitted') break;
        current = { ...current, ...result, version: result.version };
      }
      seconds[which] += (performance.now() - started) / 1000;
      done[which] += 1;
    }
    return row('approving a claim, standings kept current (in-process, one at a time)', {
      ours: done.with / seconds.with,
      baseline: done.without / seconds.without,
      unit: 'approvals/s',
      target: { ratio: 0.8, text: '≥ 0.8× baseline' },
      note: `${done.with} + ${done.without} claims approved to effective, alternately; baseline: the same lifecycle with the standings doing nothing`,
    });
  } finally {
    await database.close();
  }
}
