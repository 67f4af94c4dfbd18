import { z } from 'zod';
import { versionSeenSchema } from './version-seen';
import {
  creditChannels,
  claimStatuses,
  activityTypes,
  reviewActions,
  evidenceDocumentKinds,
} from './codes';

/**
 * Credits (学分): claims that arrive by any channel, walk their unit's review chain and
 * become effective. Activities are in the rules engine's scenario format; the server
 * validates them with the domain's activity schema and names the offending field.
 */

export const creditChannelSchema = z.enum(creditChannels);
export type CreditChannel = z.infer<typeof creditChannelSchema>;

export const activityTypeSchema = z.enum(activityTypes);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const evidenceDocumentKindSchema = z.enum(evidenceDocumentKinds);
export type EvidenceDocumentKind = z.infer<typeof evidenceDocumentKindSchema>;

export const claimStatusSchema = z.enum(claimStatuses);
export type ClaimStatus = z.infer<typeof claimStatusSchema>;

export const reviewActionSchema = z.enum(reviewActions);
export type ReviewAction = z.infer<typeof reviewActionSchema>;

export const creditClassSchema = z.enum(['I', 'II']);

/**
 * One activity in the scenario format (`type`, `date` and the fields of its type, e.g.
 * `hours` for a project, `journal` and `authorRank` for a paper). Checked in full by the
 * rules engine; an `id` is ignored (the claim's id is used).
 */
export const activityInputSchema = z
  .object({
    type: activityTypeSchema,
    date: z.iso.date().describe('The day of the activity (or of its certificate)'),
  })
  .catchall(z.unknown())
  .describe('One activity in the scenario format; see the rules engine README');
export type ActivityInput = z.infer<typeof activityInputSchema>;

export const packVersionSchema = z.object({ id: z.string(), version: z.string() });
export type PackVersion = z.infer<typeof packVersionSchema>;

/** What the rules give one activity, before anything is stored. */
export const creditPreviewSchema = z.object({
  year: z.number().int().describe('The credit year the activity belongs to'),
  credits: z.number().describe('Face value under the packs in force'),
  class: creditClassSchema.nullable(),
  reasons: z.array(z.string()).describe('Rules-engine reason codes, e.g. below_unit'),
  packs: z.array(packVersionSchema),
});
export type CreditPreview = z.infer<typeof creditPreviewSchema>;

export const creditPreviewRequestSchema = z.object({
  activity: activityInputSchema,
  personId: z.uuid().optional().describe('Whose place decides the packs; the caller by default'),
});
export type CreditPreviewRequest = z.infer<typeof creditPreviewRequestSchema>;

const versionSeen = versionSeenSchema;

export const evidenceRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lowercase hex SHA-256'),
  fileName: z.string().trim().min(1).max(200),
  kind: evidenceDocumentKindSchema
    .optional()
    .describe('Which document the file is: the rules ask for some documents per activity type'),
});
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;

export const claimEvidenceSchema = z.object({
  sha256: z.string(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  kind: evidenceDocumentKindSchema.nullable().describe('Which document the file is, if said'),
  uploadedAt: z.iso.datetime(),
  sharedWithOtherPerson: z
    .boolean()
    .describe('The same file is attached to a claim of someone else (flagged to reviewers)'),
});
export type ClaimEvidence = z.infer<typeof claimEvidenceSchema>;

export const evidenceChecklistItemSchema = z.object({
  kind: evidenceDocumentKindSchema,
  attached: z.boolean(),
});
export type EvidenceChecklistItem = z.infer<typeof evidenceChecklistItemSchema>;

/** The documents each activity type asks for, under the rules of a person's place and year. */
export const evidenceDocumentsSchema = z.object({
  year: z.number().int(),
  documents: z.record(activityTypeSchema, z.array(evidenceDocumentKindSchema)),
});
export type EvidenceDocuments = z.infer<typeof evidenceDocumentsSchema>;

export const evidenceDocumentsQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional().describe('This year by default'),
  personId: z.uuid().optional().describe('Whose place decides the packs; the caller by default'),
});
export type EvidenceDocumentsQuery = z.infer<typeof evidenceDocumentsQuerySchema>;

export const evidenceKindQuerySchema = z.object({
  kind: evidenceDocumentKindSchema.optional().describe('Which document the file is'),
});

export const chainStepSchema = z.object({
  level: z.number().int().describe('1 = first reviewer'),
  orgId: z.uuid(),
  orgName: z.string(),
});

export const provenanceSchema = z.object({
  channel: creditChannelSchema,
  sourceRef: z.string().nullable(),
  receivedAt: z.iso.datetime(),
});

export const claimReviewEntrySchema = z.object({
  action: reviewActionSchema,
  step: z.number().int(),
  reviewerOrgName: z.string().nullable().describe('The org the step belonged to'),
  actorName: z.string().nullable(),
  actedFor: z
    .boolean()
    .describe('代审: a reviewer of an ancestor org acted for the step’s own org (ADR 0023)'),
  actorOrgName: z
    .string()
    .nullable()
    .describe('For 代审: the ancestor org through which the reviewer acted'),
  fromStatus: claimStatusSchema.nullable(),
  toStatus: claimStatusSchema,
  reason: z.string().nullable(),
  at: z.iso.datetime(),
});

