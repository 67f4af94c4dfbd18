import { z } from 'zod';
import {
  activityTypeSchema,
  claimStatusSchema,
  claimSummarySchema,
  creditChannelSchema,
  creditClassSchema,
  packVersionSchema,
} from './credits';
import { professionSchema, titleGradeSchema } from './people';

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

const booleanQuery = z.enum(['true', 'false']).transform((v) => v === 'true');
const creditsQuery = z.coerce.number().min(0).max(10_000);

export const progressSortSchema = z.enum(['shortfall', 'name', 'credits']);
export type ProgressSort = z.infer<typeof progressSortSchema>;

/**
 * A progress list of any subtree (a unit, a district, a city, the province): filters,
 * sort and keyset pages, all on the stored standings (ADR 0018).
 */
export const unitProgressQuerySchema = z.object({
  year: z.coerce
    .number()
    .int()
    .min(1990)
    .max(2100)
    .optional()
    .describe('The current year by default'),
  behind: booleanQuery
    .default(false)
    .describe('Only those not compliant (same as compliant=false)'),
  compliant: booleanQuery.optional(),
  profession: professionSchema.optional(),
  titleGrade: titleGradeSchema.optional(),
  shortfallMin: creditsQuery.optional().describe('Annual-total shortfall at least this'),
  shortfallMax: creditsQuery.optional().describe('Annual-total shortfall at most this'),
  sort: progressSortSchema
    .default('shortfall')
    .describe('shortfall: behind first, largest shortfall first, then name; name; credits'),
  order: z.enum(['asc', 'desc']).optional().describe('For name (asc) and credits (desc)'),
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type UnitProgressQuery = z.infer<typeof unitProgressQuerySchema>;

export const unitProgressExportQuerySchema = unitProgressQuerySchema.omit({
  after: true,
  limit: true,
});
export type UnitProgressExportQuery = z.infer<typeof unitProgressExportQuerySchema>;

/** How current the standings of a page are: `asOf` is null when nothing is waiting. */
export const freshnessSchema = z.object({
  staleCount: z
    .number()
    .int()
    .describe('People of the scope whose standing is being computed again'),
  asOf: z.iso
    .datetime()
    .nullable()
    .describe('When the oldest waiting change was made: the figures are current up to it'),
});
export type Freshness = z.infer<typeof freshnessSchema>;

export const staffProgressSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  profession: z.string(),
  titleGrade: z.string(),
  totalCredits: z.number(),
  required: z.number(),
  shortfall: z.number().describe('Of the annual total'),
  unmet: z.array(z.string()).describe('Codes of the requirements not met'),
  requirements: z.array(requirementSchema),
  unitId: z.uuid(),
  unitName: z.string(),
  compliant: z.boolean(),
  pendingCount: z.number().int(),
  pendingCredits: z
    .number()
    .describe('What the total would gain if the pending claims were approved'),
  computedAt: z.iso.datetime(),
});
export type StaffProgress = z.infer<typeof staffProgressSchema>;

export const unitProgressSchema = freshnessSchema.extend({
  unitId: z.uuid(),
  year: z.number().int(),
  staffCount: z
    .number()
    .int()
    .nullable()
    .describe('Everyone of the subtree with a standing of the year (first page only, else null)'),
  behindCount: z.number().int().nullable().describe('First page only, else null'),
  total: z.number().int().nullable().describe('Those matching the filters (first page only)'),
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

/** A credits bucket of the distribution: [from, to) credits; `to` null for the last one. */
const bucketSchema = z.object({
  from: z.number(),
  to: z.number().nullable(),
  staff: z.number().int(),
});

/** 统计报表: compliance of a subtree's people for a year, overall and by group (ADR 0018). */
export const complianceStatisticsSchema = freshnessSchema.extend({
  unitId: z.uuid(),
  year: z.number().int(),
  overall: tallySchema,
  byChild: z
    .array(
      groupTallySchema.extend({
        name: z.string(),
        kind: z.string().describe('city, district, unit …: the child organisation’s kind'),
      }),
    )
    .describe('By child organisation (province → city → district → unit)'),
  byProfession: z.array(groupTallySchema),
  byTitleGrade: z.array(groupTallySchema),
  byUnitLevel: z
    .array(groupTallySchema)
    .describe('By the level a unit reports at (provincial, city, county, township; none)'),
  distribution: z.array(bucketSchema).describe('People by credits, in steps of 5'),
  byChannel: z
    .array(z.object({ channel: creditChannelSchema, credits: z.number() }))
    .describe('Counted credits by the channel they first arrived by'),
  trend: z
    .object({
      months: z.array(z.number().int()),
      thisYear: z
        .array(z.number())
        .describe('Mean cumulative credits per person at each month’s end'),
      lastYear: z.array(z.number()),
    })
    .describe('This year against last year, month by month'),
});
export type ComplianceStatistics = z.infer<typeof complianceStatisticsSchema>;
export const complianceStatisticsQuerySchema = unitProgressQuerySchema.pick({ year: true });
