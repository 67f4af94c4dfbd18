import {
  certificateRegisterSchema,
  certificateSchema,
  type Certificate,
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
