import type { FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';
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
      err: (err: Error) =>
        maskDeep({ ...stdSerializers.err(err) }, 0) as ReturnType<typeof stdSerializers.err>,
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