/** A claim as lists show it. */
export const claimSummarySchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  unitId: z.uuid(),
  unitName: z.string(),
  channel: creditChannelSchema,
  activityType: activityTypeSchema,
  activityDate: z.iso.date(),
  year: z.number().int(),
  projectNumber: z.string().nullable(),
  credits: z.number(),
  class: creditClassSchema.nullable(),
  status: claimStatusSchema,
  currentStep: z.number().int().describe('0-based index into the chain while submitted'),
  currentReviewerOrgId: z.uuid().nullable(),
  currentReviewerOrgName: z.string().nullable(),
  submittedAt: z.iso.datetime().nullable(),
  flagged: z.boolean().describe('Evidence shared with another person'),
  version: z.number().int().describe('Send it back with review actions (optimistic concurrency)'),
});
export type ClaimSummary = z.infer<typeof claimSummarySchema>;

/** A claim with everything a reviewer or the learner needs. */
export const claimSchema = claimSummarySchema.extend({
  activity: z.record(z.string(), z.unknown()),
  endDate: z.iso.date().nullable(),
  role: z.string().nullable(),
  packVersions: z.array(packVersionSchema),
  reasons: z.array(z.string()),
  chain: z.array(chainStepSchema),
  decidedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  evidence: z.array(claimEvidenceSchema),
  evidenceChecklist: z
    .array(evidenceChecklistItemSchema)
    .describe('The documents the rules ask of this activity type, each ticked when attached'),
  provenances: z.array(provenanceSchema),
  history: z.array(claimReviewEntrySchema),
  canAct: z
    .boolean()
    .describe('The caller may approve/return/reject it now, as the step’s own org'),
  canActFor: z
    .boolean()
    .describe('The caller may act on it now only for the step’s org (代审: send `actFor: true`)'),
  canEdit: z.boolean().describe('The caller may correct and (re)submit it now'),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimCreateSchema = z.object({
  activity: activityInputSchema,
  personId: z
    .uuid()
    .optional()
    .describe('For unit admins entering a credit for a staff member; a learner’s own by default'),
  evidence: z.array(evidenceRefSchema).max(20).default([]),
  submit: z.boolean().default(false).describe('Submit at once instead of keeping a draft'),
});
export type ClaimCreate = z.infer<typeof claimCreateSchema>;

export const claimUpdateSchema = z.object({
  activity: activityInputSchema,
  version: versionSeen,
});
export type ClaimUpdate = z.infer<typeof claimUpdateSchema>;

export const claimVersionSchema = z.object({ version: versionSeen });
export type ClaimVersion = z.infer<typeof claimVersionSchema>;

export const reviewDecisionSchema = z.object({
  version: versionSeen,
  reason: z.string().trim().max(500).optional(),
  actFor: z
    .boolean()
    .default(false)
    .describe(
      '代审: act for the org of the current step from an ancestor org; refused without it (and on one’s own step)',
    ),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const reviewReasonSchema = z.object({
  version: versionSeen,
  reason: z.string().trim().min(1).max(500),
  actFor: z
    .boolean()
    .default(false)
    .describe(
      '代审: act for the org of the current step from an ancestor org; refused without it (and on one’s own step)',
    ),
});
export type ReviewReason = z.infer<typeof reviewReasonSchema>;

export const bulkReviewSchema = z.object({
  items: z
    .array(z.object({ id: z.uuid(), version: versionSeen }))
    .min(1)
    .max(200),
  reason: z.string().trim().max(500).optional().describe('Required to return'),
  actFor: z
    .boolean()
    .default(false)
    .describe(
      '代审: act for the org of the current step from an ancestor org; refused without it (and on one’s own step)',
    ),
});
export type BulkReview = z.infer<typeof bulkReviewSchema>;

export const bulkResultSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      ok: z.boolean(),
      status: claimStatusSchema.optional(),
      version: z.number().int().optional(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export const claimListQuerySchema = z.object({
  status: claimStatusSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ClaimListQuery = z.infer<typeof claimListQuerySchema>;

export const reviewQueueQuerySchema = z.object({
  type: activityTypeSchema.optional(),
  channel: creditChannelSchema.optional(),
  unitId: z.uuid().optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
  flagged: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only claims whose evidence is shared with another person'),
  actFor: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false)
    .describe('代审: the claims waiting at orgs below the caller’s, instead of at their own'),
  sort: z.enum(['submittedAt', 'activityDate', 'credits']).default('submittedAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ReviewQueueQuery = z.infer<typeof reviewQueueQuerySchema>;

export const claimListSchema = z.object({
  items: z.array(claimSummarySchema),
  nextCursor: z.string().nullable(),
});
export type ClaimList = z.infer<typeof claimListSchema>;

/** A unit admin enters one activity for many staff at once (单位批量录入). */
export const bulkEntrySchema = z.object({
  activity: activityInputSchema,
  personIds: z.array(z.uuid()).min(1).max(500),
  evidence: z.array(evidenceRefSchema).max(20).default([]),
  submit: z.boolean().default(true),
});
export type BulkEntry = z.infer<typeof bulkEntrySchema>;

export const bulkEntryResultSchema = z.object({
  items: z.array(
    z.object({
      personId: z.uuid(),
      claimId: z.uuid(),
      status: claimStatusSchema,
      matched: z.boolean().describe('An existing claim for the same activity was found'),
      credits: z.number(),
    }),
  ),
});
export type BulkEntryResult = z.infer<typeof bulkEntryResultSchema>;

/** ID numbers (in the body, never a URL) to find staff of a unit for bulk entry. */
export const staffLookupSchema = z.object({
  idNumbers: z.array(z.string().trim().min(1).max(30)).min(1).max(500),
});
export const staffLookupResultSchema = z.object({
  items: z.array(
    z.object({
      index: z.number().int().describe('Position in the list sent'),
      personId: z.uuid().nullable(),
      name: z.string().nullable(),
      idNumberMasked: z.string().nullable(),
      problem: z.enum(['invalid', 'not_in_unit']).nullable(),
    }),
  ),
});
export type StaffLookupResult = z.infer<typeof staffLookupResultSchema>;
