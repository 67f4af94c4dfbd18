import {
  customType,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { creditClaims } from './credits';
import { people } from './people';

/** PGlite answers bytea as Uint8Array, node-postgres as Buffer: both become Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Evidence scans, content-addressed: the same bytes are stored once under their SHA-256. */
export const evidenceFiles = pgTable('evidence_files', {
  sha256: text('sha256').primaryKey(),
  /** Sniffed from the bytes: image/jpeg, image/png or application/pdf. */
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  bytes: bytea('bytes').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Which claims use which file. A sha256 linked to claims of more than one person is
 * flagged to reviewers (the same scan uploaded for two people).
 */
export const claimEvidence = pgTable(
  'claim_evidence',
  {
    claimId: uuid('claim_id').notNull(),
    /** The claim's year: with `claim_id`, the key of the partitioned claims (ADR 0042). */
    claimYear: integer('claim_year').notNull(),
    sha256: text('sha256')
      .notNull()
      .references(() => evidenceFiles.sha256),
    fileName: text('file_name').notNull(),
    /** Which document the file is (domain `evidenceDocumentKinds`); null when not said. */
    documentKind: text('document_kind'),
    uploadedBy: uuid('uploaded_by'),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.claimId, t.sha256] }),
    index('claim_evidence_sha_idx').on(t.sha256, t.personId),
    foreignKey({
      name: 'claim_evidence_claim_fk',
      columns: [t.claimId, t.claimYear],
      foreignColumns: [creditClaims.id, creditClaims.year],
    }).onUpdate('cascade'),
  ],
);
