import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serializerCompiler } from 'fastify-type-provider-zod';
import { schemaSerializerCompiler } from './schema-serializer';

const schema = z.object({
  id: z.uuid(),
  name: z.string(),
  total: z.number(),
  compliant: z.boolean(),
  note: z.string().nullable(),
  stage: z.object({ earned: z.number(), required: z.number() }).optional(),
  byClass: z.record(z.string(), z.number()),
  kind: z.enum(['a', 'b']),
  items: z.array(z.object({ code: z.string(), reasons: z.array(z.string()) })),
});

function both(data: unknown) {
  const route = { schema, method: 'GET', url: '/x', httpStatus: '200' };
  const fast = schemaSerializerCompiler(route) as (d: unknown) => string;
  const zod = serializerCompiler(route) as (d: unknown) => string;
  return { fast: fast(data), zod: zod(data) };
}

describe('the schema serializer of the hot reads', () => {
  const value = {
    id: '0e000000-0001-4000-8000-000000000001',
    name: '秦立 "引号" \\ 与换行\n',
    total: 31.5,
    compliant: true,
    note: null,
    byClass: { I: 10, II: 21.5 },
    kind: 'b',
    items: [{ code: 'annual_total', reasons: ['x', 'y'] }],
  };

  // The same JSON as zod's serializer; the order of keys may differ (optional ones last).
  it('writes what zod’s serializer writes, optional parts absent or present', () => {
    const without = both(value);
    expect(without.fast).toBe(without.zod);
    const withStage = both({ ...value, stage: { earned: 80, required: 125 } });
    expect(JSON.parse(withStage.fast)).toEqual(JSON.parse(withStage.zod));
    expect(JSON.parse(withStage.fast)).toEqual({ ...value, stage: { earned: 80, required: 125 } });
  });

  it('leaves out properties the schema does not name, as zod does', () => {
    const extra = both({ ...value, secret: 'id number', items: [{ ...value.items[0], x: 1 }] });
    expect(JSON.parse(extra.fast)).toEqual(JSON.parse(extra.zod));
    expect(extra.fast).not.toContain('secret');
  });

  it('refuses a schema with a transform, which it could not honour', () => {
    const transformed = z.object({ at: z.date().transform((d) => d.toISOString()) });
    expect(() =>
      schemaSerializerCompiler({
        schema: transformed,
        method: 'GET',
        url: '/x',
        httpStatus: '200',
      }),
    ).toThrow();
  });
});
