import type { AuditResult, UnitAudit } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import { auditFor, orgMapFor, unitIn } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { toResult, toUnitReport } from './audit-view';

/** A unit's report and its staff's results, for a caller with audit:read over the unit. */
export async function unitAudit(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  unitId: string,
): Promise<UnitAudit> {
  const { audit, province } = await auditFor(deps, actor, id);
  const { db, repository, clock } = deps;
  const unit = await unitIn(deps, actor, province, unitId, 'audit:read');
  const report = await repository.reports.findReport(db, audit.id, unit.id);
  if (!report) throw new AppError('not_found', 'The unit has no results in this audit (run it)');
  const byId = await orgMapFor(deps, [unit, ...report.chainSteps.map((s) => s)]);
  const results = await repository.results.resultsOfUnit(db, audit.id, unit.id);
  return {
    report: toUnitReport(report, audit, byId, clock.now()),
    results: results.map(toResult),
  };
}

/** The unit's note on one person's result (kept across re-runs). */
export async function setResultNote(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  unitId: string,
  personId: string,
  note: string | null,
  ip: string,
): Promise<AuditResult> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:report');
  const unit = await unitIn(deps, actor, province, unitId, 'audit:report');
  if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
  const { db, repository } = deps;
  const current = await repository.results.resultOf(db, audit.id, personId);
  if (!current || current.unitId !== unit.id) {
    throw notFound({ what: 'person in this unit’s results', details: { personId } });
  }
  await db.transaction(async (tx) => {
    await repository.results.setNote(tx, audit.id, personId, note);
    await deps.auditLog.record(
      actorEvent(actor, 'audit.note_set', ip, {
        targetType: 'person',
        targetId: personId,
        orgPath: unit.path,
        details: { auditId: audit.id },
      }),
      tx,
    );
  });
  const updated = await repository.results.resultOf(db, audit.id, personId);
  if (!updated) throw new Error('result vanished');
  return toResult(updated);
}
