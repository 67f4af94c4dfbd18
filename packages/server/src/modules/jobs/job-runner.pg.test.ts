import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { ErrorResponse, Job } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { JobRunner, type JobHandler } from './job-runner';
import type { JobsService } from './jobs.service';

const t = await buildTestApp();
const f = createFactories(t);
const { jobs } = f.services;
const tree = await f.buildOrgTree();
const owner = await f.buildUser({ role: 'unit_admin', org: tree.unit });
const ownerActor = await f.actorOf(owner);

/** Jobs of a kind no other test here queues, so each test sees only its own. */
async function queue(n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const { jobId } = await jobs.enqueue(ownerActor, {
      kind: 'people_import',
      params: { n: i },
      input: Buffer.from(`file ${i}`),
      fileName: `f${i}.xlsx`,
    });
    ids.push(jobId);
  }
  return ids;
}

async function clearQueue(): Promise<void> {
  await queryRows(
    t.database.db,
    sql`update jobs set status = 'failed', input = null where status in ('queued', 'running')`,
  );
}

async function rowOf(id: string) {
  const [row] = await queryRows<{
    status: string;
    attempts: number;
    input: unknown;
    error: { code: string } | null;
  }>(t.database.db, sql`select status, attempts, input, error from jobs where id = ${id}`);
  return row;
}

function runner(
  handler: JobHandler,
  extra: Partial<ConstructorParameters<typeof JobRunner>[0]> = {},
) {
  return new JobRunner({ jobs, handlers: { people_import: handler }, ...extra });
}

describe('taking jobs', () => {
  it('gives one queued job to exactly one of many runners asking at once', async () => {
    await clearQueue();
    const [id] = await queue(1);
    const taken = await Promise.all(
      Array.from({ length: 6 }, () => jobs.take(['people_import'], 60_000)),
    );
    const got = taken.filter((j) => j !== undefined);
    expect(got.map((j) => j.id)).toEqual([id]);
    expect((await rowOf(id!))?.status).toBe('running');
  });

  it('gives different jobs to runners asking at once (skip locked, no waiting)', async () => {
    await clearQueue();
    const ids = await queue(4);
    const taken = await Promise.all(
      Array.from({ length: 4 }, () => jobs.take(['people_import'], 60_000)),
    );
    expect(taken.map((j) => j?.id).sort()).toEqual([...ids].sort());
    expect(await jobs.take(['people_import'], 60_000)).toBeUndefined();
  });

  it('takes a job again once its lease ran out, fences the old attempt, then gives up', async () => {
    await clearQueue();
    const [id] = await queue(1);
    const first = await jobs.take(['people_import'], 60_000);
    expect(first?.id).toBe(id);
    // The process holding it stops: no heartbeat. Within the lease nobody takes it.
    t.clock.advanceMinutes(0.5);
    expect(await jobs.take(['people_import'], 60_000)).toBeUndefined();
    t.clock.advanceMinutes(1);
    const second = await jobs.take(['people_import'], 60_000);
    expect(second?.id).toBe(id);
    expect(second?.attempts).toBe(2);
    expect(second?.input?.toString()).toBe('file 0');
    // The first attempt, were it still alive, can neither renew nor finish.
    expect(await jobs.renew(first!, 60_000, { done: 1, total: 2 })).toBe(false);
    expect(await jobs.finish(first!, { status: 'succeeded', result: {} })).toBe(false);
    // The second stops too: with no attempt left the job is failed, its file dropped.
    t.clock.advanceMinutes(2);
    expect(await jobs.take(['people_import'], 60_000)).toBeUndefined();
    const row = await rowOf(id!);
    expect(row?.status).toBe('failed');
    expect(row?.error?.code).toBe('internal');
    expect(row?.input).toBeNull();
  });
});

