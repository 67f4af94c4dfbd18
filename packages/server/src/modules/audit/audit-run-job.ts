import { availableParallelism } from 'node:os';
import type { AuditRun } from '@jijiao/contracts';
import type { OrgRow } from '../orgs/orgs.service';
import type { AuditDeps } from './audit-deps';
import type { AuditRow } from './audit-records.repository';
import { toRun } from './audit-view';

/** People read per SQL pass, and result rows per INSERT. */
export const jobBatch = { read: 2000, write: 1000 } as const;

export type RunProgress = (run: AuditRun) => void;

/** Units grouped so that each group has about `size` people (a big unit is a group alone). */
export function cutBatches(
  counts: readonly { unitId: string; people: number }[],
  size: number,
): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let people = 0;
  for (const c of counts) {
    if (current.length > 0 && people + c.people > size) {
      batches.push(current);
      current = [];
      people = 0;
    }
    current.push(c.unitId);
    people += c.people;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/**
 * The job (ADR 0018): the standings of the year are brought up to date first — whoever of
 * the province has none is queued, and the queue is drained, so only what is stale is
 * evaluated — then each batch of units is one `INSERT … SELECT` from the stored standings
 * into the results, and the progress. Batches commit on their own so that progress is
 * visible, one writer per core (disjoint units, so they never touch the same rows); the end
 * (stale rows, unit totals, status) is one transaction. Re-running is idempotent: results
 * are keyed by audit and person, notes are kept.
 */
export async function executeRun(
  deps: AuditDeps,
  audit: AuditRow,
  province: OrgRow,
  runId: string,
  onProgress?: RunProgress,
): Promise<AuditRun> {
  const { db, repository, clock } = deps;
  try {
    const counts = await repository.people.staffCounts(db, province.path);
    const total = counts.reduce((sum, c) => sum + c.people, 0);
    await repository.records.updateRun(db, runId, { total });
    const report = (done: number, compliant: number) => {
      const at = clock.now();
      onProgress?.(
        toRun({
          id: runId,
          auditId: audit.id,
          status: 'running',
          total: Math.max(total, done),
          done,
          compliant,
          startedBy: null,
          startedAt: at,
          heartbeatAt: at,
          finishedAt: null,
          error: null,
        }),
      );
    };
    // A long drain (after a rules change) beats the run's heartbeat after each batch.
    await deps.standings.ensureYear(province.path, audit.year, async () => {
      await repository.records.updateRun(db, runId, { heartbeatAt: clock.now() });
    });
    let done = 0;
    let compliant = 0;
    const batches = cutBatches(counts, jobBatch.read);
    let next = 0;
    // The first failure stops every writer before its next batch; the run then fails with it.
    const failures: Error[] = [];
    const writer = async () => {
      while (failures.length === 0 && next < batches.length) {
        const unitIds = batches[next++] ?? [];
        try {
          const written = await repository.results.snapshotStandings(db, {
            auditId: audit.id,
            runId,
            year: audit.year,
            unitIds,
          });
          done += written.people;
          compliant += written.compliant;
          await repository.records.updateRun(db, runId, {
            done,
            compliant,
            total: Math.max(total, done),
            heartbeatAt: clock.now(),
          });
          report(done, compliant);
        } catch (error) {
          failures.push(error instanceof Error ? error : new Error(String(error)));
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(availableParallelism(), batches.length) }, writer),
    );
    if (failures[0]) throw failures[0];
    await db.transaction(async (tx) => {
      await repository.results.deleteStaleResults(tx, audit.id, runId);
      await repository.reports.refreshUnitReports(tx, audit.id, clock.now());
      await repository.records.updateRun(tx, runId, {
        status: 'succeeded',
        done,
        total: done,
        compliant,
        finishedAt: clock.now(),
      });
      await deps.auditLog.record(
        {
          action: 'audit.run_finished',
          targetType: 'audit',
          targetId: audit.id,
          orgPath: province.path,
          details: { runId, people: done, compliant },
        },
        tx,
      );
    });
  } catch (error) {
    await repository.records.updateRun(db, runId, {
      status: 'failed',
      error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
      finishedAt: clock.now(),
    });
    throw error;
  }
  const run = await repository.records.findRun(db, runId);
  if (!run) throw new Error('run vanished');
  return toRun(run);
}
