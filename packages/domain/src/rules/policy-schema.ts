/**
 * The shape of the rules a policy pack carries. Every number is data with a `source` (an id
 * from the pack's `sources`), so that a provincial officer can check it against a document.
 */
import { z } from 'zod';
import {
  activityTypes,
  activityTypeSchema,
  creditClassSchema,
  evidenceDocumentKindSchema,
  projectLevelSchema,
  unitLevelSchema,
  type ActivityType,
} from './vocabulary';

const source = z.string().min(1, { error: 'must name a source' });
const positive = z.number({ error: 'must be a positive number' }).positive({
  error: 'must be a positive number',
});
const nonNegative = z.number({ error: 'must be a number ≥ 0' }).nonnegative({
  error: 'must be a number ≥ 0',
});
const year = z.int({ error: 'must be a whole year' }).min(1900).max(2200);
const creditClass = creditClassSchema.nullable();

/** `credits` per `per` units of the activity's quantity (hours, words, times, months). */
export const rateRuleSchema = z.strictObject({
  class: creditClass,
  credits: positive,
  per: positive,
  /** Only whole multiples of `per` count: 1 credit per whole 1,000 words. */
  whole: z.boolean().optional(),
  source,
});

/**
 * A project role: `awarded` takes the certificate's credits, `hours` applies the rate,
 * `awarded_or_hours` takes the certificate's credits when printed, else the rate.
 */
export const projectRuleSchema = z
  .strictObject({
    class: creditClass,
    basis: z.enum(['awarded', 'hours', 'awarded_or_hours']),
    credits: positive.optional(),
    per: positive.optional(),
    perProjectCap: positive.optional(),
    source,
  })
  .superRefine((rule, context) => {
    if (rule.basis === 'awarded') return;
    for (const key of ['credits', 'per'] as const) {
      if (rule[key] === undefined) {
        context.addIssue({ code: 'custom', path: [key], message: `is required for ${rule.basis}` });
      }
    }
  });

/**
 * What a residency year (规培) with its assessment passed is worth: `satisfies_year` meets
 * the year's requirements by itself without adding credits (as the full-year rule does);
 * `credits` gives that many credits of `class`.
 */
export const residencyRuleSchema = z
  .strictObject({
    basis: z.enum(['satisfies_year', 'credits']),
    credits: positive.optional(),
    class: creditClass.optional(),
    source,
  })
  .superRefine((rule, context) => {
    if (rule.basis !== 'credits') return;
    for (const key of ['credits', 'class'] as const) {
      if (rule[key] === undefined) {
        context.addIssue({ code: 'custom', path: [key], message: 'is required for credits' });
      }
    }
  });

const projectLevelRulesSchema = z.strictObject({
  attendee: projectRuleSchema.optional(),
  speaker: projectRuleSchema.optional(),
  /** Remote attendance, where it is valued differently from attending in person. */
  remote: projectRuleSchema.optional(),
});

const rankTable = z.array(nonNegative).min(1, { error: 'must list at least one rank' });

/** Credits by category and rank (1st author, 2nd author …); ranks beyond the list earn 0. */
const tableRule = <Keys extends z.ZodRawShape>(keys: Keys) =>
  z.strictObject({ class: creditClass, table: z.strictObject(keys), source });

const sessionRulesSchema = z.strictObject({
  speaker: rateRuleSchema.optional(),
  participant: rateRuleSchema.optional(),
});

export const valuationSchema = z.strictObject({
  project: z
    .strictObject({
      national: projectLevelRulesSchema.optional(),
      provincial: projectLevelRulesSchema.optional(),
      municipal: projectLevelRulesSchema.optional(),
      unit: projectLevelRulesSchema.optional(),
    })
    .optional(),
  paper: tableRule({
    foreign: rankTable.optional(),
    core: rankTable.optional(),
    provincial: rankTable.optional(),
  }).optional(),
  research: tableRule({
    national: rankTable.optional(),
    provincial: rankTable.optional(),
    city: rankTable.optional(),
  }).optional(),
  book: rateRuleSchema.optional(),
  translation: rateRuleSchema.optional(),
  survey_report: rateRuleSchema.optional(),
  written_review: rateRuleSchema.optional(),
  unit_lecture: sessionRulesSchema.optional(),
  case_discussion: sessionRulesSchema.optional(),
  further_study: rateRuleSchema.optional(),
  degree_study: rateRuleSchema.optional(),
  aid_post: rateRuleSchema.optional(),
  online_course: rateRuleSchema.optional(),
  self_study: rateRuleSchema.optional(),
  residency: residencyRuleSchema.optional(),
});

