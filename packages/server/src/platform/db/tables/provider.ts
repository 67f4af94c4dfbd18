import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { users } from './users';

/**
 * API keys of online platforms (orgs of kind `platform`). Only the SHA-256 of the secret is
 * kept; the secret is shown once, when issued. A revoked key stays for the record.
 */
export const platformApiKeys = pgTable(
  'platform_api_keys',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    platformOrgId: uuid('platform_org_id')
      .notNull()
      .references(() => orgs.id),
    keyHash: text('key_hash').notNull().unique(),
    /** The first 8 characters of the secret: enough to tell keys apart, never to use one. */
    keyPrefix: text('key_prefix').notNull(),
    label: text('label').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('platform_api_keys_platform_idx').on(t.platformOrgId)],
);

/** Per-platform settings: a trusted platform's credits are effective on arrival. */
export const platformSettings = pgTable('platform_settings', {
  platformOrgId: uuid('platform_org_id')
    .primaryKey()
    .references(() => orgs.id),
  trusted: boolean('trusted').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The stored answer of each platform request by its Idempotency-Key: the same key with the
 * same body (by `request_hash`) replays it; with another body it is a conflict. Written in
 * the transaction of the claim it answers, so a key never stands for two claims.
 */
export const idempotencyRecords = pgTable(
  'idempotency_records',
  {
    platformOrgId: uuid('platform_org_id')
      .notNull()
      .references(() => orgs.id),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    statusCode: integer('status_code').notNull(),
    response: jsonb('response').$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.platformOrgId, t.key] })],
);
