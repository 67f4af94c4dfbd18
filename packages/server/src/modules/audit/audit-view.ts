import type {
  Audit,
  AuditResult,
  AuditRun,
  EarlyAudit,
  Requirement,
  UnitReport,
  UnitReportStatus,
} from '@jijiao/contracts';
import type { OrgRow } from '../orgs/orgs.service';
import type { EarlyRequestRow, UnitReportRow } from './audit-reports.repository';
import type { ResultViewRow } from './audit-results.repository';
import type { AuditRow, AuditRunRow } from './audit-records.repository';

const dayMs = 86_400_000;

/** The end of a deadline day in China time (UTC+8), as an instant. */
export function deadlineEnd(day: string): number {
  return Date.parse(`${day}T00:00:00+08:00`) + dayMs;
}

/** Today's date in China time. */
export function chinaDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function toRun(row: AuditRunRow): AuditRun {
  return {
    id: row.id,
    auditId: row.auditId,
    status: row.status as AuditRun['status'],
    total: row.total,
    done: row.done,
    compliant: row.compliant,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
  };
}

export function toAudit(row: AuditRow, provinceName: string, run: AuditRunRow | undefined): Audit {
  return {
    id: row.id,
    provinceId: row.provinceId,
    provinceName,
    year: row.year,
    status: row.status as Audit['status'],
    reportDeadline: row.reportDeadline,
    earlyDeadline: row.earlyDeadline,
    openedAt: row.openedAt.toISOString(),
    filedAt: row.filedAt?.toISOString() ?? null,
    version: row.version,
    lastRun: run ? toRun(run) : null,
  };
}

export function toResult(row: ResultViewRow): AuditResult {
  return {
    personId: row.personId,
    name: row.name,
    idNumberMasked: row.idNumberMasked,
    unitId: row.unitId,
    compliant: row.compliant,
    voided: row.voided,
    totalCredits: row.totalCredits,
    classCredits: row.classCredits,
    requirements: row.requirements as Requirement[],
    credits: row.reasons as AuditResult['credits'],
    packs: row.packVersions,
    note: row.note,
    computedAt: row.computedAt.toISOString(),
  };
}

/** The city a unit belongs to (null when it reports straight to the province). */
export function cityOf(unit: OrgRow, byId: ReadonlyMap<string, OrgRow>): OrgRow | undefined {
  return unit.path
    .split('/')
    .filter(Boolean)
    .map((id) => byId.get(id))
    .find((o) => o?.kind === 'city');
}

const notYetReported: readonly UnitReportStatus[] = ['pending', 'confirmed', 'returned'];

export function toUnitReport(
  row: UnitReportRow,
  audit: AuditRow,
  byId: ReadonlyMap<string, OrgRow>,
  now: Date,
): UnitReport {
  const unit = byId.get(row.unitId);
  const status = row.status as UnitReportStatus;
  const end = audit.reportDeadline ? deadlineEnd(audit.reportDeadline) : undefined;
  const late =
    end !== undefined &&
    (notYetReported.includes(status)
      ? now.getTime() > end
      : (row.reportedAt?.getTime() ?? 0) > end);
  return {
    auditId: row.auditId,
    unitId: row.unitId,
    unitName: unit?.name ?? '',
    cityName: unit ? (cityOf(unit, byId)?.name ?? null) : null,
    status,
    chain: row.chainSteps.map((id) => ({ orgId: id, orgName: byId.get(id)?.name ?? '' })),
    currentStep: row.currentStep,
    currentReviewerOrgId: row.currentReviewerOrgId,
    people: row.people,
    compliant: row.compliant,
    rate: row.people === 0 ? 0 : Math.round((row.compliant / row.people) * 10_000) / 10_000,
    reportedAt: row.reportedAt?.toISOString() ?? null,
    returnReason: row.returnReason,
    late,
    version: row.version,
  };
}

export interface EarlyPersonResult {
  personId: string;
  name: string;
  compliant: boolean;
  totalCredits: number;
}

export function toEarly(row: EarlyRequestRow, unitName: string): EarlyAudit {
  return {
    id: row.id,
    auditId: row.auditId,
    year: row.year,
    unitId: row.unitId,
    unitName,
    status: row.status as EarlyAudit['status'],
    people: row.results as EarlyPersonResult[],
    currentStep: row.currentStep,
    currentReviewerOrgId: row.currentReviewerOrgId,
    returnReason: row.returnReason,
    requestedAt: row.requestedAt.toISOString(),
    version: row.version,
  };
}
