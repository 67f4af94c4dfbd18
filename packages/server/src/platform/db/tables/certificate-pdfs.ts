import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { certificates } from './certificates';

/**
 * Which stored PDF (by sha256, ADR 0036) renders each certificate. The bytes live in a
 * content-addressed directory, not here: a PDF is a deterministic function of its signed
 * certificate row, so a missing file is rendered again. One row per certificate is what
 * makes a PDF job resumable without duplicates.
 */
export const certificatePdfs = pgTable('certificate_pdfs', {
  certificateId: uuid('certificate_id')
    .primaryKey()
    .references(() => certificates.id),
  sha256: text('sha256').notNull(),
  byteSize: integer('byte_size').notNull(),
  storedAt: timestamp('stored_at', { withTimezone: true }).notNull(),
});
