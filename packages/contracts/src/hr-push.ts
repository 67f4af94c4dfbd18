import { z } from 'zod';
import { hrPushKinds, hrPushStatuses, hrPushProblems } from './codes';

export const hrPushKindSchema = z.enum(hrPushKinds);
export type HrPushKind = z.infer<typeof hrPushKindSchema>;

export const hrPushProvinceParamsSchema = z.object({ provinceId: z.uuid() });

/** The HR platform receiver of a province. The secret is write-only. */
export const hrPushSettingsSchema = z.object({
  provinceId: z.uuid(),
  receiverUrl: z.string().nullable(),
  enabled: z.boolean(),
  hasSecret: z.boolean(),
  updatedAt: z.iso.datetime().nullable(),
});
export type HrPushSettings = z.infer<typeof hrPushSettingsSchema>;

export const hrPushSettingsUpdateSchema = z.object({
  receiverUrl: z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .max(500)
    .describe('Where deliveries are POSTed'),
  secret: z
    .string()
    .min(16, 'at least 16 characters')
    .max(200)
    .optional()
    .describe('HMAC-SHA256 key; omit to keep the current one'),
  enabled: z.boolean().default(true),
});
export type HrPushSettingsUpdate = z.infer<typeof hrPushSettingsUpdateSchema>;

export const hrPushStatusSchema = z.enum(hrPushStatuses);
export type HrPushStatus = z.infer<typeof hrPushStatusSchema>;

export const hrPushProblemSchema = z.enum(hrPushProblems);
export type HrPushProblem = z.infer<typeof hrPushProblemSchema>;

/** What a delivery is about, read from its payload. */
export const hrPushSubjectSchema = z.object({
  personId: z.uuid().nullable(),
  year: z.number().int().nullable(),
  serial: z.string().nullable().describe('The certificate revoked, if any'),
  reason: z.string().nullable(),
  voidedClaims: z.number().int().nullable(),
  certificates: z.number().int().nullable().describe('How many certificates a filing carries'),
});
export type HrPushSubject = z.infer<typeof hrPushSubjectSchema>;

export const hrPushDeliverySchema = z.object({
  id: z.uuid().describe('The delivery id the receiver dedupes on (header X-Jijiao-Delivery)'),
  kind: hrPushKindSchema,
  status: hrPushStatusSchema,
  attempts: z.number().int(),
  nextAttemptAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  problem: hrPushProblemSchema.nullable(),
  subject: hrPushSubjectSchema,
  createdAt: z.iso.datetime(),
  deliveredAt: z.iso.datetime().nullable(),
});
export type HrPushDelivery = z.infer<typeof hrPushDeliverySchema>;

export const hrPushDeliveryListQuerySchema = z.object({
  status: hrPushStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: z.string().optional(),
});
export const hrPushDeliveryListSchema = z.object({
  items: z.array(hrPushDeliverySchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nullable().describe('Those matching the filter (first page only)'),
});
export type HrPushDeliveryList = z.infer<typeof hrPushDeliveryListSchema>;

export const hrPushDeliveryParamsSchema = z.object({ provinceId: z.uuid(), id: z.uuid() });
