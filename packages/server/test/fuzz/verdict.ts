/**
 * Refusals where no field can be at fault, so none is named: who is asking (401, 403),
 * nothing there (404), the object's state (409, 423), the rate (429), the body's size or
 * type as a whole (413, 415).
 */
const fieldlessStatuses = new Set([401, 403, 404, 409, 413, 415, 423, 429]);
/** Codes about the request as a whole: an update naming nothing; a domain rule's refusal. */
const fieldlessCodes = new Set([
  'nothing_to_update',
  'password_policy',
  'evidence_required',
  'project_not_filed',
  'year_closed',
]);

interface ErrorBody {
  error?: { code?: unknown; issues?: unknown };
}

/** Why an answer breaks the fuzz's rule, or undefined when it keeps it. */
export function problemOf(status: number, body: string): string | undefined {
  if (status >= 500) return 'a server error';
  if (status < 400 || fieldlessStatuses.has(status)) return undefined;
  let parsed: ErrorBody;
  try {
    parsed = JSON.parse(body) as ErrorBody;
  } catch {
    return 'a 4xx whose body is not JSON';
  }
  const code = parsed.error?.code;
  if (typeof code !== 'string') return 'a 4xx without an error code';
  if (fieldlessCodes.has(code)) return undefined;
  const issues = parsed.error?.issues;
  const named =
    Array.isArray(issues) &&
    issues.length > 0 &&
    issues.every(
      (i: unknown) =>
        i !== null &&
        typeof i === 'object' &&
        'path' in i &&
        typeof i.path === 'string' &&
        i.path !== '',
    );
  return named ? undefined : `a ${String(status)} ${code} naming no field`;
}
