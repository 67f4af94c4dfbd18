import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Rate-limit counters shared by every process on the database (ADR 0040): one row per
 * route and client address, the window's start and the requests counted in it. Rows of
 * windows long past are deleted as new ones come.
 */
export const rateLimitCounters = pgTable('rate_limit_counters', {
  /** `METHOD /route/pattern|client address`. */
  key: text('key').primaryKey(),
  startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
  hits: integer('hits').notNull(),
});
