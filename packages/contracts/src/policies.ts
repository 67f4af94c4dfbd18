import { z } from 'zod';
import { policyLevels } from './rules-vocabulary';

export const policySourceSchema = z.object({
  id: z.string(),
  document: z.string().describe('A seed file, or a document’s title and number'),
  note: z.string().optional(),
});

/** A policy pack as the server applies it: its place, its years, its rules and sources. */
export const policyPackViewSchema = z.object({
  id: z.string(),
  version: z.string(),
  title: z.string(),
  level: z.enum(policyLevels),
  code: z.string().nullable().describe('GB/T 2260 code of the place; null for national packs'),
  years: z.object({ from: z.number().int().optional(), to: z.number().int().optional() }),
  sources: z.array(policySourceSchema),
  rules: z
    .record(z.string(), z.unknown())
    .describe('The pack’s parameters as data; every number names its source id'),
});
export type PolicyPackView = z.infer<typeof policyPackViewSchema>;

export const policyPackListSchema = z.object({ items: z.array(policyPackViewSchema) });
export type PolicyPackList = z.infer<typeof policyPackListSchema>;
