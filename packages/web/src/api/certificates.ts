import {
  certificateListSchema,
  certificateVerificationSchema,
  type CertificateList,
  type CertificateVerification,
} from '@jijiao/contracts';
import { request, requestFile } from './client';

const base = '/api/v1/certificates';
const serialPath = (serial: string) => `${base}/${encodeURIComponent(serial)}`;

/** Public: what the platform says about a serial (valid, altered, revoked or unknown). */
export function verifyCertificate(serial: string): Promise<CertificateVerification> {
  return request('GET', `${serialPath(serial)}/verify`, certificateVerificationSchema);
}

/** The signed-in learner's certificates, newest year first. */
export function fetchMyCertificates(): Promise<CertificateList> {
  return request('GET', `${base}/mine`, certificateListSchema);
}

export function downloadCertificatePdf(serial: string) {
  return requestFile(`${serialPath(serial)}/pdf`, undefined, `certificate-${serial}.pdf`);
}

/** The Open Badges 3.0 credential: signed JSON anyone can check offline with the keys. */
export function downloadCertificateBadge(serial: string) {
  return requestFile(`${serialPath(serial)}/badge`, undefined, `certificate-${serial}.badge.json`);
}
