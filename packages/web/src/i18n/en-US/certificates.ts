import type { CertificatesMessages } from '../zh-CN/certificates';

export const certificatesMessages: CertificatesMessages = {
  certificate: {
    serial: 'Serial number',
    holder: 'Holder',
    idNumber: 'ID number',
    year: 'Year',
    yearValue: '{{year}}',
    credits: 'Credits',
    creditsValue: '{{credits}} credits',
    classI: 'class I {{credits}}',
    classII: 'class II {{credits}}',
    creditsWithClasses: '{{total}} ({{classes}})',
    separator: ', ',
    hours: 'Training hours',
    hoursValue: '{{hours}} hours',
    unit: 'Unit',
    issuer: 'Issued by',
    issuedOn: 'Issued on',
    revokedAt: 'Revoked at',
    revokedReason: 'Reason for revocation',
    verifyLink: 'Verification link',
    verifyQr: 'Verification QR code',
  },
  verify: {
    title: 'Certificate verification',
    intro:
      'Scan the QR code on the certificate or type its serial number to check that it was issued here, that it has not been altered and that it has not been revoked.',
    serialLabel: 'Serial number',
    serialPlaceholder: 'e.g. 990000-2025-7K3M9-QXPW2',
    serialInvalid:
      'This serial number has a typo: check it character by character (case does not matter)',
    submit: 'Verify',
    checkAnother: 'Verify another certificate',
    checking: 'Verifying…',
    status: {
      valid: {
        title: 'Valid certificate',
        detail: 'Issued by {{issuer}}; its digital signature verifies and it has not been revoked.',
      },
      revoked: {
        title: 'Certificate revoked',
        detail: '{{issuer}} revoked this certificate on {{date}}: it is no longer valid.',
      },
      altered: {
        title: 'Signature does not verify',
        detail:
          'The data on record no longer matches its digital signature and may have been altered. Do not rely on it; contact the issuer.',
      },
      unknown: {
        title: 'Certificate not found',
        detail:
          'No certificate with the serial number {{serial}} was issued here. Check the number, or scan the QR code on the certificate.',
      },
    },
    alteredRevoked: 'It was also revoked on {{date}}.',
    offline: {
      title: 'Check the signature offline',
      intro:
        'The issuer signs every certificate with its private key (Ed25519). The holder can download the digital credential (an Open Badges 3.0 JSON file) under “My certificates” and hand it to an employer; anyone can check its signature (eddsa-jcs-2022) offline with the issuer’s published public key, without trusting the paper or this page.',
      keyId: 'Signing key',
      signedAt: 'Signed at',
      keys: 'Published public keys',
      keysHint: 'As JWK and PEM; old keys stay published so that older certificates still verify.',
    },
    projects: 'Project search',
    signIn: 'Sign in',
  },
  myCertificates: {
    title: 'My certificates',
    intro:
      'After each year’s audit is passed, the provincial CME office issues that year’s certificate. Download the PDF to print it, or give an employer the verification link or the digital credential.',
    empty: 'No certificate yet. Once a year’s audit is passed, its certificate appears here.',
    cardTitle: 'Certificate {{year}}',
    valid: 'Valid',
    revoked: 'Revoked',
    revokedNotice: 'This certificate was revoked on {{date}} and is no longer valid.',
    downloadPdf: 'Download PDF',
    downloadBadge: 'Download digital credential',
    badgeHint:
      'The digital credential (an Open Badges file) carries the issuer’s digital signature and can be checked offline.',
    openVerify: 'Open the verification page',
    qrHint: 'An employer scans it to verify',
    homeIssued: 'The {{year}} audit is passed and its certificate has been issued.',
    homeRevoked: 'The certificate of {{year}} has been revoked.',
    homeLink: 'View certificate',
  },
};
