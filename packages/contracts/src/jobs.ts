import { z } from 'zod';
import { jobKinds, jobStatuses } from './codes';
import { errorCodeSchema } from './errors';
import { importReportSchema, type ImportReport } from './imports';

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

/** What the certificate PDF job (`certificate_pdfs`) did, once it `succeeded`. */
export const certificatePdfsResultSchema = z.object({
  total: z.number().int().describe('Valid certificates of the year in the subtree'),
  stored: z.number().int().describe('PDFs this run stored'),
  alreadyStored: z
    .number()
    .int()
    .describe('Certificates whose PDF an earlier, interrupted attempt had stored'),
  tampered: z
    .array(z.string())
    .describe('Serials whose stored data no longer matches the signature: no PDF for them'),
});
export type CertificatePdfsResult = z.infer<typeof certificatePdfsResultSchema>;

export const jobSchema = z.object({
  id: z.uuid(),
  kind: jobKindSchema,
  status: jobStatusSchema,
  progress: z.object({
    done: z.number().int().describe('Rows checked so far'),
    total: z.number().int().nullable().describe('Rows in the file; null until it has been read'),
  }),
  /**
   * What the job did once it `succeeded`, by `kind`: an import's report (the same report the
   * synchronous import answers, row-numbered; `written: false` with issues when any row was
   * invalid), or the certificate PDF job's counts.
   */
  result: z.union([importReportSchema, certificatePdfsResultSchema]).nullable(),
  /** Why a job `failed` (the file was imported before, the server stopped twice, …). */
  error: z.object({ code: errorCodeSchema, message: z.string() }).nullable(),
  fileName: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

/** An import job's report, once it has one (null for other kinds and before the end). */
export function importReportOf(job: Pick<Job, 'kind' | 'result'>): ImportReport | null {
  return job.kind !== 'certificate_pdfs' && job.result !== null && 'issues' in job.result
    ? job.result
    : null;
}

/** The certificate PDF job's counts, once it has succeeded. */
export function certificatePdfsResultOf(
  job: Pick<Job, 'kind' | 'result'>,
): CertificatePdfsResult | null {
  return job.kind === 'certificate_pdfs' && job.result !== null && 'tampered' in job.result
    ? job.result
    : null;
}
