import { z } from 'zod';
import { errorCodes } from './error-codes';

export * from './error-codes';

export const errorCodeSchema = z.enum(errorCodes);

export const fieldIssueSchema = z.object({
  path: z.string().describe('Dotted path of the offending field, e.g. `activities.2.hours`'),
  message: z.string(),
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const errorResponseSchema = z.object({
  error: z.object({
    code: errorCodeSchema,
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
    issues: z.array(fieldIssueSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;
