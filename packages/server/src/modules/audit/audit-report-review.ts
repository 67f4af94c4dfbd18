import type { AuditDecision, ReportList, UnitReport } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { notFound } from '../../platform/auth/policy';
import { AppError } from '../../platform/errors/app-error';
import { auditFor, reviewerCheck } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { reportTransition, reportView, staleReport } from './audit-report-steps';
import { toUnitReport } from './audit-view';
import { auditReviewScope } from './audit.policy';

export async function reportsWaiting(
  deps: AuditDeps,
  actor: Actor,
  id: string,
): Promise<ReportList> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:review');
  const { db, repository, clock } = deps;
  const rows = await repository.reports.reportsWaitingWithin(db, audit.id, auditReviewScope(actor));
  const byId = new Map(
    (await repository.people.orgsWithin(db, province.path)).map((o) => [o.id, o]),
  );
  const now = clock.now();
  return {
    items: rows
      .map((r) => toUnitReport(r.report, audit, byId, now))
      .sort((a, b) => a.unitName.localeCompare(b.unitName)),
  };
}

/** The reviewing body at the current step approves (next step, or approved) or returns. */
export async function reviewReport(
  deps: AuditDeps,
  actor: Actor,
  id: string,
  unitId: string,
  body: AuditDecision,
  ip: string,
  action: 'approve' | 'return',
): Promise<UnitReport> {
  const { audit, province } = await auditFor(deps, actor, id, 'audit:review');
  if (action === 'return' && !body.reason) {
    throw new AppError('validation_failed', 'reason: required to return', undefined, [
      { path: 'reason', message: 'required to return' },
    ]);
  }
  const { db, repository } = deps;
  const unit = await deps.orgs.findAny(unitId);
  const current = unit ? await repository.reports.findReport(db, audit.id, unit.id) : undefined;
  const access = current
    ? await reviewerCheck(deps, actor, current.chainSteps, current.currentReviewerOrgId)
    : 'hidden';
  if (!unit || !unit.path.startsWith(province.path) || !current || access === 'hidden') {
    throw notFound({ what: 'report', details: { unitId } });
  }
  if (current.version !== body.version) throw staleReport(unit.id);
  if (current.status !== 'reported') {
    throw new AppError('invalid_state', `A ${current.status} report is not waiting for review`);
  }
  if (access === 'other') {
    throw new AppError('forbidden', 'The report is waiting at another reviewing body');
  }
  const row = await db.transaction(async (tx) => {
    if (action === 'return') {
      return reportTransition(
        deps,
        tx,
        actor,
        ip,
        audit,
        unit,
        current,
        body.version,
        'returned',
        {
          status: 'returned',
          currentStep: 0,
          currentReviewerOrgId: null,
          returnReason: body.reason ?? null,
        },
        body.reason,
      );
    }
    const next = current.chainSteps[current.currentStep + 1];
    return reportTransition(
      deps,
      tx,
      actor,
      ip,
      audit,
      unit,
      current,
      body.version,
      'approved',
      next
        ? { status: 'reported', currentStep: current.currentStep + 1, currentReviewerOrgId: next }
        : { status: 'approved', currentReviewerOrgId: null },
      body.reason,
    );
  });
  return reportView(deps, audit, row);
}
