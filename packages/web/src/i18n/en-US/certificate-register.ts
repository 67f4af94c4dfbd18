import type { CertificateRegisterMessages } from '../zh-CN/certificate-register';

export const certificateRegisterMessages: CertificateRegisterMessages = {
  certRegister: {
    title: 'Certificate register',
    intro:
      'Annual certificates issued: filter by year, organisation and status, find by name or serial. Verifications count how often the public checked a certificate by its QR code or serial.',
    year: 'Year',
    allYears: 'All years',
    org: 'Organisation',
    status: {
      all: 'All',
      valid: 'Valid',
      revoked: 'Revoked',
    },
    search: 'Name or serial',
    export: 'Export to Excel',
    unitZip: 'Download the unit’s {{year}} certificates (ZIP)',
    issuePdfs: 'Generate every {{year}} certificate PDF',
    pdfsProgress: 'Generating certificate PDFs: {{done}} of {{total}}',
    pdfsDone:
      'Certificate PDFs generated: {{total}} ({{stored}} now, {{alreadyStored}} already stored)',
    pdfsTampered:
      '{{count}} certificates no longer match their signature and got no PDF; check: {{serials}}',
    pdfsFailed: 'Generating the certificate PDFs did not finish; try again later',
    summary: '{{total}} certificates',
    empty: 'No certificate matches',
    columns: {
      serial: 'Serial',
      holder: 'Holder · unit',
      year: 'Year',
      credits: 'Credits',
      issuedOn: 'Issued on',
      status: 'Status',
      verifications: 'Verifications',
    },
    classCredits: 'Class I {{classI}} · Class II {{classII}}',
    revokedOn: 'Revoked {{at}}',
    revokedReason: 'Reason: {{reason}}',
    neverVerified: 'Never verified',
    lastVerified: 'Last {{at}}',
    verificationCount: '{{count}} times',
    viewPerson: 'View credits',
    revoke: 'Revoke',
    revokeTitle: 'Revoke certificate {{serial}}',
    revokeWarning:
      'Once revoked, checking the certificate by its QR code or serial shows “revoked” with the reason, and the HR training platform is told. A revocation cannot be undone.',
    revokeHolder: 'Holder: {{name}} ({{unit}}), year {{year}}, {{credits}} credits',
    reason: 'Reason for revoking',
    reasonPlaceholder: 'e.g. the credit record was found to be forged',
    reasonTooShort: 'Give the reason (at least 2 characters)',
    confirmRevoke: 'Revoke',
    revoked: 'Certificate revoked; the HR platform is told',
  },
};
