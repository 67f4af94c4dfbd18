/**
 * The console a person reads when `jijiao start` runs in a terminal: one short line per
 * event instead of pino's JSON, so that log lines and the start banner read alike. A pipe
 * or a file (a log collector) still gets JSON. Records have passed the logger's
 * formatters, so ID numbers are already masked.
 */
const levelNames: Readonly<Record<number, string>> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};

/** Fields every record has, or that the line shows in its own way. */
const ownFields = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'err', 'reqId']);

/** Lines that say nothing went wrong, at info level or below. */
const routineMessages = new Set([
  // Fastify's two lines per request.
  'incoming request',
  'request completed',
  // The error handler's line for an answered 4xx (a signed-out page asking who is there).
  'request rejected',
]);

/**
 * Routine lines are noise on a console: every request, every expected 4xx, and Fastify's
 * "listening" line (the banner says where). Failures (5xx) still show, at error level.
 */
function isRoutine(record: Record<string, unknown>): boolean {
  if (typeof record.level === 'number' && record.level > 30) return false;
  if (typeof record.msg !== 'string') return false;
  return routineMessages.has(record.msg) || record.msg.startsWith('Server listening at');
}

function clock(time: unknown): string {
  const at = typeof time === 'number' ? new Date(time) : new Date();
  return at.toTimeString().slice(0, 8);
}

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || value === null)
    return String(value);
  return JSON.stringify(value);
}

/** One JSON log line as the console shows it; null for what the console leaves out. */
export function readableLine(json: string): string | null {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  if (isRoutine(record)) return null;
  const level = levelNames[typeof record.level === 'number' ? record.level : 30] ?? 'info';
  const extras = Object.entries(record)
    .filter(([key]) => !ownFields.has(key))
    .map(([key, value]) => `${key}=${valueText(value)}`);
  const err = record.err as { message?: unknown; stack?: unknown } | undefined;
  const parts = [clock(record.time), level.toUpperCase().padEnd(5), valueText(record.msg ?? '')];
  if (extras.length > 0) parts.push(`(${extras.join(', ')})`);
  const line = parts.join(' ');
  return err && typeof err.stack === 'string' ? `${line}\n${err.stack}` : line;
}

/** A pino destination writing readable lines to `out` (a terminal). */
export function readableLogStream(out: { write(text: string): unknown }): {
  write(chunk: string): void;
} {
  return {
    write(chunk: string) {
      for (const json of chunk.split('\n')) {
        if (json.trim() === '') continue;
        const line = readableLine(json);
        if (line !== null) out.write(`${line}\n`);
      }
    },
  };
}
