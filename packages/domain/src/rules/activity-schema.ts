/**
 * One person's activities as the rules engine reads them (the `jijiao rules evaluate`
 * input). Messages are phrased to follow a field path: `activities[2].hours: must be …`.
 */
import { z } from 'zod';
import { isCalendarDateText } from '../calendar/calendar-date';
import {
  journalSchema,
  projectLevelSchema,
  projectRoleSchema,
  researchLevelSchema,
  sessionRoleSchema,
} from './vocabulary';

/** The field is required when absent; otherwise `message` says what it must be. */
const expect = (message: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message),
});

const positiveNumber = z
  .number(expect('must be a positive number'))
  .positive({ error: 'must be a positive number' });
const positiveInteger = z
  .int(expect('must be a positive whole number'))
  .positive({ error: 'must be a positive whole number' });
const credits = z
  .number(expect('must be a number ≥ 0'))
  .nonnegative({ error: 'must be a number ≥ 0' });

export const dateSchema = z
  .string(expect('must be a date YYYY-MM-DD'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'must be a date YYYY-MM-DD' })
  .refine(isCalendarDateText, { error: 'must be a real calendar date' });

export const regionCodeSchema = z
  .string(expect('must be a 6-digit GB/T 2260 code'))
  .regex(/^\d{6}$/, { error: 'must be a 6-digit GB/T 2260 code' });

const base = {
  id: z.string(expect('must be a non-empty string')).min(1, { error: 'must not be empty' }),
  date: dateSchema,
};
const oneOf = (schema: z.ZodEnum) => expect(`must be one of ${schema.options.join(', ')}`);

const projectSchema = z.object({
  ...base,
  type: z.literal('project'),
  level: z.enum(projectLevelSchema.options, oneOf(projectLevelSchema)),
  role: z.enum(projectRoleSchema.options, oneOf(projectRoleSchema)),
  hours: positiveNumber.optional(),
  awardedCredits: credits.optional(),
  remote: z.boolean(expect('must be true or false')).optional(),
  hostProvince: regionCodeSchema.optional(),
  projectNumber: z.string(expect('must be a string')).min(1).optional(),
  /** The project's full name: found in the registry of filed projects with the date. */
  projectName: z.string(expect('must be a string')).trim().min(1).optional(),
});

const wordsSchema = <T extends string>(type: T) =>
  z.object({ ...base, type: z.literal(type), words: positiveInteger });

const sessionSchema = <T extends string>(type: T) =>
  z.object({
    ...base,
    type: z.literal(type),
    role: z.enum(sessionRoleSchema.options, oneOf(sessionRoleSchema)),
    times: positiveInteger,
  });

const monthlySchema = <T extends string>(type: T) =>
  z
    .object({
      ...base,
      type: z.literal(type),
      months: positiveNumber,
      startDate: dateSchema.optional(),
      endDate: dateSchema.optional(),
      certificateDate: dateSchema.optional(),
    })
    .refine((a) => !a.startDate || !a.endDate || a.startDate <= a.endDate, {
      error: 'must not be before startDate',
      path: ['endDate'],
    });

/**
 * A year of residency training (规培): `date` is the day of that year's assessment, which
 * decides the credit year; the final year is `trainingYear` = `totalYears`.
 */
const residencySchema = z
  .object({
    ...base,
    type: z.literal('residency'),
    trainingYear: positiveInteger,
    totalYears: positiveInteger,
    assessmentPassed: z.boolean(expect('must be true or false')),
  })
  .refine((a) => a.trainingYear <= a.totalYears, {
    error: 'must not exceed totalYears',
    path: ['trainingYear'],
  });

const activityTypeError = 'must be one of project, paper, research, book, translation, '.concat(
  'survey_report, written_review, unit_lecture, case_discussion, further_study, degree_study, ',
  'aid_post, online_course, self_study, residency',
);

export const activitySchema = z.discriminatedUnion(
  'type',
  [
    projectSchema,
    z.object({
      ...base,
      type: z.literal('paper'),
      journal: z.enum(journalSchema.options, oneOf(journalSchema)),
      authorRank: positiveInteger,
    }),
    z.object({
      ...base,
      type: z.literal('research'),
      level: z.enum(researchLevelSchema.options, oneOf(researchLevelSchema)),
      rank: positiveInteger,
    }),
    wordsSchema('book'),
    wordsSchema('survey_report'),
    wordsSchema('written_review'),
    z.object({ ...base, type: z.literal('translation'), characters: positiveInteger }),
    sessionSchema('unit_lecture'),
    sessionSchema('case_discussion'),
    monthlySchema('further_study'),
    monthlySchema('degree_study'),
    monthlySchema('aid_post'),
    z.object({
      ...base,
      type: z.literal('online_course'),
      hours: positiveNumber,
      platform: z.string().optional(),
    }),
    z.object({ ...base, type: z.literal('self_study'), hours: positiveNumber }),
    residencySchema,
  ],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null
        ? activityTypeError
        : 'must be an object',
  },
);

export type Activity = z.infer<typeof activitySchema>;
export type ProjectActivity = z.infer<typeof projectSchema>;
export type ResidencyActivity = z.infer<typeof residencySchema>;
