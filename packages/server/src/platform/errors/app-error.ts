import type { ErrorCode, FieldIssue } from '@jijiao/contracts';

/** The one error type of the server. Its code decides the HTTP status (see error-handler.ts). */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const httpStatusOf: Readonly<Record<ErrorCode, number>> = {
  validation_failed: 400,
  nothing_to_update: 400,
  unauthenticated: 401,
  device_unauthorised: 401,
  invalid_credentials: 401,
  account_locked: 423,
  password_policy: 422,
  password_change_required: 403,
  two_factor_enrolment_required: 403,
  invalid_second_factor: 401,
  second_factor_expired: 401,
  forbidden: 403,
  act_for_required: 403,
  already_approved: 403,
  csrf_failed: 403,
  invalid_state: 409,
  import_invalid: 422,
  unsupported_file: 415,
  file_too_large: 413,
  not_found: 404,
  conflict: 409,
  certificate_tampered: 409,
  stale_state: 409,
  idempotency_conflict: 409,
  evidence_rejected: 415,
  evidence_required: 422,
  project_not_filed: 422,
  year_closed: 422,
  entry_closed: 422,
  review_closed: 422,
  rate_limited: 429,
  database_locked: 503,
  backup_invalid: 422,
  internal: 500,
};
