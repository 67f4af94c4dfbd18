// Plain data, without zod: the web reads failed answers in its start-up bundle (ADR 0022).

/**
 * Every error the API can answer with. The web and the CLI branch on `code`, never on the
 * message text. The HTTP status of each code is decided in one place, the server's error
 * handler.
 */
export const errorCodes = [
  'validation_failed',
  'nothing_to_update',
  'unauthenticated',
  'device_unauthorised',
  'invalid_credentials',
  'account_locked',
  'password_policy',
  'password_change_required',
  'two_factor_enrolment_required',
  'invalid_second_factor',
  'second_factor_expired',
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
  'certificate_tampered',
  'stale_state',
  'idempotency_conflict',
  'evidence_rejected',
  'evidence_required',
  'project_not_filed',
  'year_closed',
  'entry_closed',
  'review_closed',
  'rate_limited',
  'database_locked',
  'backup_invalid',
  'internal',
] as const;

export type ErrorCode = (typeof errorCodes)[number];
