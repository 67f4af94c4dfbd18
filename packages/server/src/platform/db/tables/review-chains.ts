import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

/**
 * A unit's review chain, versioned: every edit adds a version, and a claim keeps the
 * version in force when it was submitted.
 */
export const reviewChains = pgTable(
  'review_chains',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    /** Reviewing org ids in order: level 1 first, the last is final. */
    steps: jsonb('steps').$type<string[]>().notNull(),
    createdBy: uuid('created_by'),
  },
  (t) => [unique('review_chains_unit_version').on(t.unitId, t.version)],
);
