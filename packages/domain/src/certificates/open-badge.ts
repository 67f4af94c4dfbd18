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

/** Where an issuer's Open Badges profile and a year's achievement are published. */
export const issuerProfileUrl = (publicBaseUrl: string, provinceCode: string) =>
  `${publicBaseUrl}/api/v1/certificates/issuers/${provinceCode}`;
export const achievementUrl = (publicBaseUrl: string, provinceCode: string, year: number) =>
  `${publicBaseUrl}/api/v1/certificates/achievements/${provinceCode}/${String(year)}`;

/** The issuer's Profile, as its `id` in every credential it signs resolves to. */
export function buildIssuerProfile(input: {
  publicBaseUrl: string;
  provinceCode: string;
  issuerName: string;
}): { [key: string]: JsonValue } {
  return {
    '@context': [...openBadgeContexts],
    id: issuerProfileUrl(input.publicBaseUrl, input.provinceCode),
    type: ['Profile'],
    name: input.issuerName,
    url: input.publicBaseUrl,
    description:
      '继续医学教育学分审验与证书的发证机构 (issuer of annual CME credit audit certificates)',
  };
}

/** A year's Achievement (the annual audit passed), as its `id` in a credential resolves to. */
export function buildAchievement(input: {
  publicBaseUrl: string;
  provinceCode: string;
  issuerName: string;
  year: number;
}): { [key: string]: JsonValue } {
  const { publicBaseUrl, provinceCode, year } = input;
  return {
    '@context': [...openBadgeContexts],
    id: achievementUrl(publicBaseUrl, provinceCode, year),
    type: ['Achievement'],
    achievementType: 'Certificate',
    name: '专业科目培训合格证明',
    description: `${String(year)}年度继续医学教育学分审验合格 (annual CME credit audit passed)`,
    criteria: {
      narrative: `Passed the ${String(year)} annual continuing medical education credit audit: the year's credit requirements of the policy packs in force where the holder works were met.`,
    },
    creator: {
      id: issuerProfileUrl(publicBaseUrl, provinceCode),
      type: ['Profile'],
      name: input.issuerName,
    },
  };
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
      id: issuerProfileUrl(publicBaseUrl, facts.provinceCode),
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
        id: achievementUrl(publicBaseUrl, facts.provinceCode, facts.year),
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: '专业科目培训合格证明',
        description: `${String(facts.year)}年度继续医学教育学分审验合格 (annual CME credit audit passed)`,
        criteria: {
          narrative: `Passed the ${String(facts.year)} annual continuing medical education credit audit under the policy packs ${facts.packs.map((p) => `${p.id}@${p.version}`).join(', ')}.`,
        },
        creator: {
          id: issuerProfileUrl(publicBaseUrl, facts.provinceCode),
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
