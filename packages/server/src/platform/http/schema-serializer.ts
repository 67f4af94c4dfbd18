import fastJsonStringify from 'fast-json-stringify';
import type { FastifySerializerCompiler } from 'fastify/types/schema';
import { z } from 'zod';

/**
 * A route-level serializer for the hot reads (ADR 0025): the route's zod response schema
 * turned once into JSON Schema and compiled by fast-json-stringify, Fastify's own
 * serializer. The app's default (`fastify-type-provider-zod`) encodes every answer
 * through zod first, which costs a small read several times the SQL behind it.
 *
 * It writes the schema's properties only, as zod does, but does not check the values:
 * a route that uses it has route tests that parse its answers with the zod schema, and
 * its schema must have no transform or codec (refused here when zod cannot express the
 * schema as JSON Schema).
 */
export const schemaSerializerCompiler: FastifySerializerCompiler<unknown> = ({ schema }) => {
  const jsonSchema = z.toJSONSchema(schema as z.ZodType, {
    target: 'draft-7',
    io: 'output',
    unrepresentable: 'throw',
  });
  return fastJsonStringify(jsonSchema as Parameters<typeof fastJsonStringify>[0]);
};
