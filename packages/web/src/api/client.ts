import { ApiError, toApiError } from './errors';

/** Anything with zod's `parse`: every response is parsed with its contract schema. */
export interface Parser<T> {
  parse(input: unknown): T;
}

/**
 * A schema loaded when an answer arrives, for the calls every page makes at start-up (the
 * session, the app's info): a signed-out page, public or the sign-in form, gets a 401 and
 * never loads zod; a signed-in one loads it beside its page (ADR 0022).
 */
export interface LazyParser<T> {
  readonly load: () => Promise<Parser<T>>;
}

export function lazyParser<T>(load: () => Promise<Parser<T>>): LazyParser<T> {
  return { load };
}

function isLazy<T>(schema: Parser<T> | LazyParser<T>): schema is LazyParser<T> {
  return 'load' in schema;
}

/** A schema chunk that cannot be fetched is the network failing, as the request would. */
async function loadParser<T>(lazy: LazyParser<T>, what: string): Promise<Parser<T>> {
  try {
    return await lazy.load();
  } catch (cause) {
    throw new ApiError({
      code: 'network_error',
      status: 0,
      message: `${what}: ${cause instanceof Error ? cause.message : 'the schema did not load'}`,
    });
  }
}

/** For writes whose answer the caller does not use: the lists are refetched instead. */
export const ignoreBody: Parser<void> = { parse: () => undefined };

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Query = Record<string, string | number | boolean | undefined>;

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

interface SendOptions {
  query?: Query;
  /** A JSON body. */
  body?: unknown;
  /** A multipart body (file uploads); the browser sets its Content-Type. */
  form?: FormData;
  accept?: string;
}

async function send(method: Method, path: string, options: SendOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: options.accept ?? 'application/json' };
  if (method !== 'GET' && csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form !== undefined) {
    body = options.form;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(withQuery(path, options.query), {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
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
  schema: Parser<T> | LazyParser<T>,
  options: { query?: Query; body?: unknown; form?: FormData } = {},
): Promise<T> {
  const response = await send(method, path, options);
  const body = await readJson(response);
  const parser = isLazy(schema) ? await loadParser(schema, `${method} ${path}`) : schema;
  try {
    return parser.parse(body);
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

/** Fetches a file (an Excel template or export) as a Blob with its suggested file name. */
export async function requestFile(
  path: string,
  query: Query | undefined,
  fallbackName: string,
): Promise<{ blob: Blob; fileName: string }> {
  const response = await send('GET', path, { query, accept: '*/*' });
  const fileName = fileNameFromDisposition(
    response.headers.get('Content-Disposition'),
    fallbackName,
  );
  return { blob: await response.blob(), fileName };
}

/**
 * The file name of a `Content-Disposition` header: the RFC 5987 `filename*` (UTF-8, so
 * Chinese names survive) before the plain `filename`; the fallback when there is neither.
 */
export function fileNameFromDisposition(header: string | null, fallback: string): string {
  if (header === null) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended?.[1]) {
    try {
      return safeFileName(decodeURIComponent(extended[1].trim()), fallback);
    } catch {
      // Malformed percent-encoding: try the plain parameter.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/.exec(header);
  const name = plain?.[1] ?? plain?.[2]?.trim();
  return name ? safeFileName(name, fallback) : fallback;
}

/** No directories, no control characters: the browser gets a bare file name. */
function safeFileName(name: string, fallback: string): string {
  const last = name.split(/[\\/]/).pop() ?? '';
  const base = Array.from(last)
    .filter((c) => c.charCodeAt(0) >= 0x20 && c !== '\u007f')
    .join('')
    .trim();
  return base === '' || base === '.' || base === '..' ? fallback : base;
}
