import { z } from 'zod';
import { versionSeenSchema } from './version-seen';
import { awardBatchStatuses, awardRoles, awardLineSources } from './codes';
import {
  claimStatusSchema,
  creditChannelSchema,
  creditClassSchema,
  packVersionSchema,
} from './credits';

/**
 * Host award batches (学分授予): a host admin of a filed or finished project awards credits
 * to attendees and speakers (by hand, by roster upload, or from the project's attendance),
 * submits the batch, and the province's CME office approves it or returns single lines.
 */

export const awardBatchStatusSchema = z.enum(awardBatchStatuses);
export type AwardBatchStatus = z.infer<typeof awardBatchStatusSchema>;

export const awardRoleSchema = z.enum(awardRoles);
export type AwardRole = z.infer<typeof awardRoleSchema>;

export const awardLineSourceSchema = z.enum(awardLineSources);
export type AwardLineSource = z.infer<typeof awardLineSourceSchema>;

/**
 * Where a line stands: `draft` (not yet submitted, no claim), else its claim's status
 * (`submitted`, `returned`, `effective`, …). A matched line shows the existing claim's.
 */
export const awardLineStatusSchema = z.union([z.literal('draft'), claimStatusSchema]);
export type AwardLineStatus = z.infer<typeof awardLineStatusSchema>;

const versionSeen = versionSeenSchema.describe(
  'The batch version the caller saw; another one answers 409 stale_state',
);

export const awardLineSchema = z.object({
  id: z.uuid(),
  lineNo: z.number().int().describe('1-based, stable within the batch'),
  personId: z.uuid(),
  personName: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string(),
  role: awardRoleSchema,
  hours: z.number().nullable(),
  awardedCredits: z.number().nullable().describe('As printed on the certificate'),
  sessionsAttended: z.number().int().nullable(),
  credits: z.number().describe('What the rules engine gives (face value)'),
  class: creditClassSchema.nullable(),
  packVersions: z.array(packVersionSchema),
  reasons: z.array(z.string()),
  source: awardLineSourceSchema,
  status: awardLineStatusSchema,
  claimId: z.uuid().nullable(),
  matched: z
    .boolean()
    .describe('The same activity had already arrived by another channel: that claim is kept'),
  matchedChannel: creditChannelSchema
    .nullable()
    .describe('The channel of the claim a matched line was kept on'),
  returnReason: z.string().nullable(),
});
export type AwardLine = z.infer<typeof awardLineSchema>;

export const awardBatchSummarySchema = z.object({
  id: z.uuid(),
  projectId: z.uuid(),
  projectNumber: z.string(),
  projectName: z.string(),
  hostOrgId: z.uuid(),
  hostName: z.string(),
  status: awardBatchStatusSchema,
  source: z.enum(['manual', 'attendance']),
  lineCount: z.number().int(),
  pendingCount: z.number().int().describe('Lines waiting for the province'),
  returnedCount: z.number().int(),
  totalCredits: z.number(),
  createdAt: z.iso.datetime(),
  submittedAt: z.iso.datetime().nullable(),
  decidedAt: z.iso.datetime().nullable(),
  version: z.number().int().describe('Send it back with submit/approve/return'),
});
export type AwardBatchSummary = z.infer<typeof awardBatchSummarySchema>;

export const awardBatchSchema = awardBatchSummarySchema.extend({
  projectStatus: z.string(),
  lines: z.array(awardLineSchema),
  canEdit: z.boolean().describe('The caller (host) may add/remove lines and submit now'),
  canReview: z.boolean().describe('The caller (province) may approve or return lines now'),
});
export type AwardBatch = z.infer<typeof awardBatchSchema>;

export const awardBatchListSchema = z.object({ items: z.array(awardBatchSummarySchema) });
export type AwardBatchList = z.infer<typeof awardBatchListSchema>;

export const awardBatchListQuerySchema = z.object({
  status: awardBatchStatusSchema.optional(),
  projectId: z.uuid().optional(),
});
export type AwardBatchListQuery = z.infer<typeof awardBatchListQuerySchema>;

export const awardLineCreateSchema = z.object({
  personId: z.uuid(),
  role: awardRoleSchema.default('attendee'),
  hours: z.number().positive().max(10_000).optional().describe('Default: the project’s hours'),
  awardedCredits: z
    .number()
    .min(0)
    .max(100)
    .optional()
    .describe('Default: the project’s attendee or speaker credits'),
});
export type AwardLineCreate = z.infer<typeof awardLineCreateSchema>;

export const awardLineParamsSchema = z.object({ id: z.uuid(), lineId: z.uuid() });

export const awardBatchVersionSchema = z.object({ version: versionSeen });
export type AwardBatchVersion = z.infer<typeof awardBatchVersionSchema>;

export const awardReturnSchema = z.object({
  version: versionSeen,
  lines: z
    .array(z.object({ id: z.uuid(), reason: z.string().trim().min(1).max(500) }))
    .min(1)
    .max(1000),
});
export type AwardReturn = z.infer<typeof awardReturnSchema>;

export const awardPeopleQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).describe('Part of the name, or a full ID number'),
});

export const awardPersonSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  unitName: z.string(),
});
export const awardPeopleSchema = z.object({ items: z.array(awardPersonSchema) });
export type AwardPerson = z.infer<typeof awardPersonSchema>;
