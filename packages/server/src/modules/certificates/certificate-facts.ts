import { canonicaliseCertificate, type CertificateFacts } from '@jijiao/domain';
import type { Certificate } from '@jijiao/contracts';
import type { CertificateRow } from './certificates.repository';

/** The signed facts of a stored certificate, rebuilt from its columns. */
export function factsOf(row: CertificateRow): CertificateFacts {
  return {
    serial: row.serial,
    year: row.year,
    holderName: row.holderName,
    holderIdNumberMasked: row.holderIdMasked,
    unitName: row.unitName,
    provinceCode: row.provinceCode,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    totalCredits: row.totalCredits,
    classCredits: row.classCredits,
    hoursEquivalent: row.hoursEquivalent,
    packs: row.packs,
  };
}

export function signedBytesOf(row: CertificateRow): string {
  return canonicaliseCertificate(factsOf(row));
}

export function verifyUrlOf(publicBaseUrl: string, serial: string): string {
  return `${publicBaseUrl}/verify/${serial}`;
}

export function toCertificate(row: CertificateRow, publicBaseUrl: string): Certificate {
  return {
    serial: row.serial,
    year: row.year,
    personId: row.personId,
    holderName: row.holderName,
    holderIdNumberMasked: row.holderIdMasked,
    unitId: row.unitId,
    unitName: row.unitName,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    credits: { total: row.totalCredits, byClass: row.classCredits },
    hoursEquivalent: row.hoursEquivalent,
    packs: row.packs,
    revoked: row.revokedAt !== null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    verifyUrl: verifyUrlOf(publicBaseUrl, row.serial),
  };
}
