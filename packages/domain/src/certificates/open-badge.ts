/**
 * The annual certificate as an Open Badges 3.0 credential (a W3C Verifiable Credential of
 * type OpenBadgeCredential). The proof is added by the server: a Data Integrity proof with
 * the `eddsa-jcs-2022` cryptosuite over this document (see docs/adr/0014).
 */
import type { CertificateFacts } from './certificate-payload';
import type { JsonValue } from './canonical-json';

export const openBadgeContexts = [
  'https://www.w3.org/ns/credentials/v2',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
] as const;

/** The namespace of Jijiao's extension terms (credit unit, policy packs). */
export const jijiaoExtensionNamespace = 'urn:jijiao:cme#';

export interface OpenBadgeInput {
  facts: CertificateFacts;
  /** e.g. https://cme.example.gov.cn, no trailing slash */
  publicBaseUrl: string;
  /** ISO date-time of issue */
  issuedAt: string;
  /** `sha256$<hex>` of the resident ID number followed by the salt */
  identityHash: string;
  salt: string;
}

export function buildOpenBadgeCredential(input: OpenBadgeInput): { [key: string]: JsonValue } {
  const { facts, publicBaseUrl } = input;
  const certificateUrl = `${publicBaseUrl}/api/v1/certificates/${facts.serial}`;
  const classes = Object.entries(facts.classCredits).map(([creditClass, credits]) => ({
    class: creditClass,
    credits,
  }));
  return {
    '@context': [
      ...openBadgeContexts,
      {
        jijiao: jijiaoExtensionNamespace,
        CmeCreditExtension: 'jijiao:CmeCreditExtension',
        cmeCredit: { '@id': 'jijiao:cmeCredit', '@type': '@json' },
      },
    ],
    id: `${certificateUrl}/badge`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    name: `专业科目培训合格证明 ${String(facts.year)}`,
    issuer: {
      id: `${publicBaseUrl}/api/v1/certificates/issuers/${facts.provinceCode}`,
      type: ['Profile'],
      name: facts.issuerName,
    },
    validFrom: input.issuedAt,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        {
          type: 'IdentityObject',
          identityType: 'nationalIdentityNumber',
          hashed: true,
          identityHash: input.identityHash,
          salt: input.salt,
        },
      ],
      achievement: {
        id: `${publicBaseUrl}/api/v1/certificates/achievements/${facts.provinceCode}/${String(facts.year)}`,
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: '专业科目培训合格证明',
        description: `${String(facts.year)}年度继续医学教育学分审验合格 (annual CME credit audit passed)`,
        criteria: {
          narrative: `Passed the ${String(facts.year)} annual continuing medical education credit audit under the policy packs ${facts.packs.map((p) => `${p.id}@${p.version}`).join(', ')}.`,
        },
        creator: {
          id: `${publicBaseUrl}/api/v1/certificates/issuers/${facts.provinceCode}`,
          type: ['Profile'],
          name: facts.issuerName,
        },
      },
      creditsEarned: facts.totalCredits,
      term: String(facts.year),
    },
    evidence: [
      {
        id: `${publicBaseUrl}/verify/${facts.serial}`,
        type: ['Evidence'],
        name: facts.serial,
      },
    ],
    cmeCredit: {
      type: 'CmeCreditExtension',
      creditUnit: '学分 (CME credit, one decimal place)',
      classCredits: classes,
      hoursEquivalent: facts.hoursEquivalent,
      policyPacks: facts.packs.map((p) => ({ id: p.id, version: p.version })),
      serial: facts.serial,
    },
  };
}
