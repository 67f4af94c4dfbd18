import type { UnitReport, UnitReportStatus } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.service';
import { auditFor, orgMapFor, unitIn } from './audit-access';
import type { AuditDeps } from './audit-deps';
import type { AuditRow } from './audit-records.repository';
import type { UnitReportRow } from './audit-reports.repository';
import { toUnitReport } from './audit-view';

export function staleReport(unitId: string): AppError {
  return new AppError('stale_state', 'The report was changed by someone else: reload it', {
    unitId,
  });
}

/** The report as the API shows it, with the names of its unit and chain. */
export async function reportView(
  deps: AuditDeps,
  audit: AuditRow,
  row: UnitReportRow,
): Promise<UnitReport> {
  const unit = await deps.orgs.findAny(row.unitId);
  const byId = await orgMapFor(deps, [...(unit ? [unit] : []), ...row.chainSteps]);
  return toUnitReport(row, audit, byId, deps.clock.now());
}

/** One step of a report: the guarded update, its action row and the audit-log entry. */
export async function reportTransition(
  deps: AuditDeps,
  tx: DbOrTx,
  actor: Actor,
  ip: string,
  audit: AuditRow,
  unit: OrgRow,
  row: UnitReportRow,
  version: number,
  action: 'confirmed' | 'reported' | 'approved' | 'returned',
  patch: Partial<UnitReportRow> & { status: UnitReportStatus },
  reason?: string,
): Promise<UnitReportRow> {
  const now = deps.clock.now();
  const updated = await deps.repository.reports.updateReportIfVersion(
    tx,
    audit.id,
    unit.id,
    version,
    {
      ...patch,
      updatedAt: now,
    },
  );
  if (!updated) throw staleReport(unit.id);
  await deps.repository.reports.insertAction(tx, {
    auditId: audit.id,
    unitId: unit.id,
    step: row.currentStep,
    reviewerOrgId: row.currentReviewerOrgId,
    actorUserId: actor.userId,
    action,
    fromStatus: row.status,
    toStatus: patch.status,
    reason: reason ?? null,
    at: now,
  });
  await deps.auditLog.record(
    actorEvent(actor, `audit.report_${action}`, ip, {
      targetType: 'audit_unit_report',
      targetId: `${audit.id}:${unit.id}`,
      orgPath: unit.path,
      details: { from: row.status, to: patch.status, ...(reason ? { reason } : {}) },
    }),
    tx,
  );
  // The unit's officers are told their report came back, with the reason (ADR 0038).
  if (action === 'returned')
    await deps.notifications?.notifyOrgHolders(tx, [
      {
        orgId: unit.id,
        permission: 'audit:report',
        kind: 'audit_returned',
        dedupeKey: `audit:${audit.id}:${unit.id}:v${String(version + 1)}`,
        params: { year: audit.year, unit: unit.name, reason: reason ?? '—' },
        link: '/audit/unit',
      },
    ]);
  return updated;
}

/** The unit confirms its list (pending/returned → confirmed) or reports it up the chain. */
export async function unitReportStep(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  unitId: string,
  version: number,
  ip: string,
  action: 'confirm' | 'report',
): Promise<UnitReport> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:report');
  const unit = await unitIn(deps, actor, province, unitId, 'audit:report');
  if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
  const { db, repository, orgs } = deps;
  const row = await db.transaction(async (tx) => {
    const current = await repository.reports.findReport(tx, audit.id, unit.id);
    if (!current) throw new AppError('not_found', 'The unit has no results in this audit');
    if (current.version !== version) throw staleReport(unit.id);
    if (action === 'confirm') {
      if (!['pending', 'returned'].includes(current.status)) {
        throw new AppError('invalid_state', `A ${current.status} report cannot be confirmed`);
      }
      return reportTransition(deps, tx, actor, ip, audit, unit, current, version, 'confirmed', {
        status: 'confirmed',
        confirmedAt: deps.clock.now(),
      });
    }
    if (current.status !== 'confirmed') {
      throw new AppError('invalid_state', 'Confirm the list before reporting it');
    }
    const chain = await orgs.chainInForce(tx, unit);
    const steps = chain.steps.map((s) => s.orgId).filter((s) => s !== unit.id);
    const first = steps[0];
    if (!first) throw new AppError('invalid_state', 'The unit has no review chain');
    return reportTransition(deps, tx, actor, ip, audit, unit, current, version, 'reported', {
      status: 'reported',
      chainSteps: steps,
      chainVersion: chain.version,
      currentStep: 0,
      currentReviewerOrgId: first,
      reportedAt: deps.clock.now(),
      returnReason: null,
    });
  });
  return reportView(deps, audit, row);
}

/** Reports waiting at the caller's level (a body may act for the bodies below it). */
