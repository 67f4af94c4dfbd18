import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { creditClaims } from './credits';
import { people } from './people';
import { awardBatches } from './awards';

/**
 * One line of an award batch: a person, a role and the hours or credits the host awards.
 * Until the batch is submitted a line is only this row (valued by the rules engine for the
 * preview); at submission it becomes a credit claim (channel `host_award`), or is matched
 * onto the claim of the same activity that arrived by another channel (`matched`).
 */
export const awardLines = pgTable(
  'award_lines',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => awardBatches.id),
    lineNo: integer('line_no').notNull(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    role: text('role').notNull(),
    hours: numeric('hours', { precision: 7, scale: 1, mode: 'number' }),
    awardedCredits: numeric('awarded_credits', { precision: 5, scale: 1, mode: 'number' }),
    sessionsAttended: integer('sessions_attended'),
    /** The rules engine's valuation when the line was added (the claim's once submitted). */
    credits: numeric('credits', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    creditClass: text('credit_class'),
    packVersions: jsonb('pack_versions').$type<{ id: string; version: string }[]>().notNull(),
    valuationReasons: jsonb('valuation_reasons').$type<string[]>().notNull().default([]),
    /** `hand`, `roster` (file name + row in source_ref) or `attendance`. */
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    claimId: uuid('claim_id'),
    /** The claim's year, set with `claim_id` (the key of the partitioned claims, ADR 0042). */
    claimYear: integer('claim_year'),
    matched: boolean('matched').notNull().default(false),
    returnReason: text('return_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('award_lines_person_role_uq').on(t.batchId, t.personId, t.role),
    index('award_lines_claim_idx').on(t.claimId),
    foreignKey({
      name: 'award_lines_claim_fk',
      columns: [t.claimId, t.claimYear],
      foreignColumns: [creditClaims.id, creditClaims.year],
    }).onUpdate('cascade'),
  ],
);