/**
 * Which activities share a yearly cap: a type, optionally only one role of it, and for
 * projects optionally one level and only remote (or only on-site) attendance.
 */
const capMemberSchema = z.strictObject({
  type: activityTypeSchema,
  role: z.enum(['attendee', 'speaker', 'participant']).optional(),
  level: projectLevelSchema.optional(),
  remote: z.boolean().optional(),
});

export const yearCapSchema = z.strictObject({
  credits: positive,
  members: z.array(capMemberSchema).min(1, { error: 'must list at least one member' }),
  source,
});

/** The documents a claim of one activity type must carry, each at least once. */
export const evidenceRuleSchema = z.strictObject({
  documents: z
    .array(evidenceDocumentKindSchema)
    .refine((kinds) => new Set(kinds).size === kinds.length, { error: 'lists a document twice' }),
  source,
});

/**
 * One entry per activity type, none optional: a new type without its entry is a type error
 * in the national packs and a load error naming the field.
 */
const evidenceRulesShape = Object.fromEntries(
  activityTypes.map((type) => [type, evidenceRuleSchema]),
) as { [Type in ActivityType]: typeof evidenceRuleSchema };
export const evidenceRulesSchema = z.strictObject(evidenceRulesShape);

const minimumSchema = z.strictObject({ credits: positive, source });

export const policyRulesSchema = z.strictObject({
  /** The credit classes in force: ['I', 'II'] under the 2006 measures, [] when unclassed. */
  classes: z.array(creditClassSchema),
  requirements: z.strictObject({
    annualTotal: z.strictObject({ credits: positive, hours: positive.optional(), source }),
    classMinimums: z.strictObject({ I: minimumSchema.optional(), II: minimumSchema.optional() }),
  }),
  valuation: valuationSchema,
  /** Caps per year over groups of activities, applied in the order listed. */
  yearCaps: z.record(z.string(), yearCapSchema),
  /** Project levels recognised when the project was hosted in another province. */
  recognition: z.strictObject({
    outOfProvinceProjectLevels: z.array(projectLevelSchema),
    source,
  }),
  /** Activities spanning two years that belong to the year of their certificate. */
  crossYearByCertificate: z.strictObject({ types: z.array(activityTypeSchema), source }).nullable(),
  /** Months of these activities in the year that satisfy the year's requirements alone. */
  fullYear: z
    .strictObject({ types: z.array(activityTypeSchema).min(1), months: positive, source })
    .nullable(),
  /** Credits from projects of one level within each stage of several years. */
  stage: z
    .strictObject({
      years: z.int().positive(),
      firstYear: year,
      unitLevels: z.array(unitLevelSchema).min(1),
      projectLevel: projectLevelSchema,
      credits: positive,
      source,
    })
    .nullable(),
  /** The annual certificate issued on passing, counted as training hours elsewhere. */
  certificate: z.strictObject({ hours: positive, source }).nullable(),
  /** The documents each activity type's evidence must include (学分录入 with 证明材料). */
  evidence: evidenceRulesSchema,
  /**
   * Projects of these levels count only when found in the registry of filed projects (备案),
   * and are then valued from the registry's hours and credits.
   */
  filedProjects: z.strictObject({ levels: z.array(projectLevelSchema).min(1), source }).nullable(),
  /**
   * Credits count only in the year they are entered: once a credit year has ended, no
   * activity of that year may be entered any more (Hunan).
   */
  entryYear: z.strictObject({ source }).nullable(),
});

export type PolicyRules = z.infer<typeof policyRulesSchema>;
export type RateRule = z.infer<typeof rateRuleSchema>;
export type ProjectRule = z.infer<typeof projectRuleSchema>;
export type YearCap = z.infer<typeof yearCapSchema>;
export type EvidenceRules = z.infer<typeof evidenceRulesSchema>;
export type ResidencyRule = z.infer<typeof residencyRuleSchema>;
export { year as yearSchema };
