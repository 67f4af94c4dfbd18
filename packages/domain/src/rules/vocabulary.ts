/** The words of the rules engine's input, shared by the input schema and the policy packs. */
import { z } from 'zod';

export const activityTypes = [
  'project',
  'paper',
  'research',
  'book',
  'translation',
  'survey_report',
  'written_review',
  'unit_lecture',
  'case_discussion',
  'further_study',
  'degree_study',
  'aid_post',
  'online_course',
  'self_study',
  'residency',
] as const;
export const activityTypeSchema = z.enum(activityTypes);
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const creditClassSchema = z.enum(['I', 'II']);
export type CreditClass = z.infer<typeof creditClassSchema>;

export const projectLevelSchema = z.enum(['national', 'provincial', 'municipal', 'unit']);
export type ProjectLevel = z.infer<typeof projectLevelSchema>;

export const projectRoleSchema = z.enum(['attendee', 'speaker']);
export const sessionRoleSchema = z.enum(['speaker', 'participant']);
export const journalSchema = z.enum(['foreign', 'core', 'provincial']);
export const researchLevelSchema = z.enum(['national', 'provincial', 'city']);

export const unitLevelSchema = z.enum(['provincial', 'city', 'county', 'township']);
export type UnitLevel = z.infer<typeof unitLevelSchema>;

/** Activity types whose quantity is a number of months (进修, 学历教育, 对口支援). */
export const monthlyActivityTypes = ['further_study', 'degree_study', 'aid_post'] as const;

/** Activity types valued by a count of words or characters, and the field holding it. */
export const writtenWorkFields = {
  book: 'words',
  survey_report: 'words',
  written_review: 'words',
  translation: 'characters',
} as const;
