import type {
  AuditDecision,
  FileAuditResult,
  ReportList,
  UnitReport,
  UnitReportStatus,
} from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import { scopeOf } from '../../platform/auth/actor';
import type { DbOrTx } from '../../platform/db/database';
import { AppError } from '../../platform/errors/app-error';
import { actorEvent } from '../audit-log/audit-log.service';
import type { OrgRow } from '../orgs/orgs.repository';
import type { UnitReportRow } from './audit-reports.repository';
import type { AuditRow } from './audit-records.repository';
import { auditFor, orgMapFor, reviewerCheck, unitIn } from './audit-access';
import type { AuditDeps } from './audit-deps';
import { fileAudit } from './audit-filing';
import { toUnitReport } from './audit-view';

function staleReport(unitId: string): AppError {
  return new AppError('stale_state', 'The report was changed by someone else: reload it', {
    unitId,
  });
}

/**
 * The unit report walking the unit's review chain (snapshotted when reported), the
 * reviewing bodies' approve/return, and the province's filing (备案).
 */
export class AuditChainService {
  readonly #deps: AuditDeps;

  constructor(deps: AuditDeps) {
    this.#deps = deps;
  }

  private async reportView(audit: AuditRow, row: UnitReportRow): Promise<UnitReport> {
    const unit = await this.#deps.orgs.findAny(row.unitId);
    const byId = await orgMapFor(this.#deps, [...(unit ? [unit] : []), ...row.chainSteps]);
    return toUnitReport(row, audit, byId, this.#deps.clock.now());
  }

  private async transition(
    tx: DbOrTx,
    actor: Actor,
    ip: string,
    audit: AuditRow,
    unit: OrgRow,
    row: UnitReportRow,
    version: number,
    action: string,
    patch: Partial<UnitReportRow> & { status: UnitReportStatus },
    reason?: string,
  ): Promise<UnitReportRow> {
    const now = this.#deps.clock.now();
    const updated = await this.#deps.repository.reports.updateReportIfVersion(
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
    await this.#deps.repository.reports.insertAction(tx, {
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
    await this.#deps.auditLog.record(
      actorEvent(actor, `audit.report_${action}`, ip, {
        targetType: 'audit_unit_report',
        targetId: `${audit.id}:${unit.id}`,
        orgPath: unit.path,
        details: { from: row.status, to: patch.status, ...(reason ? { reason } : {}) },
      }),
      tx,
    );
    return updated;
  }

  /** The unit confirms its list: pending/returned → confirmed. */
  async confirm(actor: Actor, id: string, unitId: string, version: number, ip: string) {
    return this.unitStep(actor, id, unitId, version, ip, 'confirm');
  }

  /** The unit reports up (上报): confirmed → reported, at the first body of its chain. */
  async report(actor: Actor, id: string, unitId: string, version: number, ip: string) {
    return this.unitStep(actor, id, unitId, version, ip, 'report');
  }

  private async unitStep(
    actor: Actor,
    id: string,
    unitId: string,
    version: number,
    ip: string,
    action: 'confirm' | 'report',
  ): Promise<UnitReport> {
    const { audit, province } = await auditFor(this.#deps, actor, id, 'audit:report');
    const unit = await unitIn(this.#deps, actor, province, unitId, 'audit:report');
    if (audit.status !== 'open') throw new AppError('invalid_state', 'The audit is filed');
    const { db, repository, orgs } = this.#deps;
    const row = await db.transaction(async (tx) => {
      const current = await repository.reports.findReport(tx, audit.id, unit.id);
      if (!current) throw new AppError('not_found', 'The unit has no results in this audit');
      if (current.version !== version) throw staleReport(unit.id);
      if (action === 'confirm') {
        if (!['pending', 'returned'].includes(current.status)) {
          throw new AppError('invalid_state', `A ${current.status} report cannot be confirmed`);
        }
        return this.transition(tx, actor, ip, audit, unit, current, version, 'confirmed', {
          status: 'confirmed',
          confirmedAt: this.#deps.clock.now(),
        });
      }
      if (current.status !== 'confirmed') {
        throw new AppError('invalid_state', 'Confirm the list before reporting it');
      }
      const chain = await orgs.chainInForce(tx, unit);
      const steps = chain.steps.map((s) => s.orgId).filter((s) => s !== unit.id);
      const first = steps[0];
      if (!first) throw new AppError('invalid_state', 'The unit has no review chain');
      return this.transition(tx, actor, ip, audit, unit, current, version, 'reported', {
        status: 'reported',
        chainSteps: steps,
        chainVersion: chain.version,
        currentStep: 0,
        currentReviewerOrgId: first,
        reportedAt: this.#deps.clock.now(),
        returnReason: null,
      });
    });
    return this.reportView(audit, row);
  }

  /** Reports waiting at the caller's level (a body may act for the bodies below it). */
  async waiting(actor: Actor, id: string): Promise<ReportList> {
    const { audit, province } = await auditFor(this.#deps, actor, id, 'audit:review');
    const { db, repository, clock } = this.#deps;
    const rows = await repository.reports.reportsWaitingWithin(
      db,
      audit.id,
      scopeOf(actor, 'audit:review'),
    );
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

  /** The reviewing body at the current step approves: next step, or approved at the last. */
  async approve(actor: Actor, id: string, unitId: string, body: AuditDecision, ip: string) {
    return this.review(actor, id, unitId, body, ip, 'approve');
  }

  /** The reviewing body returns the report to the unit, with a reason. */
  async returnReport(actor: Actor, id: string, unitId: string, body: AuditDecision, ip: string) {
    return this.review(actor, id, unitId, body, ip, 'return');
  }

  private async review(
    actor: Actor,
    id: string,
    unitId: string,
    body: AuditDecision,
    ip: string,
    action: 'approve' | 'return',
  ): Promise<UnitReport> {
    const { audit, province } = await auditFor(this.#deps, actor, id, 'audit:review');
    if (action === 'return' && !body.reason) {
      throw new AppError('validation_failed', 'reason: required to return', undefined, [
        { path: 'reason', message: 'required to return' },
      ]);
    }
    const { db, repository } = this.#deps;
    const unit = await this.#deps.orgs.findAny(unitId);
    const current = unit ? await repository.reports.findReport(db, audit.id, unit.id) : undefined;
    const access = current
      ? await reviewerCheck(this.#deps, actor, current.chainSteps, current.currentReviewerOrgId)
      : 'hidden';
    if (!unit || !unit.path.startsWith(province.path) || !current || access === 'hidden') {
      throw new AppError('not_found', 'No such report', { unitId });
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
        return this.transition(
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
      return this.transition(
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
    return this.reportView(audit, row);
  }

  /**
   * The province files the audit (备案) once every unit report is approved: certificates
   * for every compliant person and the results queued for the HR platform (audit-filing.ts).
   */
  file(actor: Actor, id: string, version: number, ip: string): Promise<FileAuditResult> {
    return fileAudit(this.#deps, actor, id, version, ip);
  }
}
