import { ApiError, toApiError } from './errors';

/** Anything with zod's `parse`: every response is parsed with its contract schema. */
export interface Parser<T> {
  parse(input: unknown): T;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Query = Record<string, string | number | undefined>;

// The CSRF token of the current session, from the latest /me or sign-in response. Kept in
// memory only: the session cookie is HttpOnly and the token must not outlive the page.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function withQuery(path: string, query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function send(
  method: Method,
  path: string,
  options: { query?: Query; body?: unknown },
): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  const hasBody = options.body !== undefined;
  if (hasBody) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(hasBody ? { body: JSON.stringify(options.body) } : {}),
    });
  } catch (cause) {
    throw new ApiError({
      code: 'network_error',
      status: 0,
      message: cause instanceof Error ? cause.message : 'network error',
    });
  }
  if (!response.ok) throw toApiError(response.status, await readJson(response));
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

/** Sends a request and parses the JSON answer with `schema`; rejects with ApiError. */
export async function request<T>(
  method: Method,
  path: string,
  schema: Parser<T>,
  options: { query?: Query; body?: unknown } = {},
): Promise<T> {
  const response = await send(method, path, options);
  const body = await readJson(response);
  try {
    return schema.parse(body);
  } catch {
    throw new ApiError({
      code: 'unexpected_response',
      status: response.status,
      message: `${method} ${path}: the response does not match its contract`,
    });
  }
}

/** Sends a request whose success has no body (204). */
export async function requestNoContent(
  method: Method,
  path: string,
  options: { body?: unknown } = {},
): Promise<void> {
  await send(method, path, options);
}
