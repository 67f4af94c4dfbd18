import { z } from 'zod';
import { projectLevels, projectStatuses } from './codes';

export const projectLevelSchema = z.enum(projectLevels);
export type ProjectLevel = z.infer<typeof projectLevelSchema>;

export const projectStatusSchema = z.enum(projectStatuses);
export type ProjectStatus = z.infer<typeof projectStatusSchema>;

export const projectSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('e.g. 2021-04-08-186（国）'),
  name: z.string(),
  level: projectLevelSchema,
  year: z.number().int(),
  hostId: z.uuid(),
  hostName: z.string(),
  discipline: z.string().describe('Discipline code of the number, e.g. 04-08'),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  place: z.string(),
  hours: z.number(),
  attendeeCredits: z.number().describe('Credits awarded to an attendee'),
  speakerCredits: z.number().describe('Credits awarded to a speaker'),
  tcm: z.boolean(),
  remote: z.boolean(),
  status: projectStatusSchema,
  filedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
  attendeeCount: z.number().int().nullable().describe('From the execution report'),
  cancelReason: z.string().nullable(),
});
export type Project = z.infer<typeof projectSchema>;

const credits = z.number().min(0).max(100).multipleOf(0.1);

export const projectCreateSchema = z.object({
  number: z
    .string()
    .trim()
    .describe('Year-discipline-subdiscipline-serial and level mark: 2021-04-08-186（国）'),
  name: z.string().trim().min(2).max(200),
  level: projectLevelSchema,
  hostId: z.uuid(),
  startDate: z.iso.date(),
  endDate: z.iso.date(),
  place: z.string().trim().min(1).max(200),
  hours: z.number().positive().max(2000),
  attendeeCredits: credits,
  speakerCredits: credits,
  tcm: z.boolean().default(false),
  remote: z.boolean().default(false),
});
export type ProjectCreate = z.infer<typeof projectCreateSchema>;

/** Every field optional, defaults dropped: a field not sent is left as it is, never reset. */
export const projectUpdateSchema = projectCreateSchema
  .omit({ hostId: true })
  .partial()
  .extend({ tcm: z.boolean().optional(), remote: z.boolean().optional() });
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const projectFinishSchema = z.object({
  attendeeCount: z.number().int().min(0),
  note: z.string().trim().max(1000).optional(),
});
export const projectCancelSchema = z.object({ reason: z.string().trim().min(2).max(500) });

export const projectListQuerySchema = z.object({
  number: z.string().trim().min(1).max(40).optional(),
  name: z.string().trim().min(1).max(50).optional(),
  host: z.string().trim().min(1).max(50).optional().describe('Part of the host’s name'),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  level: projectLevelSchema.optional(),
  status: projectStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().optional(),
});
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

export const projectListSchema = z.object({
  items: z.array(projectSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nullable().describe('Those matching the filters (first page only)'),
});
export type ProjectList = z.infer<typeof projectListSchema>;

/** What anyone may see of a filed project, without signing in. */
export const publicProjectSchema = projectSchema.pick({
  number: true,
  name: true,
  level: true,
  year: true,
  hostName: true,
  startDate: true,
  endDate: true,
  place: true,
  attendeeCredits: true,
  status: true,
});
export type PublicProject = z.infer<typeof publicProjectSchema>;
export const publicProjectListSchema = z.object({
  items: z.array(publicProjectSchema),
  nextCursor: z.string().nullable(),
});
