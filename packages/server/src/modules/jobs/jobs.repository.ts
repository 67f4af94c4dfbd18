import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { jobs } from '../../platform/db/tables/jobs';

export type NewJob = Pick<
  typeof jobs.$inferInsert,
  'kind' | 'ownerId' | 'orgPath' | 'actor' | 'params' | 'input' | 'fileName' | 'createdAt'
>;

/** A job as its owner sees it: everything but the uploaded bytes. */
export type JobRow = Omit<typeof jobs.$inferSelect, 'input' | 'actor' | 'params'>;

/** A job a runner holds: its input, and `attempts` as the fencing token of every write. */
export type TakenJob = typeof jobs.$inferSelect;

const { input: _input, actor: _actor, params: _params, ...viewColumns } = getTableColumns(jobs);

export class JobsRepository {
  /** Jobs not finished, by status (the partial index `jobs_takeable_idx` covers them). */
  async backlog(db: DbOrTx): Promise<{ queued: number; running: number }> {
    const [row] = await queryRows<{ queued: number; running: number }>(
      db,
      sql`select count(*) filter (where status = 'queued')::int as queued,
                 count(*) filter (where status = 'running')::int as running
            from jobs where status in ('queued', 'running')`,
    );
    return { queued: row?.queued ?? 0, running: row?.running ?? 0 };
  }

  async insert(db: DbOrTx, job: NewJob): Promise<JobRow> {
    const [row] = await db.insert(jobs).values(job).returning(viewColumns);
    if (!row) throw new Error('insert returned no job');
    return row;
  }

  /** A queued job of this kind, subtree and parameters (compared as JSON), if any. */
  async findQueued(
    db: DbOrTx,
    job: { kind: string; orgPath: string | null; params: unknown },
  ): Promise<{ id: string } | undefined> {
    const [row] = await db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          eq(jobs.status, 'queued'),
          eq(jobs.kind, job.kind),
          job.orgPath === null ? isNull(jobs.orgPath) : eq(jobs.orgPath, job.orgPath),
          sql`${jobs.params} = ${JSON.stringify(job.params)}::jsonb`,
        ),
      )
      .limit(1);
    return row;
  }

  async find(db: DbOrTx, id: string): Promise<JobRow | undefined> {
    const [row] = await db.select(viewColumns).from(jobs).where(eq(jobs.id, id));
    return row;
  }

  /**
   * Takes the oldest job of these kinds that is queued, or running under a lease that ran
   * out (its process stopped) and has attempts left. `FOR UPDATE SKIP LOCKED`: two runners
   * asking at once take different jobs, never the same one.
   */
  async takeNext(
    db: DbOrTx,
    kinds: readonly string[],
    now: Date,
    leaseUntil: Date,
  ): Promise<TakenJob | undefined> {
    if (kinds.length === 0) return undefined;
    const at = now.toISOString();
    // A handful of kinds: bound one by one (array literals take no underscore).
    const kindList = sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    );
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update jobs set status = 'running', attempts = attempts + 1,
            started_at = ${at}::timestamptz, heartbeat_at = ${at}::timestamptz,
            lease_until = ${leaseUntil.toISOString()}::timestamptz,
            progress_done = 0, progress_total = null
          where id = (
            select id from jobs
            where kind in (${kindList})
              and (status = 'queued'
                or (status = 'running' and lease_until <= ${at}::timestamptz
                    and attempts < max_attempts))
            order by created_at, id
            limit 1
            for update skip locked)
          returning id`,
    );
    const id = rows[0]?.id;
    if (!id) return undefined;
    const [row] = await db.select().from(jobs).where(eq(jobs.id, id));
    return row;
  }

  /** Running jobs whose lease ran out with no attempt left: failed, their input dropped. */
  async failAbandoned(db: DbOrTx, now: Date, error: object): Promise<string[]> {
    const at = now.toISOString();
    const rows = await queryRows<{ id: string }>(
      db,
      sql`update jobs set status = 'failed', finished_at = ${at}::timestamptz,
            error = ${JSON.stringify(error)}::jsonb, input = null, lease_until = null
          where status = 'running' and lease_until <= ${at}::timestamptz
            and attempts >= max_attempts
          returning id`,
    );
    return rows.map((r) => r.id);
  }

  /** Renews the lease (and records progress), only while this attempt still holds it. */
  async renew(
    db: DbOrTx,
    id: string,
    attempt: number,
    patch: { now: Date; leaseUntil: Date; done?: number; total?: number | null },
  ): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({
        heartbeatAt: patch.now,
        leaseUntil: patch.leaseUntil,
        ...(patch.done !== undefined ? { progressDone: patch.done } : {}),
        ...(patch.total !== undefined ? { progressTotal: patch.total } : {}),
      })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.attempts, attempt)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /**
   * Queues a running job again, only while this attempt still holds it; its input kept.
   * The attempt stays counted, so the next one is fenced apart from it.
   */
  async release(db: DbOrTx, id: string, attempt: number): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({ status: 'queued', leaseUntil: null })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.attempts, attempt)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Ends a job, only while this attempt still holds it; the input is dropped. */
  async finish(
    db: DbOrTx,
    id: string,
    attempt: number,
    end: { status: 'succeeded' | 'failed'; now: Date; result: unknown; error: unknown },
  ): Promise<boolean> {
    const rows = await db
      .update(jobs)
      .set({
        status: end.status,
        finishedAt: end.now,
        result: end.result ?? null,
        error: end.error ?? null,
        input: null,
        leaseUntil: null,
        progressDone: sql`coalesce(${jobs.progressTotal}, ${jobs.progressDone})`,
      })
      .where(and(eq(jobs.id, id), eq(jobs.status, 'running'), eq(jobs.attempts, attempt)))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }
}
