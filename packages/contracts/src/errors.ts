import { z } from 'zod';

/**
 * Every error the API can answer with. The web and the CLI branch on `code`, never on the
 * message text. The HTTP status of each code is decided in one place, the server's error
 * handler.
 */
export const errorCodes = [
  'validation_failed',
  'unauthenticated',
  'device_unauthorised',
  'invalid_credentials',
  'account_locked',
  'password_policy',
  'password_change_required',
  'forbidden',
  'act_for_required',
  'already_approved',
  'csrf_failed',
  'invalid_state',
  'import_invalid',
  'unsupported_file',
  'file_too_large',
  'not_found',
  'conflict',
  'stale_state',
  'idempotency_conflict',
  'evidence_rejected',
  'evidence_required',
  'year_closed',
  'rate_limited',
  'database_locked',
  'internal',
] as const;

export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

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
