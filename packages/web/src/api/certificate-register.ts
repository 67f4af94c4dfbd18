import {
  certificateRegisterSchema,
  certificateSchema,
  jobAcceptedSchema,
  type Certificate,
  type JobAccepted,
  type CertificateFilter,
  type CertificateRegister,
} from '@jijiao/contracts';
import { request } from './client';
import { downloadFile } from './imports';

/** 证书登记: one page of the certificates of the caller's subtree. */
export function listCertificateRegister(
  filter: CertificateFilter & { limit?: number; after?: string | undefined },
): Promise<CertificateRegister> {
  return request('GET', '/api/v1/certificates', certificateRegisterSchema, { query: filter });
}

/** The register as xlsx, for the same filters as the list. */
export function exportCertificateRegister(filter: CertificateFilter) {
  return downloadFile('/api/v1/certificates/export.xlsx', filter, '合格证明.xlsx');
}

export function revokeCertificate(serial: string, reason: string): Promise<Certificate> {
  return request(
    'POST',
    `/api/v1/certificates/${encodeURIComponent(serial)}/revoke`,
    certificateSchema,
    { body: { reason } },
  );
}

/** A unit's valid certificates of a year as one zip of PDFs (ADR 0036). */
export function downloadUnitCertificates(unitId: string, year: number) {
  return downloadFile(
    '/api/v1/certificates/unit-archive.zip',
    { unitId, year },
    `certificates-${String(year)}.zip`,
  );
}

/** Queues the job that stores the PDFs of a year's certificates in the caller's subtree. */
export function startCertificatePdfJob(year: number): Promise<JobAccepted> {
  return request('POST', '/api/v1/certificates/pdf-jobs', jobAcceptedSchema, { body: { year } });
}
