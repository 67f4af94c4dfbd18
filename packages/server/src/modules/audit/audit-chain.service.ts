import type { AuditDecision, FileAuditResult, ReportList, UnitReport } from '@jijiao/contracts';
import type { Actor } from '../../platform/auth/actor';
import type { AuditDeps } from './audit-deps';
import { fileAudit } from './audit-filing';
import { reportsWaiting, reviewReport } from './audit-report-review';
import { unitReportStep } from './audit-report-steps';

/**
 * The unit report walking the unit's review chain (snapshotted when reported), the
 * reviewing bodies' approve/return, and the province's filing (备案). A façade over
 * audit-report-steps.ts, audit-report-review.ts and audit-filing.ts.
 */
export class AuditChainService {
  readonly #deps: AuditDeps;

  constructor(deps: AuditDeps) {
    this.#deps = deps;
  }

  /** The unit confirms its list: pending/returned → confirmed. */
  confirm(
    actor: Actor,
    id: string,
    unitId: string,
    version: number,
    ip: string,
  ): Promise<UnitReport> {
    return unitReportStep(this.#deps, actor, id, unitId, version, ip, 'confirm');
  }

  /** The unit reports up (上报): confirmed → reported, at the first body of its chain. */
  report(
    actor: Actor,
    id: string,
    unitId: string,
    version: number,
    ip: string,
  ): Promise<UnitReport> {
    return unitReportStep(this.#deps, actor, id, unitId, version, ip, 'report');
  }

  /** Reports waiting at the caller's level (a body may act for the bodies below it). */
  waiting(actor: Actor, id: string): Promise<ReportList> {
    return reportsWaiting(this.#deps, actor, id);
  }

  /** The reviewing body at the current step approves: next step, or approved at the last. */
  approve(
    actor: Actor,
    id: string,
    unitId: string,
    body: AuditDecision,
    ip: string,
  ): Promise<UnitReport> {
    return reviewReport(this.#deps, actor, id, unitId, body, ip, 'approve');
  }

  /** The reviewing body returns the report to the unit, with a reason. */
  returnReport(
    actor: Actor,
    id: string,
    unitId: string,
    body: AuditDecision,
    ip: string,
  ): Promise<UnitReport> {
    return reviewReport(this.#deps, actor, id, unitId, body, ip, 'return');
  }

  /**
   * The province files the audit (备案) once every unit report is approved: certificates
   * for every compliant person and the results queued for the HR platform (audit-filing.ts).
   */
  file(actor: Actor, id: string, version: number, ip: string): Promise<FileAuditResult> {
    return fileAudit(this.#deps, actor, id, version, ip);
  }
}
