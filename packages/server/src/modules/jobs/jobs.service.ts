import type { Readable } from 'node:stream';
import {
  errorCodeSchema,
  certificatePdfsResultSchema,
  importReportOf,
  importReportSchema,
  type ErrorCode,
  type ImportReport,
  type Job,
  type JobAccepted,
  type JobKind,
} from '@jijiao/contracts';
import { z } from 'zod';
import type { Actor } from '../../platform/auth/actor';
import { visibleOr404 } from '../../platform/auth/policy';
import type { Clock } from '../../platform/clock';
import type { Db, DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { importReportWorkbook } from '../../platform/excel';
import { jobActorOf } from './job-actor';
import type { JobRow, JobsRepository, TakenJob } from './jobs.repository';
import { canReadJob } from './jobs.policy';

export type { TakenJob } from './jobs.repository';

export interface JobsDeps {
  db: Db;
  clock: Clock;
  repository: JobsRepository;
}

export interface JobRequest {
  kind: JobKind;
  /** The org subtree the job works in, when it has one. */
  orgPath?: string | undefined;
  /** What the handler needs besides the file: plain JSON. */
  params: Record<string, unknown>;
  input?: Buffer | undefined;
  fileName?: string | undefined;
}

export interface JobFailure {
  code: ErrorCode;
  message: string;
}

const storedError = z.object({ code: errorCodeSchema, message: z.string() });

function toJob(row: JobRow): Job {
  const result = (
    row.kind === 'certificate_pdfs' ? certificatePdfsResultSchema : importReportSchema
  ).safeParse(row.result);
  const error = storedError.safeParse(row.error);
  return {
    id: row.id,
    kind: row.kind as JobKind,
    status: row.status as Job['status'],
    progress: { done: row.progressDone, total: row.progressTotal },
    result: result.success ? result.data : null,
    error: error.success ? error.data : null,
    fileName: row.fileName,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/**
 * Background jobs on the database (ADR 0024): requests queue them, `JobRunner` takes and
 * runs them, their owner follows them. Generic: what a job does is its kind's handler.
 */
export class JobsService {
  readonly #deps: JobsDeps;

  constructor(deps: JobsDeps) {
    this.#deps = deps;
  }

  /**
   * Queues a job for the actor; it acts later with the actor's grants of now. Inside the
   * caller's transaction when one is given, so the job exists only if its cause commits.
   */
  async enqueue(actor: Actor, request: JobRequest, tx?: DbOrTx): Promise<JobAccepted> {
    const { db, clock, repository } = this.#deps;
    const row = await repository.insert(tx ?? db, {
      kind: request.kind,
      ownerId: actor.userId,
      orgPath: request.orgPath ?? actor.grants[0]?.orgPath ?? null,
      actor: jobActorOf(actor),
      params: request.params,
      input: request.input ?? null,
      fileName: request.fileName ?? null,
      createdAt: clock.now(),
    });
    return { jobId: row.id, status: 'queued' };
  }

  /**
   * Like `enqueue`, unless the same job (kind, subtree, parameters) is still queued: then
   * that one answers, since it will do the same work when it runs.
   */
  async enqueueOnce(actor: Actor, request: JobRequest, tx?: DbOrTx): Promise<JobAccepted> {
    const waiting = await this.#deps.repository.findQueued(tx ?? this.#deps.db, {
      kind: request.kind,
      orgPath: request.orgPath ?? actor.grants[0]?.orgPath ?? null,
      params: request.params,
    });
    return waiting ? { jobId: waiting.id, status: 'queued' } : this.enqueue(actor, request, tx);
  }

  async get(actor: Actor, id: string): Promise<Job> {
    const row = visibleOr404(
      await this.#deps.repository.find(this.#deps.db, id),
      canReadJob,
      actor,
      {
        what: 'job',
        details: { id },
      },
    );
    return toJob(row);
  }

  /** A finished import job's report as xlsx; 409 `invalid_state` while it has none yet. */
  async reportWorkbook(actor: Actor, id: string): Promise<{ job: Job; workbook: Readable }> {
    const job = await this.get(actor, id);
    const report: ImportReport | null = importReportOf(job);
    if (report === null) {
      throw new AppError('invalid_state', 'The job has no report (yet)', { status: job.status });
    }
    return { job, workbook: importReportWorkbook(report) };
  }

  /** Jobs waiting and running, instance-wide: for `/metrics` (ADR 0040), no actor. */
  backlog(): Promise<{ queued: number; running: number }> {
    return this.#deps.repository.backlog(this.#deps.db);
  }

  // The runner's side: no actor, the job is the subject.

  /** Fails jobs abandoned with no attempt left, then takes the next one, if any. */
  async take(kinds: readonly string[], leaseMs: number): Promise<TakenJob | undefined> {
    const { db, clock, repository } = this.#deps;
    const now = clock.now();
    await repository.failAbandoned(db, now, {
      code: 'internal',
      message: 'The server stopped while running the job, and again on its retry',
    } satisfies JobFailure);
    return repository.takeNext(db, kinds, now, new Date(now.getTime() + leaseMs));
  }

  /** Renews the job's lease, with progress; false when another runner took it over. */
  renew(
    job: Pick<TakenJob, 'id' | 'attempts'>,
    leaseMs: number,
    progress?: { done: number; total: number | null },
  ): Promise<boolean> {
    const { db, clock, repository } = this.#deps;
    const now = clock.now();
    return repository.renew(db, job.id, job.attempts, {
      now,
      leaseUntil: new Date(now.getTime() + leaseMs),
      ...(progress ? { done: progress.done, total: progress.total } : {}),
    });
  }

  /**
   * Hands a running job back to the queue (its process is stopping), only while this
   * attempt holds it: any process takes it again at once, as the next attempt.
   */
  release(job: Pick<TakenJob, 'id' | 'attempts'>): Promise<boolean> {
    const { db, repository } = this.#deps;
    return repository.release(db, job.id, job.attempts);
  }

  finish(
    job: Pick<TakenJob, 'id' | 'attempts'>,
    end: { status: 'succeeded'; result: unknown } | { status: 'failed'; error: JobFailure },
  ): Promise<boolean> {
    const { db, clock, repository } = this.#deps;
    return repository.finish(db, job.id, job.attempts, {
      status: end.status,
      now: clock.now(),
      result: end.status === 'succeeded' ? end.result : null,
      error: end.status === 'failed' ? end.error : null,
    });
  }
}
