import { z } from 'zod';

export const orgKinds = [
  'province',
  'city',
  'district',
  'unit',
  'association',
  'cme_office',
  'host',
  'platform',
  'hr_platform',
] as const;
export const orgKindSchema = z.enum(orgKinds);
export type OrgKind = z.infer<typeof orgKindSchema>;

export const orgSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: orgKindSchema,
  name: z.string(),
  regionCode: z.string().nullable().describe('GB/T 2260 code of the region, e.g. 430000'),
  depth: z.number().int(),
});
export type Org = z.infer<typeof orgSchema>;

export const orgListQuerySchema = z.object({
  parentId: z.uuid().optional(),
  kind: orgKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().optional().describe('Keyset cursor: the `nextCursor` of the previous page'),
});
export type OrgListQuery = z.infer<typeof orgListQuerySchema>;

export const orgListSchema = z.object({
  items: z.array(orgSchema),
  nextCursor: z.string().nullable(),
});
export type OrgList = z.infer<typeof orgListSchema>;

export const orgIdParamsSchema = z.object({ id: z.uuid() });
