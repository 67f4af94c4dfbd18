import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A year of claims detached from `credit_claims` and written to an archive file (ADR 0042):
 * the live database no longer holds them. One row per archived year.
 */
export const claimYearArchives = pgTable('claim_year_archives', {
  year: integer('year').primaryKey(),
  /** The archive file as the command was told it (a path on the machine that ran it). */
  fileName: text('file_name').notNull(),
  /** SHA-256 of the gzip'd file, to check a copy later. */
  sha256: text('sha256').notNull(),
  /** Rows moved out, per table. */
  rowCounts: jsonb('row_counts').$type<Record<string, number>>().notNull(),
  archivedBy: uuid('archived_by'),
  archivedAt: timestamp('archived_at', { withTimezone: true }).notNull().defaultNow(),
});
