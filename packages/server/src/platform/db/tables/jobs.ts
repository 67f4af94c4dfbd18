import { sql } from 'drizzle-orm';
import {
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './users';

/** PGlite answers bytea as Uint8Array, node-postgres as Buffer: both become Buffer. */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Background jobs (ADR 0024): queued by a request, taken by any server process with
 * `FOR UPDATE SKIP LOCKED`, held under a lease the runner renews. `attempts` counts the
 * takes and fences writes: a runner whose lease was taken over can no longer write.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    kind: text('kind').notNull(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    /** The org subtree the job works in (the import's unit or the owner's first grant). */
    orgPath: text('org_path'),
    /** The owner's grants when the job was queued: the job acts with that authority. */
    actor: jsonb('actor').notNull(),
    params: jsonb('params').notNull(),
    /** The uploaded file, kept until the job ends. */
    input: bytea('input'),
    fileName: text('file_name'),
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(2),
    progressDone: integer('progress_done').notNull().default(0),
    progressTotal: integer('progress_total'),
    result: jsonb('result'),
    error: jsonb('error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_takeable_idx')
      .on(t.createdAt)
      .where(sql`status in ('queued', 'running')`),
    index('jobs_owner_idx').on(t.ownerId, t.createdAt),
  ],
);
