import { errorCodes, type ErrorCode, type ErrorResponse, type FieldIssue } from '@jijiao/contracts';
import type { PasswordProblem as DomainPasswordProblem } from '@jijiao/domain';

/** Failures the client detects itself, in addition to the server's error codes. */
export type ClientErrorCode = 'network_error' | 'unexpected_response';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

/** Every failed API call rejects with this. Branch on `code`, never on `message`. */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ApiErrorCode;
  readonly status: number;
  readonly details: Readonly<Record<string, unknown>>;
  readonly issues: readonly FieldIssue[];

  constructor(init: {
    code: ApiErrorCode;
    status: number;
    message: string;
    details?: Record<string, unknown> | undefined;
    issues?: readonly FieldIssue[] | undefined;
  }) {
    super(init.message);
    this.code = init.code;
    this.status = init.status;
    this.details = init.details ?? {};
    this.issues = init.issues ?? [];
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** What a status means when the body is not a contract error (a proxy's 502 page, say). */
function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'validation_failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 409:
      return 'conflict';
    case 423:
      return 'account_locked';
    case 429:
      return 'rate_limited';
    default:
      return 'internal';
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isFieldIssue(value: unknown): value is FieldIssue {
  return (
    isRecord(value) && typeof value['path'] === 'string' && typeof value['message'] === 'string'
  );
}

/**
 * The contract's `errorResponseSchema`, checked by hand: every page's start-up code reads
 * failed answers, and parsing them with zod would put zod (~25 kB compressed) into the
 * bundle of pages that parse nothing else (ADR 0022). errors.test.ts holds this to the schema.
 */
export function readErrorResponse(body: unknown): ErrorResponse['error'] | null {
  if (!isRecord(body) || !isRecord(body['error'])) return null;
  const { code, message, details, issues } = body['error'];
  if (typeof code !== 'string' || !(errorCodes as readonly string[]).includes(code)) return null;
  if (typeof message !== 'string') return null;
  if (details !== undefined && !isRecord(details)) return null;
  if (issues !== undefined && !(Array.isArray(issues) && issues.every(isFieldIssue))) return null;
  return {
    code: code as ErrorCode,
    message,
    ...(details !== undefined ? { details } : {}),
    ...(issues !== undefined ? { issues: issues } : {}),
  };
}

/** Turns a non-2xx response body (already JSON-decoded, or null) into an ApiError. */
export function toApiError(status: number, body: unknown): ApiError {
  const error = readErrorResponse(body);
  if (error) {
    const { code, message, details, issues } = error;
    return new ApiError({ code, status, message, details, issues });
  }
  return new ApiError({ code: codeForStatus(status), status, message: `HTTP ${status}` });
}

/** The problems the UI can name; `domain`'s checkPasswordPolicy produces the same codes. */
export const passwordProblems = [
  'too_short',
  'too_long',
  'too_few_classes',
  'contains_username',
  'same_as_current',
] as const satisfies readonly DomainPasswordProblem[];
export type PasswordProblem = (typeof passwordProblems)[number];

function isPasswordProblem(value: unknown): value is PasswordProblem {
  return typeof value === 'string' && (passwordProblems as readonly string[]).includes(value);
}

/** The known `details.problems` of a `password_policy` error; unknown entries are dropped. */
export function passwordProblemsOf(error: ApiError): PasswordProblem[] {
  if (error.code !== 'password_policy') return [];
  const problems = error.details['problems'];
  return Array.isArray(problems) ? problems.filter(isPasswordProblem) : [];
}
