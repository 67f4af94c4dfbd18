import { z } from 'zod';
import { jobKinds, jobStatuses } from './codes';
import { errorCodeSchema } from './errors';
import { importReportSchema } from './imports';

export const jobKindSchema = z.enum(jobKinds);
export type JobKind = z.infer<typeof jobKindSchema>;

export const jobStatusSchema = z.enum(jobStatuses);
export type JobStatus = z.infer<typeof jobStatusSchema>;

/** The answer of an upload run as a job (`?async=true`): 202 and where to follow it. */
export const jobAcceptedSchema = z.object({
  jobId: z.uuid(),
  status: jobStatusSchema,
});
export type JobAccepted = z.infer<typeof jobAcceptedSchema>;

export const jobSchema = z.object({
  id: z.uuid(),
  kind: jobKindSchema,
  status: jobStatusSchema,
  progress: z.object({
    done: z.number().int().describe('Rows checked so far'),
    total: z.number().int().nullable().describe('Rows in the file; null until it has been read'),
  }),
  /**
   * An import job's report once it `succeeded`: the same report the synchronous import
   * answers, row-numbered; `written: false` with issues when any row was invalid.
   */
  result: importReportSchema.nullable(),
  /** Why a job `failed` (the file was imported before, the server stopped twice, …). */
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  fileName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Job = z.infer<typeof jobSchema>;
