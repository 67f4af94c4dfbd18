import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { testDeviceToken, testPassword } from '../test/test-config';
import { createPostgresTestDatabase, testDbKind } from '../test/test-database';
import { queryRows, type Database } from './platform/db/database';
import { demoAccounts } from './modules/demo/demo-tree';

// Issue 22, "Must show": two `jijiao start` processes and one `jijiao worker` on one
// PostgreSQL database, real child processes of the CLI. Concurrent sign-ins, approvals,
// kiosk swipes, an audit run and certificate PDF jobs go to both servers at once; then
// nothing is lost, nothing is done twice, nothing stays leased, and every process stops
// on SIGTERM with exit 0 (ADR 0024, 0040).

const jijiaoBin = path.resolve(import.meta.dirname, '../../cli/bin/jijiao.mjs');
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

interface Child {
  name: string;
  process: ChildProcessByStdio<null, Readable, Readable>;
  output: () => string;
  exited: Promise<number | null>;
}

const children: Child[] = [];
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-multiproc-'));
let database: Database | undefined;

afterAll(async () => {
  for (const child of children)
    if (child.process.exitCode === null && child.process.signalCode === null)
      child.process.kill('SIGKILL');
  await Promise.all(children.map((c) => c.exited));
  await database?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

function spawnJijiao(name: string, args: readonly string[], env: Record<string, string>): Child {
  const { DATABASE_URL: _ignored, ...rest } = process.env;
  const child = spawn(process.execPath, [jijiaoBin, ...args], {
    env: { ...rest, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const handle = { name, process: child, output: () => output, exited };
  children.push(handle);
  return handle;
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 60_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** Every HTTP answer of the run: a 5xx or a refused connection fails the test. */
const answers: { where: string; status: number }[] = [];

async function call(
  base: string,
  method: string,
  url: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: unknown } = {},
): Promise<{ status: number; json: unknown; headers: Headers }> {
  const response = await fetch(`${base}${url}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  answers.push({ where: `${method} ${url}`, status: response.status });
  return {
    status: response.status,
    json: text === '' ? null : (JSON.parse(text) as unknown),
    headers: response.headers,
  };
}

interface Session {
  headers: Record<string, string>;
}

async function signIn(base: string, username: string, password = testPassword) {
  const answer = await call(base, 'POST', '/api/v1/session', { body: { username, password } });
  if (answer.status !== 200) return { status: answer.status, session: undefined };
  const cookie = (answer.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const { csrfToken } = answer.json as { csrfToken: string };
  const session: Session = { headers: { cookie, 'x-csrf-token': csrfToken } };
  return { status: answer.status, session };
}

async function signedIn(base: string, username: string): Promise<Session> {
  const { status, session } = await signIn(base, username);
  if (!session) throw new Error(`sign-in of ${username}: ${String(status)}`);
  return session;
}

describe.runIf(testDbKind() === 'postgres')('two servers and a worker on one PostgreSQL', () => {
  it('answers every request, loses no swipe, approves once, runs every job once, stops cleanly', async () => {
    const started = Date.now();
    const fresh = await createPostgresTestDatabase();
    database = fresh.database;
    const { db } = fresh.database;
    const env = {
      NODE_ENV: 'test',
      DATABASE_URL: fresh.url,
      HOST: '127.0.0.1',
      JIJIAO_LOG_LEVEL: 'warn',
      JIJIAO_DEMO: 'true',
      JIJIAO_DEMO_PASSWORD: testPassword,
      JIJIAO_DEMO_DEVICE_TOKEN: testDeviceToken,
      JIJIAO_DATA_DIR: path.join(scratch, 'data'),
      JIJIAO_WEB_DIST: path.join(scratch, 'no-web-build'),
      JIJIAO_BACKUP_DIR: path.join(scratch, 'backups'),
      JIJIAO_CERTIFICATE_PDF_DIR: path.join(scratch, 'pdfs'),
      JIJIAO_PDF_WORKERS: '1',
      JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE: '10000',
      JIJIAO_SHUTDOWN_SECONDS: '30',
    };

    // Two web processes that also take background work, and one worker: three takers.
    const servers = [
      spawnJijiao('server A', ['start', '--port', '0'], env),
      spawnJijiao('server B', ['start', '--port', '0'], env),
    ];
    const worker = spawnJijiao('worker', ['worker'], env);
    const bases = await Promise.all(
      servers.map(async (server) => {
        const port = await until(`${server.name}'s banner`, () => {
          if (server.process.exitCode !== null)
            throw new Error(`${server.name} exited:\n${server.output()}`);
          return Promise.resolve(/running at https?:\/\/[^:/]+:(\d+)/.exec(server.output())?.[1]);
        });
        const base = `http://127.0.0.1:${port}`;
        await until(`${server.name} ready`, async () => {
          const ready = await fetch(`${base}/api/health/ready`);
          return ready.status === 200 ? true : undefined;
        });
        return base;
      }),
    );
    await until('the worker', () => {
      if (worker.process.exitCode !== null) throw new Error(`worker exited:\n${worker.output()}`);
      return Promise.resolve(worker.output().includes('Jijiao worker on') ? true : undefined);
    });
    const [a, b] = bases as [string, string];
    const other = (base: string) => (base === a ? b : a);
    const startedUp = Date.now();

    // Fixtures read from the fresh copy of the demo: cards, sessions, units, the audit.
    const cards = await queryRows<{ number: string }>(
      db,
      sql`select number from cards where status = 'active' and person_id is not null
          order by number limit 24`,
    );
    const sessions = await queryRows<{ id: string }>(
      db,
      sql`select s.id from project_sessions s join checkin_devices d on d.project_id = s.project_id
          order by s.start_time`,
    );
    const units = await queryRows<{ id: string }>(
      db,
      sql`select o.id from orgs o where o.kind = 'unit' order by
            (o.id = (select p.unit_id from people p join users u on u.id = p.user_id
                     where u.username = 'demo-learner')) desc, o.path limit 4`,
    );
    const [province] = await queryRows<{ id: string }>(
      db,
      sql`select id from orgs where kind = 'province' and parent_id is null limit 1`,
    );
    expect(cards.length).toBe(24);
    expect(sessions.length).toBe(2);
    expect(units.length).toBe(4);
    const lastYear = new Date().getUTCFullYear() - 1;

    // 1. Sign-ins: every demo account on both servers at once, one wrong password; each
    // session then read on the other server (sessions live in the database).
    const signIns = await Promise.all(
      [...demoAccounts, ...demoAccounts].map(async (account, i) => {
        const base = i % 2 === 0 ? a : b;
        const session = await signedIn(base, account.username);
        const me = await call(other(base), 'GET', '/api/v1/me', { headers: session.headers });
        return me.status;
      }),
    );
    expect(signIns).toEqual(signIns.map(() => 200));
    expect((await signIn(b, 'demo-learner', 'Wrong@Pass2026')).status).toBe(401);

    // The sessions the concurrent part works with.
    const admin = await signedIn(a, 'demo-province-admin');
    const reviewers = await Promise.all(
      demoAccounts
        .filter((account) => account.role === 'reviewer')
        .map(async (account) => ({
          username: account.username,
          session: await signedIn(b, account.username),
        })),
    );
    const queues = await Promise.all(
      reviewers.map(async (reviewer) => {
        const queue = await call(a, 'GET', '/api/v1/reviews/queue?limit=6', {
          headers: reviewer.session.headers,
        });
        expect(queue.status).toBe(200);
        const { items } = queue.json as { items: { id: string; version: number }[] };
        return items.map((item) => ({ ...item, session: reviewer.session }));
      }),
    );
    const pending = queues.flat();
    expect(pending.length).toBeGreaterThan(3);

    const audits = await queryRows<{ id: string; status: string; year: number }>(
      db,
      sql`select id, status, year from audits order by year desc`,
    );
    let audit = audits.find((row) => row.status === 'open');
    if (!audit) {
      const opened = await call(a, 'POST', '/api/v1/audits', {
        headers: admin.headers,
        body: { provinceId: province?.id, year: lastYear },
      });
      expect(opened.status, JSON.stringify(opened.json)).toBe(201);
      audit = opened.json as { id: string; status: string; year: number };
    }
    const auditId = audit.id;

    // 2. Everything at once, alternating servers.
    const kiosk = { authorization: `Bearer ${testDeviceToken}` };
    const swipes = cards.flatMap((card, i) =>
      sessions.map((session, j) => ({ card: card.number, sessionId: session.id, k: i * 2 + j })),
    );
    const swipeOutcomes: { clientId: string; result: string }[] = [];
    const swipeWork = swipes.map(async ({ card, sessionId, k }) => {
      const swipe = (clientId: string) => ({
        clientId,
        sessionId,
        cardNumber: card,
        swipedAt: new Date().toISOString(),
      });
      const first = swipe(randomUUID());
      const second = swipe(randomUUID());
      // The same swipe sent to both servers (a kiosk resending), and a second swipe of the
      // same card for the same session: one check-in, whichever process records it.
      const sent = await Promise.all([
        call(k % 2 === 0 ? a : b, 'POST', '/api/v1/checkins', { headers: kiosk, body: first }),
        call(k % 2 === 0 ? b : a, 'POST', '/api/v1/checkins', { headers: kiosk, body: first }),
        call(k % 2 === 0 ? b : a, 'POST', '/api/v1/checkins', {
          headers: kiosk,
          body: { swipes: [second] },
        }),
      ]);
      for (const answer of sent) {
        expect(answer.status).toBe(200);
        swipeOutcomes.push(
          ...(answer.json as { results: { clientId: string; result: string }[] }).results,
        );
      }
    });
    const approvals = pending.map(async (claim) => {
      // The same reviewer's session approves the same version on both servers at once.
      const body = { version: claim.version };
      const both = await Promise.all(
        [a, b].map((base) =>
          call(base, 'POST', `/api/v1/credits/${claim.id}/approve`, {
            headers: claim.session.headers,
            body,
          }),
        ),
      );
      return {
        id: claim.id,
        statuses: both.map((answer) => answer.status).sort(),
        codes: both.map((answer) => (answer.json as { error?: { code: string } }).error?.code),
      };
    });
    const auditRuns = Promise.all(
      [a, b].map((base) =>
        call(base, 'POST', `/api/v1/audits/${auditId}/runs`, { headers: admin.headers }),
      ),
    );
    const pdfJobs = Promise.all(
      units.map((unit, i) =>
        call(i % 2 === 0 ? a : b, 'POST', '/api/v1/certificates/pdf-jobs', {
          headers: admin.headers,
          body: { year: lastYear, orgId: unit.id },
        }),
      ),
    );
    const moreSignIns = Promise.all(
      demoAccounts.map((account, i) =>
        signIn(i % 2 === 0 ? b : a, account.username).then((answer) => answer.status),
      ),
    );
    await Promise.all(swipeWork);
    const approved = await Promise.all(approvals);
    const runs = await auditRuns;
    const jobs = await pdfJobs;
    expect(await moreSignIns).toEqual(demoAccounts.map(() => 200));

    // Approvals: exactly one of the two identical decisions wins; the other is refused with
    // 409 stale_state, as the route promises (the history is read before the claim, so a
    // winner committed in between never shows as already_approved).
    for (const claim of approved) {
      expect(claim.statuses[0], JSON.stringify(claim)).toBe(200);
      expect(
        claim.codes.filter((code) => code !== undefined),
        JSON.stringify(claim),
      ).toEqual(['stale_state']);
      expect(claim.statuses[1]).toBe(409);
    }
    const refusals = approved.map((claim) => claim.codes.find((code) => code !== undefined));
    console.info(`multi-process: the losing approvals answered ${JSON.stringify(refusals)}`);
    // The audit run: one process starts it, the other answers 409 (one running run), unless
    // the first run had already finished when the second request came (a small demo
    // province): then both start, one after the other, never overlapping (checked below).
    const runStatuses = runs.map((run) => run.status).sort();
    expect(
      [[202, 409].join(), [202, 202].join()],
      JSON.stringify(runs.map((r) => r.json)),
    ).toContain(runStatuses.join());
    for (const job of jobs) expect(job.status, JSON.stringify(job.json)).toBe(202);
    const jobIds = jobs.map((job) => (job.json as { jobId: string }).jobId);

    // 3. Wait for the background work: the PDF jobs (any of three processes) and the run.
    await until(
      'the PDF jobs',
      async () => {
        const left = await queryRows<{ count: number }>(
          db,
          sql`select count(*)::int as count from jobs where status in ('queued', 'running')`,
        );
        return left[0]?.count === 0 ? true : undefined;
      },
      45_000,
    );
    const run = await until(
      'the audit run',
      async () => {
        const answer = await call(b, 'GET', `/api/v1/audits/${auditId}/run`, {
          headers: admin.headers,
        });
        const last = answer.json as { status: string } | null;
        return last && last.status !== 'running' ? last : undefined;
      },
      45_000,
    );
    expect(run.status).toBe('succeeded');
    // However many runs started, none ran while another did.
    const overlapping = await queryRows<{ count: number }>(
      db,
      sql`select count(*)::int as count from audit_runs r1 join audit_runs r2
            on r1.audit_id = r2.audit_id and r1.id < r2.id
           where r1.audit_id = ${auditId}::uuid
             and r1.started_at < coalesce(r2.finished_at, 'infinity')
             and r2.started_at < coalesce(r1.finished_at, 'infinity')`,
    );
    expect(overlapping[0]?.count).toBe(0);
    const settled = Date.now();

    // Nothing answered 5xx.
    expect(answers.filter((answer) => answer.status >= 500)).toEqual([]);

    // No lost swipe, none counted twice: one check-in per card and session, and the stored
    // rows are exactly the distinct swipes answered `accepted`.
    const accepted = new Set(
      swipeOutcomes.filter((outcome) => outcome.result === 'accepted').map((o) => o.clientId),
    );
    const stored = await queryRows<{ clientId: string }>(
      db,
      sql`select client_id as "clientId" from check_ins
          where session_id in (${sql.join(
            sessions.map((s) => sql`${s.id}::uuid`),
            sql`, `,
          )})`,
    );
    expect(stored.length).toBe(swipes.length);
    expect(new Set(stored.map((row) => row.clientId))).toEqual(accepted);
    expect(
      swipeOutcomes.every((o) => o.result === 'accepted' || o.result === 'already_checked_in'),
    ).toBe(true);

    // Each raced claim carries one approval for the step it was at, never two.
    const decisions = await queryRows<{ claimId: string; approvals: number }>(
      db,
      sql`select c.id as "claimId",
                 (select count(*)::int from claim_reviews r
                   where r.claim_id = c.id and r.action = 'approve'
                     and r.at >= ${new Date(startedUp).toISOString()}::timestamptz) as approvals
            from credit_claims c
           where c.id in (${sql.join(
             pending.map((claim) => sql`${claim.id}::uuid`),
             sql`, `,
           )})`,
    );
    expect(decisions.length).toBe(pending.length);
    for (const row of decisions) expect(row.approvals, row.claimId).toBe(1);
    const twice = await queryRows<{ claimId: string }>(
      db,
      sql`select claim_id as "claimId" from claim_reviews where action = 'approve'
          group by claim_id, step having count(*) > 1`,
    );
    expect(twice).toEqual([]);

    // Every job ran exactly once and finished; nothing is left leased.
    const jobRows = await queryRows<{ id: string; status: string; attempts: number }>(
      db,
      sql`select id, status, attempts from jobs order by created_at`,
    );
    expect(jobRows.map((row) => row.id).sort()).toEqual([...jobIds].sort());
    for (const row of jobRows)
      expect(row, JSON.stringify(row)).toMatchObject({ status: 'succeeded', attempts: 1 });
    const leased = await queryRows<{ what: string; count: number }>(
      db,
      sql`select 'jobs' as what, count(*)::int as count from jobs where lease_until is not null
          union all
          select 'audit_runs', count(*)::int from audit_runs where status = 'running'`,
    );
    expect(leased).toEqual([
      { what: 'jobs', count: 0 },
      { what: 'audit_runs', count: 0 },
    ]);
    const pdfs = await queryRows<{ certificates: number; pdfs: number }>(
      db,
      sql`select (select count(*)::int from certificates where year = ${lastYear}) as certificates,
                 (select count(*)::int from certificate_pdfs) as pdfs`,
    );
    // The certificates of last year (the demo learner's unit) each got their one PDF.
    expect(pdfs[0]?.certificates).toBeGreaterThan(0);
    expect(pdfs[0]?.pdfs).toBe(pdfs[0]?.certificates);

    // 4. SIGTERM: every process stops by itself with exit 0.
    for (const child of children) child.process.kill('SIGTERM');
    const codes = await Promise.all(children.map((child) => child.exited));
    expect(codes, children.map((child) => `${child.name}:\n${child.output()}`).join('\n')).toEqual([
      0, 0, 0,
    ]);

    console.info(
      `multi-process: start-up ${String(startedUp - started)} ms, concurrent part and background work ${String(settled - startedUp)} ms, ${String(answers.length)} requests, ${String(swipes.length)} check-ins, ${String(pending.length)} claims raced, ${String(jobIds.length)} jobs, total ${String(Date.now() - started)} ms`,
    );
  }, 150_000);
});
