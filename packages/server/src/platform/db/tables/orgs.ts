import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

/**
 * The organisation tree. `path` is the materialised path of ids (`/<root>/<child>/…/<self>/`),
 * so a subtree is one indexed prefix match.
 */
export const orgs = pgTable(
  'orgs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    parentId: uuid('parent_id').references((): AnyPgColumn => orgs.id),
    kind: text('kind').notNull(),
    /** For units: hospital, community health centre, CDC, clinic… */
    unitType: text('unit_type'),
    name: text('name').notNull(),
    regionCode: text('region_code'),
    creditCode: text('credit_code'),
    path: text('path').notNull(),
    depth: integer('depth').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('orgs_path_idx').using('btree', sql`${t.path} text_pattern_ops`),
    index('orgs_parent_idx').on(t.parentId, t.name, t.id),
  ],
);
