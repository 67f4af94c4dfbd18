import type { FastifyServerOptions } from 'fastify';
import { readableLogStream } from './readable-log';

/**
 * Resident ID numbers must never reach a log line: every string in a log record is scanned
 * for the 18- and 15-digit forms and masked, whatever field it hides in (URL, message, error).
 */
const idNumberPattern =
  /(?<![0-9A-Za-z])(\d{6})(\d{8})(\d{3}[\dXx])(?![0-9A-Za-z])|(?<!\d)(\d{6})(\d{9})(?!\d)/g;

export function maskIdNumbersInText(text: string): string {
  return text.replace(
    idNumberPattern,
    (_m, a: string | undefined, _b, c: string | undefined, d: string | undefined) =>
      a !== undefined && c !== undefined
        ? `${a.slice(0, 4)}**********${c}`
        : `${(d ?? '').slice(0, 4)}*******`,
  );
}

function maskDeep(value: unknown, depth: number): unknown {
  if (typeof value === 'string') return maskIdNumbersInText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => maskDeep(v, depth + 1));
  // Requests, responses and errors go through their serializers, which mask on their own.
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = maskDeep(v, depth + 1);
  return out;
}

/**
 * Drizzle's query error reads `Failed query: <sql>\nparams: <values>`, and its stack repeats
 * that message: the values are people's names and phone numbers. Everything from the
 * `params:` line on is cut, from the message and the stack alike.
 */
function withoutQueryParams(text: string): string {
  return text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, '\nparams: [not logged]');
}

/** A PostgreSQL error code (SQLSTATE): five digits or capitals, `22P02`, `23505`. */
const sqlStatePattern = /^[0-9A-Z]{5}$/;

/**
 * PostgreSQL names the value it could not take at the end of some messages
 * (`invalid input syntax for type uuid: "张三 13812345678"`): that value is cut too.
 */
function withoutQuotedValue(text: string): string {
  return text.replace(/: "[^\n]*"(?=\n|$)/g, ': "[not logged]"');
}

// A type alias, not an interface: pino's serializer type wants an index signature.
type LoggedError = {
  type: string;
  message: string;
  stack: string;
  code?: string;
  cause?: LoggedError;
};

/**
 * An error as a log line holds it: its type, code, message and stack, and its causes the
 * same way. Nothing else is copied: a database error's `params`, `detail` (`Key (phone)=(…)
 * already exists`), `where` and the like carry the data that failed, never to be logged.
 */
export function loggedError(error: unknown, depth = 0): LoggedError {
  if (!(error instanceof Error))
    return {
      type: typeof error,
      message: maskIdNumbersInText(withoutQueryParams(String(error))),
      stack: '',
    };
  const code = (error as { code?: unknown }).code;
  const isDatabaseError = typeof code === 'string' && sqlStatePattern.test(code);
  const clean = (text: string) =>
    maskIdNumbersInText(withoutQueryParams(isDatabaseError ? withoutQuotedValue(text) : text));
  const cause =
    depth < 3 && error.cause !== undefined ? loggedError(error.cause, depth + 1) : undefined;
  return {
    type: error.constructor.name,
    message: clean(error.message),
    stack: clean(error.stack ?? ''),
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(cause ? { cause } : {}),
  };
}

/** Field names whose values are never logged at all. */
export const redactedPaths = [
  'password',
  'currentPassword',
  'newPassword',
  'idNumber',
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.idNumber',
  '*.token',
  '*.csrfToken',
];

/** The server's logger: JSON lines, or readable ones when `terminal` is given. */
export function loggerOptions(
  level: string,
  terminal?: { write(text: string): unknown },
): NonNullable<FastifyServerOptions['logger']> {
  return {
    level,
    ...(terminal === undefined ? {} : { stream: readableLogStream(terminal) }),
    redact: { paths: redactedPaths, censor: '[redacted]' },
    formatters: {
      log: (record) => maskDeep(record, 0) as Record<string, unknown>,
    },
    serializers: {
      err: (err: Error) => loggedError(err),
      req: (req: { method?: string; url?: string; originalUrl?: string; ip?: string }) => ({
        method: req.method,
        url: maskIdNumbersInText(req.url ?? req.originalUrl ?? ''),
        ip: req.ip,
      }),
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskIdNumbersInText(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
  };
}
