import { z } from 'zod';
import {
  activityTypeSchema,
  claimStatusSchema,
  claimSummarySchema,
  creditChannelSchema,
  creditClassSchema,
  packVersionSchema,
} from './credits';

/** One year at a glance, for the list of years. */
export const yearSummarySchema = z.object({
  year: z.number().int(),
  totalCredits: z.number().describe('Counted credits of effective claims'),
  compliant: z.boolean(),
  pendingCount: z.number().int().describe('Claims still in review or to correct'),
});
export type YearSummary = z.infer<typeof yearSummarySchema>;

export const yearListSchema = z.object({
  personId: z.uuid(),
  personName: z.string(),
  currentYear: z.number().int(),
  items: z.array(yearSummarySchema).describe('Newest first: every year with claims, and this year'),
});
export type YearList = z.infer<typeof yearListSchema>;

export const requirementSchema = z.object({
  code: z.string().describe('annual_total, class_I_minimum, class_II_minimum, stage_national…'),
  required: z.number(),
  earned: z.number(),
  met: z.boolean(),
  shortfall: z.number(),
  requiredHours: z.number().optional(),
  waivedBy: z.string().optional(),
});
export type Requirement = z.infer<typeof requirementSchema>;

export const yearCreditSchema = z.object({
  claimId: z.uuid(),
  activityType: activityTypeSchema,
  activityDate: z.iso.date(),
  projectNumber: z.string().nullable(),
  channels: z.array(creditChannelSchema).describe('Every channel it arrived by'),
  status: claimStatusSchema,
  credits: z.number().describe('What it counts this year, after caps'),
  faceCredits: z.number(),
  class: creditClassSchema.nullable(),
  reasons: z.array(z.string()),
});
export type YearCredit = z.infer<typeof yearCreditSchema>;

/**
 * A claim of the year still in review, to correct or a draft: shown beside the report,
 * never counted. `returnReason` is the reviewer's reason when it was returned.
 */
export const pendingCreditSchema = claimSummarySchema.extend({
  channels: z.array(creditChannelSchema).describe('Every channel it arrived by'),
  reasons: z.array(z.string()).describe('The rules engine’s reasons for its face value'),
  returnReason: z.string().nullable(),
});
export type PendingCredit = z.infer<typeof pendingCreditSchema>;

/** The 2006 measures' 5-year stage: progress towards its national-project credits. */
export const stageProgressSchema = z.object({
  code: z.string(),
  firstYear: z.number().int(),
  lastYear: z.number().int(),
  required: z.number(),
  earned: z.number(),
  shortfall: z.number(),
  met: z.boolean(),
  isFinalYear: z.boolean().describe('In the last year the shortfall is a requirement'),
});

/** The rules engine's YearReport over a person's effective claims, pending ones beside it. */
export const yearReportSchema = z.object({
  personId: z.uuid(),
  personName: z.string(),
  year: z.number().int(),
  packs: z.array(packVersionSchema),
  compliant: z.boolean(),
  totalCredits: z.number(),
  classCredits: z.record(z.string(), z.number()),
  requirements: z.array(requirementSchema),
  credits: z.array(yearCreditSchema),
  pending: z.array(pendingCreditSchema),
  certificateHours: z.number().optional(),
  stage: stageProgressSchema.optional(),
  fullYear: z
    .object({ requiredMonths: z.number(), months: z.number(), met: z.boolean() })
    .optional()
    .describe('Months of further study that satisfy the whole year, where the rules have it'),
});
export type YearReportView = z.infer<typeof yearReportSchema>;

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
export const personYearParamsSchema = yearParamsSchema.extend({ id: z.uuid() });

export const unitProgressQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('The current year by default'),
  behind: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type UnitProgressQuery = z.infer<typeof unitProgressQuerySchema>;

export const unitProgressExportQuerySchema = unitProgressQuerySchema.pick({
  year: true,
  behind: true,
});
export type UnitProgressExportQuery = z.infer<typeof unitProgressExportQuerySchema>;

export const staffProgressSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  profession: z.string(),
  totalCredits: z.number(),
  required: z.number(),
  shortfall: z.number().describe('Of the annual total'),
  unmet: z.array(z.string()).describe('Codes of the requirements not met'),
  requirements: z.array(requirementSchema),
  unitId: z.uuid(),
  unitName: z.string(),
  compliant: z.boolean(),
  pendingCount: z.number().int(),
});
export type StaffProgress = z.infer<typeof staffProgressSchema>;

export const unitProgressSchema = z.object({
  unitId: z.uuid(),
  year: z.number().int(),
  staffCount: z.number().int(),
  behindCount: z.number().int(),
  items: z.array(staffProgressSchema),
  nextCursor: z.string().nullable(),
});
export type UnitProgress = z.infer<typeof unitProgressSchema>;

const tallySchema = z.object({
  staff: z.number().int(),
  compliant: z.number().int(),
  rate: z.number().describe('Percent compliant, one decimal'),
  averageCredits: z.number().describe('Mean credits per person, one decimal'),
});
const groupTallySchema = tallySchema.extend({
  key: z.string().describe('The group: a profession, a title grade or a unit id'),
});

/** 统计报表: compliance of a unit's staff (and the units below it) for a year, by group. */
export const complianceStatisticsSchema = z.object({
  unitId: z.uuid(),
  year: z.number().int(),
  overall: tallySchema,
  byProfession: z.array(groupTallySchema),
  byTitleGrade: z.array(groupTallySchema),
  byUnit: z.array(groupTallySchema.extend({ name: z.string() })),
});
export type ComplianceStatistics = z.infer<typeof complianceStatisticsSchema>;
export const complianceStatisticsQuerySchema = unitProgressQuerySchema.pick({ year: true });
