import { z } from 'zod';
import { activityTypeSchema, claimStatusSchema } from './credits';
import { requirementSchema } from './learner-year';

/**
 * 作弊处理 (fraud): what voiding a person's year, or one credit of it, would do — shown
 * before the province admin confirms (`POST /people/{id}/years/{year}/void`,
 * `POST /credits/{id}/void`).
 */
export const voidPreviewQuerySchema = z.object({
  claimId: z.uuid().optional().describe('One credit of the year; the whole year when absent'),
});
export type VoidPreviewQuery = z.infer<typeof voidPreviewQuerySchema>;

export const voidStandingSchema = z.object({
  compliant: z.boolean(),
  totalCredits: z.number(),
  requirements: z.array(requirementSchema),
});
export type VoidStanding = z.infer<typeof voidStandingSchema>;

export const voidPreviewClaimSchema = z.object({
  id: z.uuid(),
  activityType: activityTypeSchema,
  activityDate: z.iso.date(),
  projectNumber: z.string().nullable(),
  credits: z.number(),
  status: claimStatusSchema,
});

export const voidPreviewSchema = z.object({
  personId: z.uuid(),
  personName: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  claims: z.array(voidPreviewClaimSchema).describe('The claims that would become voided'),
  before: voidStandingSchema.describe('The year now, from its effective credits'),
  after: voidStandingSchema.describe('The year once those claims are voided'),
  certificate: z
    .object({ serial: z.string(), revoked: z.boolean(), revokedAt: z.iso.datetime().nullable() })
    .nullable()
    .describe('The year’s certificate, revoked by the void (null: none was issued)'),
  hrReceiver: z
    .object({ configured: z.boolean(), enabled: z.boolean() })
    .describe('Where the HR platform is told: a delivery is queued either way'),
  auditResult: z
    .boolean()
    .describe('The year has an annual-audit result, recomputed (and marked voided for a year)'),
});
export type VoidPreview = z.infer<typeof voidPreviewSchema>;
