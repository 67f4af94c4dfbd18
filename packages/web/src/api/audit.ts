import {
  auditListSchema,
  auditProgressSchema,
  auditResultSchema,
  auditRunSchema,
  auditSchema,
  fileAuditResultSchema,
  reportListSchema,
  unitAuditSchema,
  unitReportSchema,
  type Audit,
  type AuditList,
  type AuditOpen,
  type AuditProgress,
  type AuditResult,
  type AuditRun,
  type FileAuditResult,
  type ReportList,
  type UnitAudit,
  type UnitReport,
} from '@jijiao/contracts';
import { request } from './client';

const auditPath = (id: string) => `/api/v1/audits/${encodeURIComponent(id)}`;
const unitPath = (id: string, unitId: string) =>
  `${auditPath(id)}/units/${encodeURIComponent(unitId)}`;

export function listAudits(): Promise<AuditList> {
  return request('GET', '/api/v1/audits', auditListSchema);
}

export function openAudit(body: AuditOpen): Promise<Audit> {
  return request('POST', '/api/v1/audits', auditSchema, { body });
}

export function startAuditRun(id: string): Promise<AuditRun> {
  return request('POST', `${auditPath(id)}/runs`, auditRunSchema);
}

export function fetchAuditRun(id: string): Promise<AuditRun | null> {
  return request('GET', `${auditPath(id)}/run`, auditRunSchema.nullable());
}

export function fetchAuditProgress(id: string): Promise<AuditProgress> {
  return request('GET', `${auditPath(id)}/progress`, auditProgressSchema);
}

export function fileAudit(id: string, version: number): Promise<FileAuditResult> {
  return request('POST', `${auditPath(id)}/file`, fileAuditResultSchema, { body: { version } });
}

export function fetchUnitAudit(id: string, unitId: string): Promise<UnitAudit> {
  return request('GET', unitPath(id, unitId), unitAuditSchema);
}

export function setAuditNote(
  id: string,
  unitId: string,
  personId: string,
  note: string | null,
): Promise<AuditResult> {
  return request(
    'PUT',
    `${unitPath(id, unitId)}/people/${encodeURIComponent(personId)}/note`,
    auditResultSchema,
    { body: { note } },
  );
}

export function unitReportStep(
  id: string,
  unitId: string,
  step: 'confirm' | 'report',
  version: number,
): Promise<UnitReport> {
  return request('POST', `${unitPath(id, unitId)}/${step}`, unitReportSchema, {
    body: { version },
  });
}

export function fetchWaitingReports(id: string): Promise<ReportList> {
  return request('GET', `${auditPath(id)}/reports`, reportListSchema);
}

export function reviewUnitReport(
  id: string,
  unitId: string,
  action: 'approve' | 'return',
  body: { version: number; reason?: string | undefined },
): Promise<UnitReport> {
  return request('POST', `${unitPath(id, unitId)}/${action}`, unitReportSchema, { body });
}
