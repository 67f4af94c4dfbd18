import fc from 'fast-check';
import {
  almostOneMegabyte,
  hostileNumberArb,
  hostileStringArb,
  RawJson,
  toJsonText,
  wrongTypeArb,
} from './hostile-values';

/** The part of JSON Schema the OpenAPI document's request schemas use. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  $ref?: string;
}

/** Where ids come from: real ones of the test's data, picked by the field's name. */
export interface IdSource {
  idFor(name: string): fc.Arbitrary<string>;
}

const edgeDates = ['1900-01-01', '1970-01-01', '2024-02-29', '2026-12-31', '9999-12-31'];
const typicalDates = ['2025-06-15', '2026-01-10', '2026-02-28', '2026-03-01', '2026-11-30'];
const edgeDateTimes = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z', '2026-03-01T08:00:00Z'];

/** A string the schema accepts: its enum, format or pattern first, else bounded text. */
function validString(schema: JsonSchema, name: string, ids: IdSource): fc.Arbitrary<string> {
  if (schema.enum) return fc.constantFrom(...schema.enum.map(String));
  if (schema.format === 'uuid')
    return fc.oneof({ weight: 3, arbitrary: ids.idFor(name) }, fc.uuid());
  if (schema.format === 'date') return fc.constantFrom(...typicalDates, ...edgeDates);
  if (schema.format === 'date-time')
    return fc.oneof(
      fc.constantFrom(...edgeDateTimes),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString()),
    );
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern));
    } catch {
      // a pattern JavaScript cannot compile: bounded text below
    }
  }
  const min = schema.minLength ?? 0;
  const max = schema.maxLength;
  const edges: string[] = [];
  if (max !== undefined) edges.push('测'.repeat(max), 'x'.repeat(max));
  else edges.push(almostOneMegabyte, 'x'.repeat(10_000));
  if (min > 0) edges.push('x'.repeat(min));
  return fc.oneof(
    { weight: 3, arbitrary: fc.string({ minLength: min, maxLength: Math.min(max ?? 20, 20) }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

function validNumber(schema: JsonSchema, name: string, integer: boolean): fc.Arbitrary<number> {
  const low = schema.minimum ?? schema.exclusiveMinimum;
  const high = schema.maximum ?? schema.exclusiveMaximum;
  const edges = [
    low,
    high,
    low === undefined ? Number.MIN_SAFE_INTEGER : undefined,
    high ?? Number.MAX_SAFE_INTEGER,
  ]
    .concat(high === undefined ? [2 ** 31, 1e15] : [])
    // tiny fractions: what a column of fixed scale rounds to zero
    .concat(integer ? [] : [5e-324, 1e-7, 0.004])
    .filter(
      (n): n is number =>
        n !== undefined &&
        (!integer || Number.isInteger(n)) &&
        (low === undefined || n >= low) &&
        (high === undefined || n <= high),
    );
  // A version the caller saw: the test's rows are at 1 to 3, so some requests are current.
  if (name === 'version')
    return fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(...edges));
  const typical = integer
    ? fc.integer({ min: Math.max(low ?? -5, -5), max: Math.min(high ?? 3000, 3000) })
    : fc.double({ min: low ?? -5, max: Math.min(high ?? 100, 100), noNaN: true });
  return fc.oneof(
    { weight: 3, arbitrary: typical },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  return [];
}

/**
 * Values for a schema: mostly of the right shape, so requests get past validation into
 * the services, with hostile leaves (edge values the schema accepts, text PostgreSQL cannot
 * store, numbers past every column) and now and then a value of the wrong type.
 */
export interface Generation {
  ids: IdSource;
  /** Hostile leaves and wrong types among the values; else only values the schema accepts. */
  hostile: boolean;
}

export function arbitraryFor(
  schema: JsonSchema,
  name: string,
  g: Generation,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!g.hostile) return validFor(schema, name, g, depth);
  const hostile: fc.Arbitrary<unknown> = fc.oneof(hostileStringArb, hostileNumberArb, wrongTypeArb);
  return fc.oneof(
    { weight: 6, arbitrary: validFor(schema, name, g, depth) },
    { weight: 1, arbitrary: hostile },
  );
}

function validFor(
  schema: JsonSchema,
  name: string,
  g: Generation,
  depth: number,
): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives && alternatives.length > 0)
    return fc.oneof(...alternatives.map((s) => arbitraryFor(s, name, g, depth)));
  if (schema.allOf && schema.allOf.length > 0)
    return arbitraryFor(Object.assign({}, ...schema.allOf) as JsonSchema, name, g, depth);
  const types = typesOf(schema);
  if (types.length === 0) return g.hostile ? wrongTypeArb : fc.constantFrom<unknown>('x', 1, true);
  return fc.oneof(...types.map((type) => validOfType(type, schema, name, g, depth)));
}

/** A leaf of the schema's type, hostile now and then when the generation is. */
function leaf<T>(g: Generation, valid: fc.Arbitrary<T>, hostile: fc.Arbitrary<unknown>) {
  return g.hostile ? fc.oneof({ weight: 4, arbitrary: valid }, hostile) : valid;
}

function validOfType(
  type: string,
  schema: JsonSchema,
  name: string,
  g: Generation,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return leaf(g, validString(schema, name, g.ids), hostileStringArb);
    case 'integer':
      return leaf(g, validNumber(schema, name, true), hostileNumberArb);
    case 'number':
      return leaf(g, validNumber(schema, name, false), hostileNumberArb);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      if (depth > 6) return fc.constant([]);
      const item = schema.items ? arbitraryFor(schema.items, name, g, depth + 1) : wrongTypeArb;
      const maxLength = Math.min(schema.maxItems ?? 3, 3);
      return fc.oneof(
        {
          weight: 4,
          arbitrary: fc.array(item, {
            minLength: Math.min(schema.minItems ?? 0, maxLength),
            maxLength,
          }),
        },
        { weight: g.hostile ? 1 : 0, arbitrary: fc.array(item, { minLength: 0, maxLength: 60 }) },
      );
    }
    case 'object': {
      if (depth > 6) return fc.constant({});
      const properties = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      const fields = Object.fromEntries(
        Object.entries(properties).map(([key, s]) => [key, arbitraryFor(s, key, g, depth + 1)]),
      );
      const requiredKeys = Object.keys(properties).filter((k) => required.has(k));
      const record = fc.record(fields, { requiredKeys });
      const extra = fc.dictionary(
        hostileStringArb.map((k) => k.slice(0, 40)),
        wrongTypeArb,
        {
          maxKeys: 2,
        },
      );
      if (!g.hostile) return record;
      return fc.oneof(
        { weight: 5, arbitrary: record },
        // a required field left out, or keys nobody declared
        { weight: 1, arbitrary: fc.record(fields, { requiredKeys: [] }) },
        {
          weight: 1,
          arbitrary: fc.tuple(record, extra).map(([r, e]) => ({ ...e, ...r })),
        },
      );
    }
    default:
      return wrongTypeArb;
  }
}

/** A query parameter's value as text (arrays repeat the key: `?a=1&a=2`). */
export function queryTextOf(value: unknown): string | string[] {
  if (typeof value === 'string') return value;
  if (value instanceof RawJson) return value.text;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return value === null ? 'null' : toJsonText(value);
}
