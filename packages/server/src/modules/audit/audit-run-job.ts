import type { AuditRun } from '@jijiao/contracts';
import type { OrgRow } from '../orgs/orgs.service';
import type { AuditDeps } from './audit-deps';
import { AuditPolicies, evaluatePerson, type AuditEvaluation } from './audit-evaluate';
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
 * The job. Each batch: one SQL pass over a batch of people with their effective claims
 * (aggregated per person), the rules engine per person in memory, one multi-row upsert
 * per 1000 results, then the progress. Batches commit on their own so that progress is
 * visible; the end (stale rows, unit totals, status) is one transaction. Re-running is
 * idempotent: results are keyed by audit and person, notes are kept.
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
    const orgRows = await repository.people.orgsWithin(db, province.path);
    const policies = new AuditPolicies(deps.policies, orgRows, audit.year);
    const units = orgRows.filter((o) => o.kind === 'unit').map((o) => o.id);
    const fromYear = policies.fromYearOf(units);
    const counts = await repository.people.staffCounts(db, province.path);
    const total = counts.reduce((sum, c) => sum + c.people, 0);
    await repository.records.updateRun(db, runId, { total });
    let done = 0;
    let compliant = 0;
    const batches = cutBatches(counts, jobBatch.read);
    const read = (unitIds: string[]) =>
      repository.people.peopleWithClaims(db, { unitIds, fromYear, year: audit.year });
    // The next batch is read while this one is evaluated and written: the database and
    // the rules engine work at the same time instead of taking turns.
    let reading = batches[0] ? read(batches[0]) : undefined;
    for (const [index, unitIds] of batches.entries()) {
      if (!reading) throw new Error(`batch ${index} (${unitIds.length} units) was not read`);
      const batch = await reading;
      const nextIds = batches[index + 1];
      reading = nextIds ? read(nextIds) : undefined;
      // Its failure surfaces when it is awaited; if this batch fails first, not unhandled.
      reading?.catch(() => undefined);
      const results: AuditEvaluation[] = batch.map((p) => evaluatePerson(policies, audit.year, p));
      const at = clock.now();
      for (let i = 0; i < results.length; i += jobBatch.write) {
        await repository.results.upsertResults(
          db,
          audit.id,
          runId,
          at,
          results.slice(i, i + jobBatch.write),
        );
      }
      done += results.length;
      compliant += results.filter((r) => r.compliant).length;
      await repository.records.updateRun(db, runId, {
        done,
        compliant,
        total: Math.max(total, done),
        heartbeatAt: clock.now(),
      });
      onProgress?.({
        ...toRun({
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
      });
    }
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
