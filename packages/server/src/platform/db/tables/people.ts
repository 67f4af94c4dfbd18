import { sql } from 'drizzle-orm';
import { boolean, date, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { users } from './users';

/**
 * Health professionals (first cut). The resident ID number is stored only encrypted
 * (AES-256-GCM) plus a keyed HMAC for exact lookup; the plain number never reaches the table.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    name: text('name').notNull(),
    idNumberCipher: text('id_number_cipher').notNull(),
    idNumberHash: text('id_number_hash').notNull().unique(),
    idNumberMasked: text('id_number_masked').notNull(),
    sex: text('sex').notNull(),
    birthDate: date('birth_date').notNull(),
    phone: text('phone'),
    /** Where email notifications go (ADR 0038). */
    email: text('email'),
    profession: text('profession').notNull(),
    titleGrade: text('title_grade').notNull(),
    tcm: boolean('tcm').notNull().default(false),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    userId: uuid('user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('people_unit_idx').on(t.unitId, t.name),
    index('people_name_idx').on(t.name, t.id),
    // The learner's own pages resolve their person by the signed-in user on every request.
    index('people_user_idx').on(t.userId),
  ],
);

/** Where a person worked and when: one open row (to = null) per person. */
export const personUnitHistory = pgTable(
  'person_unit_history',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
    toAt: timestamp('to_at', { withTimezone: true }),
  },
  (t) => [index('person_unit_history_person_idx').on(t.personId, t.fromAt)],
);
