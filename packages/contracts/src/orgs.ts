import { z } from 'zod';
import { orgKinds, unitTypes } from './codes';

export const orgKindSchema = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const unitTypeSchema = z.enum(unitTypes);
export type UnitType = z.infer<typeof unitTypeSchema>;

export const orgSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: orgKindSchema,
  unitType: unitTypeSchema.nullable(),
  name: z.string(),
  regionCode: z.string().nullable().describe('GB/T 2260 code of the region, e.g. 430000'),
  creditCode: z.string().nullable().describe('Unified social credit code (GB 32100)'),
  depth: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgListQuerySchema = z.object({
  parentId: z.uuid().optional(),
  kind: orgKindSchema.optional(),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().optional().describe('Keyset cursor: the `nextCursor` of the previous page'),
});
export type OrgListQuery = z.infer<typeof orgListQuerySchema>;

export const orgListSchema = z.object({
  items: z.array(orgSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int().nullable().describe('Those matching the filters (first page only)'),
});
export type OrgList = z.infer<typeof orgListSchema>;

export const orgIdParamsSchema = z.object({ id: z.uuid() });

const regionCodeSchema = z.string().regex(/^\d{6}$/, 'must be a 6-digit GB/T 2260 code');

export const orgCreateSchema = z.object({
  parentId: z.uuid(),
  kind: orgKindSchema,
  unitType: unitTypeSchema.optional().describe('Required for a unit'),
  name: z.string().trim().min(2).max(100),
  regionCode: regionCodeSchema.optional(),
  creditCode: z.string().trim().toUpperCase().optional().describe('Checked against GB 32100'),
});
export type OrgCreate = z.infer<typeof orgCreateSchema>;

export const orgUpdateSchema = orgCreateSchema.omit({ parentId: true, kind: true }).partial();
export type OrgUpdate = z.infer<typeof orgUpdateSchema>;

/** One reviewing body of a unit's review chain, in order (level 1 reviews first). */
export const reviewStepSchema = z.object({
  level: z.number().int().min(1),
  orgId: z.uuid(),
  orgName: z.string(),
  orgKind: orgKindSchema,
});

export const reviewChainSchema = z.object({
  unitId: z.uuid(),
  version: z
    .number()
    .int()
    .min(0)
    .describe(
      'Claims keep the version in force when submitted; 0 is the default derived from the tree',
    ),
  effectiveFrom: z.iso.datetime(),
  steps: z.array(reviewStepSchema),
});
export type ReviewChain = z.infer<typeof reviewChainSchema>;

export const reviewChainUpdateSchema = z.object({
  steps: z
    .array(z.uuid())
    .min(1)
    .max(6)
    .describe('Reviewing organisations in order; the last one is final (usually the province)'),
});
export type ReviewChainUpdate = z.infer<typeof reviewChainUpdateSchema>;

export const unitDirectoryQuerySchema = z.object({
  q: z.string().trim().min(1).max(50).optional().describe('Part of the unit’s name'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const unitDirectorySchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      regionCode: z.string().nullable(),
      parentName: z.string().nullable(),
    }),
  ),
});
