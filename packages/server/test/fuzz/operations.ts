import fc from 'fast-check';
import type { ApiRoutePermission } from '@jijiao/contracts';
import { encodeUriText, RawJson, toJsonText, wrongTypeArb } from './hostile-values';
import {
  arbitraryFor,
  queryTextOf,
  type Generation,
  type IdSource,
  type JsonSchema,
} from './schema-arbitraries';

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
}

/** One route of the document: what the fuzz fills in. */
export interface Operation {
  method: string;
  /** OpenAPI form: `/api/v1/people/{id}`. */
  path: string;
  /** Fastify form, the route catalogue's key: `/api/v1/people/:id`. */
  route: string;
  params: OpenApiParameter[];
  query: OpenApiParameter[];
  headers: OpenApiParameter[];
  body: JsonSchema | undefined;
}

const methods = new Set(['get', 'post', 'put', 'patch', 'delete']);

/** Every path and method of the document, in its order. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, byMethod]) =>
    Object.entries(byMethod)
      .filter(([method]) => methods.has(method))
      .map(([method, op]) => {
        const parameters = op.parameters ?? [];
        return {
          method: method.toUpperCase(),
          path,
          route: path.replaceAll(':', '::').replace(/\{([^}]+)\}/g, ':$1'),
          params: parameters.filter((p) => p.in === 'path'),
          query: parameters.filter((p) => p.in === 'query'),
          headers: parameters.filter((p) => p.in === 'header'),
          body: op.requestBody?.content?.['application/json']?.schema,
        };
      }),
  );
}

/** A request as generated, before it is put on the wire. */
export interface FuzzRequest {
  caller: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, unknown>;
  /** `undefined`: no body at all. */
  body: unknown;
}

export interface Wire {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

/** A path parameter: a real id when the pool has some, else what its schema asks for. */
function pathParamArb(
  param: OpenApiParameter,
  g: Generation,
  realId: fc.Arbitrary<string> | undefined,
): fc.Arbitrary<unknown> {
  const bySchema = arbitraryFor(param.schema ?? {}, param.name, g);
  if (!g.hostile) return realId ?? bySchema;
  return fc.oneof(
    { weight: 4, arbitrary: realId ?? bySchema },
    { weight: 2, arbitrary: bySchema },
    { weight: 1, arbitrary: fc.uuid() },
  );
}

/**
 * Requests for one operation: path parameters mostly real ids (so the handler reaches the
 * database), the query and the JSON body guided by the schema, and for routes without a
 * JSON body (uploads, actions) now and then a JSON value of any type anyway.
 */
export function requestArb(
  op: Operation,
  callers: readonly string[],
  ids: IdSource,
  pathIds: (op: Operation, param: string) => fc.Arbitrary<string> | undefined,
): fc.Arbitrary<FuzzRequest> {
  // Half the requests only carry values the schemas accept (edges included), so they get
  // past validation into the services and the database; half carry hostile ones.
  return fc.oneof(
    generated(op, callers, { ids, hostile: false }, pathIds),
    generated(op, callers, { ids, hostile: true }, pathIds),
  );
}

function generated(
  op: Operation,
  callers: readonly string[],
  g: Generation,
  pathIds: (op: Operation, param: string) => fc.Arbitrary<string> | undefined,
): fc.Arbitrary<FuzzRequest> {
  const params = Object.fromEntries(
    op.params.map((p) => [p.name, pathParamArb(p, g, pathIds(op, p.name))]),
  );
  const query = Object.fromEntries(
    op.query.map((p) => [p.name, arbitraryFor(p.schema ?? {}, p.name, g)]),
  );
  const headers = Object.fromEntries(
    op.headers.map((p) => [p.name, arbitraryFor(p.schema ?? {}, p.name, g)]),
  );
  const requiredQuery = op.query.filter((p) => p.required === true).map((p) => p.name);
  const body: fc.Arbitrary<unknown> = op.body
    ? arbitraryFor(op.body, 'body', g)
    : op.method === 'GET' || op.method === 'DELETE' || !g.hostile
      ? fc.constant(undefined)
      : fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, wrongTypeArb);
  return fc.record({
    caller: fc.constantFrom(...callers),
    params: fc.record(params),
    query: fc.record(query, { requiredKeys: requiredQuery }),
    headers: fc.record(headers, { requiredKeys: [] }),
    body,
  });
}

function textOf(value: unknown): string {
  const text = queryTextOf(value);
  return Array.isArray(text) ? text.join(',') : text;
}

/** The request as sent: values encoded byte by byte, the body as JSON text. */
export function wireOf(op: Operation, request: FuzzRequest, auth: Record<string, string>): Wire {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeUriText(textOf(request.params[name])),
  );
  const pairs = Object.entries(request.query).flatMap(([key, value]) => {
    const text = queryTextOf(value);
    return (Array.isArray(text) ? text : [text]).map(
      (t) => `${encodeUriText(key)}=${encodeUriText(t)}`,
    );
  });
  const headers: Record<string, string> = { ...auth };
  for (const [key, value] of Object.entries(request.headers)) {
    // Node refuses control characters and non-Latin-1 text in headers before sending.
    const text = textOf(value).slice(0, 200);
    if (/^[\x20-\x7e]*$/.test(text)) headers[key] = text;
  }
  const wire: Wire = {
    method: op.method,
    url: pairs.length > 0 ? `${path}?${pairs.join('&')}` : path,
    headers,
  };
  if (request.body !== undefined) {
    wire.headers['content-type'] = 'application/json';
    wire.payload = request.body instanceof RawJson ? request.body.text : toJsonText(request.body);
  }
  return wire;
}

/** Which callers may try a route: those holding its permission (anyone for public ones). */
export function callersFor(
  permission: ApiRoutePermission | undefined,
  holders: Readonly<Record<string, readonly string[]>>,
): string[] {
  if (permission === undefined || permission === 'public') return ['anonymous', 'province_admin'];
  if (permission === 'authenticated') return Object.keys(holders);
  if (permission === 'platform_key') return ['platform'];
  if (permission === 'device') return ['device'];
  const callers = Object.entries(holders)
    .filter(([, permissions]) => permissions.includes(permission))
    .map(([caller]) => caller);
  return callers.length > 0 ? callers : ['anonymous'];
}
