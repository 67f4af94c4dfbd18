import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

/** A province's HR platform receiver. The HMAC secret is stored encrypted (AES-256-GCM). */
export const hrPushSettings = pgTable('hr_push_settings', {
  provinceId: uuid('province_id')
    .primaryKey()
    .references(() => orgs.id),
  receiverUrl: text('receiver_url').notNull(),
  secretCipher: text('secret_cipher').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by'),
});

/**
 * The transactional outbox of pushes to the HR platform: written in the caller's
 * transaction, delivered by the worker. The row id is the delivery id the receiver
 * dedupes on. `locked_until` is a worker's lease: a worker that dies mid-delivery leaves
 * the row to be sent again (same id) once the lease runs out.
 */
export const hrPushOutbox = pgTable(
  'hr_push_outbox',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgs.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    lastStatusCode: integer('last_status_code'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    index('hr_push_outbox_due_idx')
      .on(t.nextAttemptAt)
      .where(sql`${t.status} = 'pending'`),
    index('hr_push_outbox_province_idx').on(t.provinceId, t.createdAt, t.id),
  ],
);
