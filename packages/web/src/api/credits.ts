import {
  complianceStatisticsSchema,
  claimListSchema,
  claimSchema,
  creditPreviewSchema,
  evidenceDocumentsSchema,
  evidenceUploadedSchema,
  unitProgressSchema,
  yearListSchema,
  yearReportSchema,
  type ActivityInput,
  type Claim,
  type ClaimList,
  type ClaimListQuery,
  type ComplianceStatistics,
  type CreditPreview,
  type EvidenceDocumentKind,
  type EvidenceDocuments,
  type EvidenceDocumentsQuery,
  type EvidenceRef,
  type EvidenceUploaded,
  type UnitProgress,
  type UnitProgressExportQuery,
  type YearList,
  type YearReportView,
} from '@jijiao/contracts';
import { request } from './client';
import { downloadFile } from './imports';

const claimPath = (id: string) => `/api/v1/credits/${encodeURIComponent(id)}`;

export function fetchMyYears(): Promise<YearList> {
  return request('GET', '/api/v1/me/years', yearListSchema);
}

export function fetchMyYear(year: number): Promise<YearReportView> {
  return request('GET', `/api/v1/me/years/${String(year)}`, yearReportSchema);
}

export function fetchPersonYear(personId: string, year: number): Promise<YearReportView> {
  return request(
    'GET',
    `/api/v1/people/${encodeURIComponent(personId)}/years/${String(year)}`,
    yearReportSchema,
  );
}

/** 人员学分进度's filters and sort, the same for a page and for the xlsx export. */
export type UnitProgressFilter = Omit<UnitProgressExportQuery, 'behind' | 'compliant' | 'sort'> & {
  compliant?: 'true' | 'false' | undefined;
  sort?: UnitProgressExportQuery['sort'] | undefined;
};

const progressPath = (unitId: string) => `/api/v1/units/${encodeURIComponent(unitId)}/progress`;

export function fetchUnitProgress(
  unitId: string,
  query: UnitProgressFilter & { after?: string | undefined; limit?: number },
): Promise<UnitProgress> {
  return request('GET', progressPath(unitId), unitProgressSchema, { query });
}

export function exportUnitProgress(unitId: string, query: UnitProgressFilter) {
  return downloadFile(`${progressPath(unitId)}.xlsx`, query, '学分进度.xlsx');
}

export function previewCredit(activity: ActivityInput): Promise<CreditPreview> {
  return request('POST', '/api/v1/credits/preview', creditPreviewSchema, { body: { activity } });
}

export function createClaim(body: {
  activity: ActivityInput;
  evidence: EvidenceRef[];
  submit: boolean;
}): Promise<Claim> {
  return request('POST', '/api/v1/credits', claimSchema, { body });
}

export function fetchClaim(id: string): Promise<Claim> {
  return request('GET', claimPath(id), claimSchema);
}

export function listMyClaims(
  query: Partial<Omit<ClaimListQuery, 'limit'>> & { limit?: number },
): Promise<ClaimList> {
  return request('GET', '/api/v1/credits', claimListSchema, { query });
}

export function updateClaim(id: string, body: { activity: ActivityInput; version: number }) {
  return request('PATCH', claimPath(id), claimSchema, { body });
}

export function submitClaim(id: string, version: number): Promise<Claim> {
  return request('POST', `${claimPath(id)}/submit`, claimSchema, { body: { version } });
}

/** Uploads an evidence file (JPEG, PNG or PDF, checked from its bytes by the server). */
export function uploadEvidence(file: Blob, fileName: string): Promise<EvidenceUploaded> {
  const form = new FormData();
  form.append('file', file, fileName);
  return request('POST', '/api/v1/evidence', evidenceUploadedSchema, { form });
}

/** Uploads a file and attaches it to a draft or returned claim, as the document `kind`. */
export function attachEvidence(
  claimId: string,
  file: Blob,
  fileName: string,
  kind?: EvidenceDocumentKind,
) {
  const form = new FormData();
  form.append('file', file, fileName);
  return request('POST', `${claimPath(claimId)}/evidence`, evidenceUploadedSchema, {
    form,
    ...(kind ? { query: { kind } } : {}),
  });
}

/** The documents each activity type asks for under the rules of a person (the caller by default). */
export function fetchEvidenceDocuments(query: EvidenceDocumentsQuery): Promise<EvidenceDocuments> {
  return request('GET', '/api/v1/credits/evidence-documents', evidenceDocumentsSchema, { query });
}

/** Where the browser shows an evidence file inline. */
export const evidenceUrl = (sha256: string) => `/api/v1/evidence/${encodeURIComponent(sha256)}`;

/** 统计报表: a unit's compliance for a year, overall and by group. */
export function fetchUnitStatistics(
  unitId: string,
  year: number | undefined,
): Promise<ComplianceStatistics> {
  return request(
    'GET',
    `/api/v1/units/${encodeURIComponent(unitId)}/statistics`,
    complianceStatisticsSchema,
    { query: { year } },
  );
}
