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
  items: z.array(yearSummarySchema),
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
  pending: z.array(claimSummarySchema),
  certificateHours: z.number().optional(),
});
export type YearReportView = z.infer<typeof yearReportSchema>;

export const yearParamsSchema = z.object({ year: z.coerce.number().int().min(1990).max(2100) });
export const personYearParamsSchema = yearParamsSchema.extend({ id: z.uuid() });

export const unitProgressQuerySchema = z.object({
  year: z.coerce.number().int().min(1990).max(2100),
  behindOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  after: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type UnitProgressQuery = z.infer<typeof unitProgressQuerySchema>;

export const staffProgressSchema = z.object({
  personId: z.uuid(),
  name: z.string(),
  idNumberMasked: z.string(),
  profession: z.string(),
  totalCredits: z.number(),
  required: z.number(),
  shortfall: z.number().describe('Of the annual total'),
  unmet: z.array(z.string()).describe('Codes of the requirements not met'),
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
