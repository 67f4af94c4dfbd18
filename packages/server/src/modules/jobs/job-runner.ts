import type { JobKind } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { AppError } from '../../platform/errors/app-error';
import { throttledProgress, type ProgressListener } from '../../platform/jobs/progress';
import { actorOfJob } from './job-actor';
import type { JobsService, TakenJob } from './jobs.service';

/** What a handler is given: the job's owner as actor, its parameters, file and progress. */
export interface JobContext {
  jobId: string;
  actor: Actor;
  params: unknown;
  input: Buffer | null;
  fileName: string | null;
  /**
   * Throttled; throws `conflict` when another runner took the job over (its lease ran out),
   * and throws at once when this process is stopping (the job is handed back to the queue).
   */
  progress: ProgressListener;
  /** Aborted when this process begins to stop: long work may look at it between steps. */
  signal: AbortSignal;
  /**
   * How long a runner holds a job without a sign of life. Anything an earlier attempt left
   * behind longer ago than this has no living writer.
   */
  leaseMs: number;
}

/**
 * Runs one job and answers its result (JSON). A thrown AppError fails the job with its
 * code and message; any other error fails it as `internal`, logged. A handler must be safe
 * to run again: a job whose process stopped is taken again once its lease runs out.
 */
export type JobHandler = (context: JobContext) => Promise<unknown>;

export interface JobRunnerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunnerOptions {
  jobs: Pick<JobsService, 'take' | 'renew' | 'finish' | 'release'>;
  handlers: Partial<Record<JobKind, JobHandler>>;
  /** How long a taken job is held without a sign of life; renewed every third of it. */
  leaseMs?: number;
  /** Milliseconds between looks when no job is waiting. */
  pollMs?: number;
  /** Progress is written at most once per this many rows. */
  progressEvery?: number;
  log?: JobRunnerLog;
}

/** Thrown into a job's work when its process stops; the job goes back to the queue. */
class JobInterrupted extends Error {
  constructor() {
    super('The server is stopping: the job goes back to the queue');
  }
}

/**
 * Takes queued jobs one at a time and runs them, in any number of server processes
 * (`FOR UPDATE SKIP LOCKED`). Started with the server, stopped on shutdown: `stop` aborts
 * the job in hand at its next progress report and hands it back to the queue, where another
 * process takes it at once (ADR 0040); work that reports no progress is waited for. One cut
 * short without that (the process killed) is taken again after its lease.
 */
export class JobRunner {
  private readonly stopping = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  readonly #options: JobRunnerOptions;

  constructor(options: JobRunnerOptions) {
    this.#options = options;
  }

  private get leaseMs(): number {
    return this.#options.leaseMs ?? 60_000;
  }

  /** Takes and runs one job; false when none was waiting. */
  async runOnce(): Promise<boolean> {
    const kinds = Object.keys(this.#options.handlers);
    const job = await this.#options.jobs.take(kinds, this.leaseMs);
    if (!job) return false;
    await this.run(job);
    return true;
  }

  /** Runs jobs until none is waiting (tests, and each tick of `start`). */
  async drain(): Promise<number> {
    let ran = 0;
    while (!this.stopping.signal.aborted && (await this.runOnce())) ran++;
    return ran;
  }

  private async run(job: TakenJob): Promise<void> {
    const { jobs, handlers, log } = this.#options;
    const handler = handlers[job.kind as JobKind];
    let lost = false;
    const renew = async (progress?: { done: number; total: number | null }) => {
      if (!(await jobs.renew(job, this.leaseMs, progress))) lost = true;
    };
    const heartbeat = setInterval(() => {
      renew().catch((error: unknown) =>
        log?.error({ err: error, jobId: job.id }, 'job heartbeat failed'),
      );
    }, this.leaseMs / 3);
    heartbeat.unref();
    const throttled = throttledProgress(async (done, total) => {
      await renew({ done, total });
      if (lost) throw new AppError('conflict', 'The job was taken over by another runner');
    }, this.#options.progressEvery ?? 500);
    const { signal } = this.stopping;
    const progress: ProgressListener = async (done, total) => {
      if (signal.aborted) throw new JobInterrupted();
      await throttled(done, total);
    };
    try {
      if (!handler) throw new AppError('internal', `No handler for jobs of kind ${job.kind}`);
      const result = await handler({
        jobId: job.id,
        actor: actorOfJob(job.id, job.actor),
        params: job.params,
        input: job.input,
        fileName: job.fileName,
        progress,
        signal,
        leaseMs: this.leaseMs,
      });
      clearInterval(heartbeat);
      if (!(await jobs.finish(job, { status: 'succeeded', result })))
        log?.error({ jobId: job.id }, 'job finished after its lease was taken over');
      else log?.info({ jobId: job.id, kind: job.kind }, 'job succeeded');
    } catch (error) {
      clearInterval(heartbeat);
      if (signal.aborted) {
        // Stopping: not a failure of the job. Queued again now, the next attempt (fenced: a
        // job another runner took over stays theirs).
        if (await jobs.release(job))
          log?.info({ jobId: job.id, kind: job.kind }, 'job handed back to the queue (stopping)');
        return;
      }
      const known = error instanceof AppError;
      if (!known) log?.error({ err: error, jobId: job.id }, 'job failed');
      await jobs.finish(job, {
        status: 'failed',
        error: known
          ? { code: error.code, message: error.message }
          : { code: 'internal', message: 'The job failed; the server log has the details' },
      });
    }
  }

  start(): void {
    const tick = () => {
      this.running = this.drain()
        .then(() => undefined)
        .catch((error: unknown) => {
          this.#options.log?.error({ err: error }, 'job runner failed');
        })
        .finally(() => {
          if (!this.stopping.signal.aborted) {
            this.timer = setTimeout(tick, this.#options.pollMs ?? 1000);
            this.timer.unref();
          }
        });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