describe('stopping', () => {
  it('hands the job in hand back to the queue at once; the next runner takes it', async () => {
    await clearQueue();
    const [id] = await queue(1);
    let began: () => void = () => undefined;
    const running = new Promise<void>((resolve) => (began = resolve));
    let steps = 0;
    const endless = runner(
      async ({ progress, signal }) => {
        began();
        // Work that would run for ever: only the stop ends it.
        for (let i = 0; ; i++) {
          await progress(i, null);
          steps++;
          await new Promise((resolve) => setTimeout(resolve, signal.aborted ? 0 : 5));
        }
      },
      { pollMs: 10 },
    );
    endless.start();
    await running;
    const stopAsked = performance.now();
    await endless.stop();
    expect(performance.now() - stopAsked).toBeLessThan(1000);
    expect(steps).toBeGreaterThan(0);
    expect(await rowOf(id!)).toMatchObject({ status: 'queued', attempts: 1, error: null });
    const [lease] = await queryRows<{ lease_until: string | null }>(
      t.database.db,
      sql`select lease_until from jobs where id = ${id!}`,
    );
    expect(lease?.lease_until).toBeNull();

    const next = runner(({ input }) => Promise.resolve({ file: input?.toString() }));
    expect(await next.drain()).toBe(1);
    expect(await rowOf(id!)).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('does not hand back a job whose lease another runner took over', async () => {
    await clearQueue();
    const [id] = await queue(1);
    const taken = await jobs.take(['people_import'], 60_000);
    if (!taken) throw new Error('no job');
    await queryRows(t.database.db, sql`update jobs set attempts = attempts + 1 where id = ${id!}`);
    expect(await jobs.release(taken)).toBe(false);
    expect((await rowOf(id!))?.status).toBe('running');
  });
});

describe('running jobs', () => {
  it('runs a handler as the job’s owner and keeps its result; progress is throttled', async () => {
    await clearQueue();
    const [id] = await queue(1);
    const renewals: ({ done: number; total: number | null } | undefined)[] = [];
    const counting: Pick<JobsService, 'take' | 'renew' | 'finish' | 'release'> = {
      take: (kinds, lease) => jobs.take(kinds, lease),
      release: (job) => jobs.release(job),
      renew: (job, lease, progress) => {
        renewals.push(progress);
        return jobs.renew(job, lease, progress);
      },
      finish: (job, end) => jobs.finish(job, end),
    };
    let seenUser = '';
    const r = new JobRunner({
      jobs: counting,
      progressEvery: 500,
      handlers: {
        people_import: async ({ actor, progress, input }) => {
          seenUser = actor.userId;
          await progress(0, null);
          for (let i = 1; i <= 2000; i++) await progress(i, 2000);
          return { rows: 2000, file: input?.toString() };
        },
      },
    });
    expect(await r.drain()).toBe(1);
    expect(seenUser).toBe(owner.id);
    const written = renewals.filter((p) => p !== undefined);
    // Total known, then every 500 rows: a handful of writes for 2000 calls.
    expect(written.length).toBeLessThanOrEqual(6);
    expect(written.at(-1)).toEqual({ done: 2000, total: 2000 });
    const [row] = await queryRows<{ status: string; result: unknown; input: unknown }>(
      t.database.db,
      sql`select status, result, input from jobs where id = ${id!}`,
    );
    expect(row).toEqual({
      status: 'succeeded',
      result: { rows: 2000, file: 'file 0' },
      input: null,
    });
  });

  it('fails a job with the code of an AppError, and as internal otherwise', async () => {
    await clearQueue();
    const [known, unknown] = await queue(2);
    const r = runner(({ params }) => {
      if ((params as { n: number }).n === 0)
        throw new AppError('conflict', 'This file was already imported into this unit');
      throw new Error('boom');
    });
    expect(await r.drain()).toBe(2);
    expect((await rowOf(known!))?.error).toEqual({
      code: 'conflict',
      message: 'This file was already imported into this unit',
    });
    expect((await rowOf(unknown!))?.error?.code).toBe('internal');
  });
});

describe('GET /api/v1/jobs/:id', () => {
  it('shows a job to its owner only; anyone else gets the 404 of a job that does not exist', async () => {
    await clearQueue();
    const [id] = await queue(1);
    const mine = await t.signIn(owner.username);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${id!}`,
      headers: mine.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json<Job>();
    expect(job).toMatchObject({ id, kind: 'people_import', status: 'queued', result: null });
    expect(job.progress).toEqual({ done: 0, total: null });

    const colleague = await f.buildUser({ role: 'unit_admin', org: tree.unit });
    const other = await t.signIn(colleague.username);
    const seen = await t.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${id!}`,
      headers: other.headers,
    });
    const missing = await t.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/00000000-0000-4000-8000-000000000000`,
      headers: other.headers,
    });
    expect(seen.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    expect(seen.json<ErrorResponse>().error.message).toBe(
      missing.json<ErrorResponse>().error.message,
    );
    const report = await t.app.inject({
      method: 'GET',
      url: `/api/v1/jobs/${id!}/report.xlsx`,
      headers: mine.headers,
    });
    expect(report.statusCode).toBe(409);
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/v1/jobs/${id!}` });
    expect(anonymous.statusCode).toBe(401);
  });
});
