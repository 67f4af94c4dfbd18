import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  date,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

/**
 * Annual certificates (专业科目培训合格证明): one per person and year. The printed facts are
 * columns, signed as canonical JSON (domain `canonicaliseCertificate`) with the province's
 * Ed25519 key; verification rebuilds the JSON from these columns every time, so a changed
 * column breaks the signature. Revocation and the verification counter are outside it.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    serial: text('serial').notNull().unique(),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    year: integer('year').notNull(),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgs.id),
    provinceCode: text('province_code').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    unitPath: text('unit_path').notNull(),
    holderName: text('holder_name').notNull(),
    holderIdMasked: text('holder_id_masked').notNull(),
    unitName: text('unit_name').notNull(),
    issuerName: text('issuer_name').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    totalCredits: numeric('total_credits', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    classCredits: jsonb('class_credits')
      .$type<Partial<Record<'I' | 'II', number>>>()
      .notNull()
      .default({}),
    hoursEquivalent: integer('hours_equivalent'),
    packs: jsonb('packs').$type<{ id: string; version: string }[]>().notNull(),
    keyId: text('key_id').notNull(),
    signature: text('signature').notNull(),
    /** Open Badges: sha256 of the resident ID number and this salt (hex). */
    recipientSalt: text('recipient_salt').notNull(),
    recipientHash: text('recipient_hash').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** Public verifications (`/verify`) of this certificate: one UPDATE per request. */
    verificationCount: integer('verification_count').notNull().default(0),
    lastVerifiedAt: timestamp('last_verified_at', { withTimezone: true }),
  },
  (t) => [
    unique('certificates_person_year_key').on(t.personId, t.year),
    index('certificates_unit_idx').using(
      'btree',
      t.year,
      sql`${t.unitPath} text_pattern_ops`,
      t.serial,
    ),
    index('certificates_province_year_idx').on(t.provinceId, t.year, t.serial),
  ],
);
