import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FieldIssue } from '@jijiao/contracts';
import { AppError } from '../errors/app-error';

const unpairedSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * PostgreSQL stores neither a NUL character nor half of a UTF-16 surrogate pair in text:
 * such a string reaches the database only to fail there (a 500). The guard refuses it at
 * the edge, for every route, naming where it was found.
 */
function badTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (unpairedSurrogate.test(text)) return 'must not contain an unpaired UTF-16 surrogate';
  return undefined;
}

/** `body.people[3].name` style: array items in brackets, safe keys dotted. */
function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${String(key)}]`;
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${parent}.${key}` : `${parent}[${JSON.stringify(key)}]`;
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true;
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Parsed JSON and headers; query strings and path parameters are made by a constructor
  // whose prototype has none (fast-querystring, find-my-way). Uploads (Buffers, streams)
  // are not text.
  return (
    proto === Object.prototype ||
    proto === null ||
    (typeof proto === 'object' && Object.getPrototypeOf(proto) === null)
  );
}

const maxIssues = 20;

/** Where a value sits; its dotted path is only spelled out for an offender. */
interface Place {
  parent: Place | undefined;
  key: string | number;
}

function pathOf(place: Place): string {
  const keys: (string | number)[] = [];
  for (let p: Place | undefined = place; p; p = p.parent) keys.push(p.key);
  const [root, ...rest] = keys.reverse();
  return rest.reduce<string>((path, key) => childPath(path, key), String(root));
}

/**
 * Every string of `value`, keys included, at any depth, walked without recursion (a deeply
 * nested body must not overflow the stack, nor build a path per level); the first
 * `maxIssues` offenders are named.
 */
export function findBadText(root: string, value: unknown): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: { place: Place; value: unknown }[] = [
    { place: { parent: undefined, key: root }, value },
  ];
  while (stack.length > 0 && issues.length < maxIssues) {
    const item = stack.pop();
    if (!item) break;
    if (typeof item.value === 'string') {
      const reason = badTextReason(item.value);
      if (reason) issues.push({ path: pathOf(item.place), message: reason });
      continue;
    }
    if (!isPlainContainer(item.value)) continue;
    if (Array.isArray(item.value)) {
      for (let i = item.value.length - 1; i >= 0; i -= 1)
        stack.push({ place: { parent: item.place, key: i }, value: item.value[i] });
      continue;
    }
    const entries = Object.entries(item.value);
    for (let i = entries.length - 1; i >= 0; i -= 1) {
      const [key, child] = entries[i] ?? ['', undefined];
      const keyReason = badTextReason(key);
      if (keyReason) {
        issues.push({ path: pathOf(item.place), message: `a key ${keyReason}` });
        continue;
      }
      stack.push({ place: { parent: item.place, key }, value: child });
    }
  }
  return issues;
}

function badTextError(request: FastifyRequest): AppError | undefined {
  const issues = [
    ...findBadText('params', request.params),
    ...findBadText('query', request.query),
    ...findBadText('headers', request.headers),
    ...findBadText('body', request.body),
  ];
  if (issues.length === 0) return undefined;
  return new AppError(
    'validation_failed',
    issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    undefined,
    issues,
  );
}

/** A body with no value set (`{}`, or only unknown keys the schema dropped). */
function isEmptyUpdate(body: unknown): boolean {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return false;
  return Object.values(body).every((v) => v === undefined);
}

/**
 * The edge guard, before any handler of any route: text PostgreSQL cannot store is a 400
 * naming its field (checked before schema validation, so a schema never sees it), and a
 * PATCH that changes nothing is a 400 `nothing_to_update` (checked after validation, which
 * drops the keys a route does not know).
 */
export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', (request) => {
    const error = badTextError(request);
    return error ? Promise.reject(error) : Promise.resolve();
  });
  app.addHook('preHandler', (request) =>
    request.method === 'PATCH' && isEmptyUpdate(request.body)
      ? Promise.reject(
          new AppError(
            'nothing_to_update',
            'The update names no field to change: send at least one field',
          ),
        )
      : Promise.resolve(),
  );
}
