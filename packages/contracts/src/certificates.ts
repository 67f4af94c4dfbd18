import { z } from 'zod';
import { certificateStatuses } from './codes';

const credits = z.number().nonnegative().describe('学分, one decimal place');

/** A province's public Open Badges documents: its issuer profile, a year's achievement. */
export const issuerParamsSchema = z.object({
  provinceCode: z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code'),
});
export const achievementParamsSchema = issuerParamsSchema.extend({
  year: z.coerce.number().int().min(1990).max(2100),
});

export const certificateSerialParamsSchema = z.object({
  serial: z
    .string()
    .min(1)
    .max(40)
    .describe('e.g. 990000-2025-7K3M9-QXPW2 (case, spaces, O/0 and I/L/1 are forgiven)'),
});

export const certificateCreditsSchema = z.object({
  total: credits,
  byClass: z
    .object({ I: credits.optional(), II: credits.optional() })
    .describe('Per class where the rules have classes (years up to 2024); {} otherwise'),
});
export type CertificateCredits = z.infer<typeof certificateCreditsSchema>;

export const policyPackRefSchema = z.object({ id: z.string(), version: z.string() });

/** An annual certificate (专业科目培训合格证明) as its holder and admins see it. */
export const certificateSchema = z.object({
  serial: z.string(),
  year: z.number().int(),
  personId: z.uuid(),
  holderName: z.string(),
  holderIdNumberMasked: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  issuerName: z.string(),
  issuedOn: z.iso.date(),
  credits: certificateCreditsSchema,
  hoursEquivalent: z
    .number()
    .nullable()
    .describe('Training hours the certificate counts for (Hunan: 60)'),
  packs: z.array(policyPackRefSchema),
  revoked: z.boolean(),
  revokedAt: z.iso.datetime().nullable(),
  verifyUrl: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;

export const certificateStatusSchema = z.enum(certificateStatuses);
export type CertificateStatus = z.infer<typeof certificateStatusSchema>;

/** The register's filters: the same for a page and for its xlsx export. */
export const certificateFilterSchema = z.object({
  year: z.coerce.number().int().min(1990).max(2200).optional(),
  unitId: z
    .uuid()
    .optional()
    .describe('Any organisation of the caller’s subtree (a unit, a district, a city…)'),
  status: certificateStatusSchema.optional(),
  q: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .describe('Part of the holder’s name, or the start of a serial (forgiving as /verify is)'),
});
export type CertificateFilter = z.infer<typeof certificateFilterSchema>;

export const certificateListQuerySchema = certificateFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().optional().describe('Keyset cursor: the `nextCursor` of the previous page'),
});
export type CertificateListQuery = z.infer<typeof certificateListQuerySchema>;

export const certificateListSchema = z.object({
  items: z.array(certificateSchema),
  nextCursor: z.string().nullable(),
});
export type CertificateList = z.infer<typeof certificateListSchema>;

/** A row of the province's certificate register: the certificate, why revoked, how checked. */
export const certificateRegisterItemSchema = certificateSchema.extend({
  revokedReason: z.string().nullable(),
  verificationCount: z.number().int().describe('Public verifications of this certificate'),
  lastVerifiedAt: z.iso.datetime().nullable(),
});
export type CertificateRegisterItem = z.infer<typeof certificateRegisterItemSchema>;

export const certificateRegisterSchema = z.object({
  items: z.array(certificateRegisterItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nullable().describe('Those matching the filters (first page only)'),
});
export type CertificateRegister = z.infer<typeof certificateRegisterSchema>;

export const certificateExportQuerySchema = certificateFilterSchema;

/**
 * What the public verification found: `unknown` (no such serial here), `altered` (the stored
 * data no longer matches its signature: the signature does not verify), `revoked`, `valid`.
 */
export const certificateVerificationStatusSchema = z.enum([
  'valid',
  'altered',
  'revoked',
  'unknown',
]);
export type CertificateVerificationStatus = z.infer<typeof certificateVerificationStatusSchema>;

/** The public answer of `GET /api/v1/certificates/{serial}/verify`: never the full ID. */
export const certificateVerificationSchema = z.object({
  valid: z.boolean().describe('Issued here, signature matches the stored data, and not revoked'),
  status: certificateVerificationStatusSchema,
  revoked: z.boolean(),
  revokedAt: z.iso.datetime().optional(),
  revokedReason: z.string().optional().describe('Why the province revoked it'),
  serial: z.string(),
  year: z.number().int().optional(),
  holder: z
    .object({ name: z.string(), idNumberMasked: z.string() })
    .optional()
    .describe('Masked: 张*丰, 4301**********1234'),
  credits: certificateCreditsSchema.optional(),
  hoursEquivalent: z.number().nullable().optional(),
  issuer: z.string().optional(),
  issuedOn: z.iso.date().optional(),
  signedAt: z.iso.datetime().optional().describe('When the issuer signed it'),
  keyId: z.string().optional(),
  keysUrl: z
    .string()
    .describe('Where the public keys are published (JWK and PEM), to check a signature offline'),
});
export type CertificateVerification = z.infer<typeof certificateVerificationSchema>;

export const certificateKeySchema = z.object({
  kid: z.string(),
  provinceCode: z.string(),
  alg: z.literal('EdDSA'),
  jwk: z.object({
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    x: z.string(),
    kid: z.string(),
    use: z.literal('sig'),
    alg: z.literal('EdDSA'),
  }),
  pem: z.string(),
  demo: z.boolean().describe('A deterministic demo key: never trust it outside a demo'),
});
export const certificateKeysSchema = z.object({ keys: z.array(certificateKeySchema) });
export type CertificateKeys = z.infer<typeof certificateKeysSchema>;

export const certificateRevokeSchema = z.object({
  reason: z.string().trim().min(2).max(500),
});

/** Queue the job that stores the PDFs of a year's certificates in a subtree (ADR 0036). */
export const certificatePdfJobSchema = z.object({
  year: z.number().int().min(1990).max(2200),
  /** The organisation whose subtree is issued; default: the caller's managed subtree. */
  orgId: z.uuid().optional(),
});
export type CertificatePdfJob = z.infer<typeof certificatePdfJobSchema>;

/** One unit's valid certificates of a year, as a zip of PDFs. */
export const certificateUnitZipQuerySchema = z.object({
  unitId: z.uuid(),
  year: z.coerce.number().int().min(1990).max(2200),
});
export type CertificateUnitZipQuery = z.infer<typeof certificateUnitZipQuerySchema>;
