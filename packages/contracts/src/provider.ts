import { z } from 'zod';
import {
  activityTypeSchema,
  claimStatusSchema,
  creditClassSchema,
  packVersionSchema,
} from './credits';
import { errorResponseSchema } from './errors';

/**
 * Online platforms (orgs of kind `platform`): their API keys and trusted flag, managed by a
 * province admin, and the open API a platform pushes completed credits to.
 */

export const platformKeySchema = z.object({
  id: z.uuid(),
  prefix: z.string().describe('The first 8 characters of the secret, to tell keys apart'),
  label: z.string(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
});
export type PlatformKey = z.infer<typeof platformKeySchema>;

export const platformSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  parentId: z.uuid().nullable(),
  trusted: z.boolean().describe('Credits from a trusted platform are effective on arrival'),
  keys: z.array(platformKeySchema),
});
export type Platform = z.infer<typeof platformSchema>;

export const platformListSchema = z.object({ items: z.array(platformSchema) });
export type PlatformList = z.infer<typeof platformListSchema>;

export const platformKeyParamsSchema = z.object({ id: z.uuid(), keyId: z.uuid() });

export const platformKeyCreateSchema = z.object({
  label: z.string().trim().min(1).max(100).describe('What the key is for, e.g. 生产环境'),
});
export type PlatformKeyCreate = z.infer<typeof platformKeyCreateSchema>;

export const platformKeyIssuedSchema = z.object({
  key: platformKeySchema,
  secret: z.string().describe('The API key itself: shown this once, never again'),
});
export type PlatformKeyIssued = z.infer<typeof platformKeyIssuedSchema>;

export const platformTrustSchema = z.object({ trusted: z.boolean() });
export type PlatformTrust = z.infer<typeof platformTrustSchema>;

const pushExample = {
  idNumber: '43010219850615123X',
  name: '张三',
  completedAt: '2026-05-10T16:30:00+08:00',
  activity: { type: 'project', date: '2026-05-10', level: 'national', role: 'attendee', hours: 6 },
  projectNumber: '2026-01-01-901（国）',
};

/** One completed credit pushed by a platform. */
export const providerCreditSchema = z
  .object({
    idNumber: z.string().min(1).max(32).describe('The learner’s resident ID number (18 digits)'),
    name: z.string().trim().min(1).max(50).describe('The learner’s name, as registered'),
    completedAt: z
      .union([z.iso.date(), z.iso.datetime({ offset: true })])
      .describe(
        'When the learner completed it (date, or date-time with offset); the activity date when `activity.date` is absent',
      ),
    activity: z
      .object({ type: activityTypeSchema })
      .catchall(z.unknown())
      .describe(
        'One activity in the scenario format (`type`, `date` and the fields of its type); checked in full by the rules engine',
      ),
    projectNumber: z
      .string()
      .min(1)
      .max(40)
      .optional()
      .describe('The CME project number, for `activity.type = project` (or in the activity)'),
  })
  .meta({ examples: [pushExample] });
export type ProviderCredit = z.infer<typeof providerCreditSchema>;

export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[\x21-\x7e]+$/, 'printable ASCII without spaces')
  .describe('Unique per credit on the platform’s side, e.g. its completion record id');

export const providerHeadersSchema = z.object({
  'idempotency-key': idempotencyKeySchema,
});

export const providerCreditResultSchema = z
  .object({
    id: z.uuid().describe('The credit claim'),
    status: claimStatusSchema.describe('effective (trusted platform) or submitted for review'),
    matched: z
      .boolean()
      .describe('The same activity was already recorded (another channel): that claim is answered'),
    credits: z.number(),
    class: creditClassSchema.nullable(),
    year: z.number().int(),
    packVersions: z.array(packVersionSchema).describe('The rule packs that valued it'),
    idNumberMasked: z.string(),
  })
  .meta({
    examples: [
      {
        id: '0b9f5b8e-3c1c-4a51-9a3e-6f1f3d2a7c11',
        status: 'submitted',
        matched: false,
        credits: 3,
        class: 'I',
        year: 2026,
        packVersions: [{ id: 'national-2024', version: '1.0.0' }],
        idNumberMasked: '430102********123X',
      },
    ],
  });
export type ProviderCreditResult = z.infer<typeof providerCreditResultSchema>;

export const providerBatchMax = 1000;

export const providerBatchSchema = z
  .object({
    items: z
      .array(z.record(z.string(), z.unknown()))
      .min(1)
      .max(providerBatchMax)
      .describe(
        'Up to 1 000 credits, each the body of `POST /api/v1/provider/credits` plus its own `idempotencyKey`',
      ),
  })
  .meta({ examples: [{ items: [{ idempotencyKey: 'course-2291-learner-77', ...pushExample }] }] });
export type ProviderBatch = z.infer<typeof providerBatchSchema>;

export const providerBatchItemResultSchema = z.object({
  index: z.number().int(),
  idempotencyKey: z.string().nullable(),
  status: z.number().int().describe('The HTTP status the item would have answered alone'),
  body: providerCreditResultSchema.optional(),
  error: errorResponseSchema.shape.error.optional(),
});
export type ProviderBatchItemResult = z.infer<typeof providerBatchItemResultSchema>;

export const providerBatchResultSchema = z.object({
  results: z.array(providerBatchItemResultSchema),
  counts: z.object({
    created: z.number().int(),
    replayed: z.number().int(),
    failed: z.number().int(),
  }),
});
export type ProviderBatchResult = z.infer<typeof providerBatchResultSchema>;
