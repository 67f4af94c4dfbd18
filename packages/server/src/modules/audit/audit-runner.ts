import type { AuditRun } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { isUniqueViolation } from '../../platform/db/pg-errors';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.service';
import type { AuditDeps } from './audit-deps';
import type { AuditRow } from './audit-records.repository';
import { executeRun, type RunProgress } from './audit-run-job';
import { toRun } from './audit-view';

/**
 * A running run whose job has not beaten for this long is taken as dead (its process
 * stopped) and may be replaced. A batch of 2000 people takes well under a second.
 */
export const runLeaseMs = 5 * 60_000;

/**
 * Starts evaluation runs (audit-run-job.ts) and keeps the jobs running in this process,
 * so that a second start here answers 409 before it reaches the database's guard.
 */
export class AuditRunner {
  readonly #deps: AuditDeps;
  /** Jobs running in this process, by audit id. */
  readonly #running = new Map<string, Promise<AuditRun>>();

  constructor(deps: AuditDeps) {
    this.#deps = deps;
  }

  /** Starts the job in the background; its progress is read from the run row. */
  async start(actor: Actor, audit: AuditRow, province: OrgRow, ip: string): Promise<AuditRun> {
    const run = await this.#createRun(actor, audit, province, ip);
    const job = executeRun(this.#deps, audit, province, run.id).finally(() =>
      this.#running.delete(audit.id),
    );
    this.#running.set(audit.id, job);
    job.catch(() => undefined); // the failure is recorded on the run
    return toRun(run);
  }

  /** Runs the job to the end (the CLI), reporting progress after each batch. */
  async run(
    actor: Actor,
    audit: AuditRow,
    province: OrgRow,
    onProgress?: RunProgress,
  ): Promise<AuditRun> {
    const run = await this.#createRun(actor, audit, province, '');
    const job = executeRun(this.#deps, audit, province, run.id, onProgress).finally(() =>
      this.#running.delete(audit.id),
    );
    this.#running.set(audit.id, job);
    return job;
  }

  /** Waits for the job of this process on the audit, if any; never throws. */
  async settle(auditId: string): Promise<void> {
    await this.#running.get(auditId)?.catch(() => undefined);
  }

  async #createRun(actor: Actor, audit: AuditRow, province: OrgRow, ip: string) {
    if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
    if (this.#running.has(audit.id)) {
      throw new AppError('conflict', 'The evaluation of this audit is already running');
    }
    const { db, repository, clock } = this.#deps;
    if ((await repository.reports.reportsBeyondUnit(db, audit.id)) > 0) {
      throw new AppError(
        'invalid_state',
        'Units have reported already: their reports must be returned before a re-run',
      );
    }
    const now = clock.now();
    const staleBefore = new Date(now.getTime() - runLeaseMs);
    return db.transaction(async (tx) => {
      await repository.records.failInterruptedRuns(tx, audit.id, now, staleBefore);
      // The partial unique index admits one running run per audit: a run started by
      // another process (the CLI beside the server, a second server) answers 409 here.
      const run = await repository.records
        .insertRun(tx, {
          auditId: audit.id,
          status: 'running',
          startedBy: actor.userId,
          startedAt: now,
          heartbeatAt: now,
        })
        .catch((error: unknown) => {
          if (!isUniqueViolation(error)) throw error;
          throw new AppError(
            'conflict',
            'The evaluation of this audit is already running (started by another process)',
          );
        });
      await this.#deps.auditLog.record(
        actorEvent(actor, 'audit.run_started', ip, {
          targetType: 'audit',
          targetId: audit.id,
          orgPath: province.path,
          details: { runId: run.id, year: audit.year },
        }),
        tx,
      );
      return run;
    });
  }
}
