import { date, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Daily scheduled work (the backup, the reminders) claimed once per China day (ADR 0040):
 * every process with background work arms the same timer, and only the one whose insert
 * creates the day's row runs it.
 */
export const scheduledRuns = pgTable(
  'scheduled_runs',
  {
    task: text('task').notNull(),
    /** The China calendar day the run is for. */
    runOn: date('run_on').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    /** Who claimed it: host and process id, for the operator. */
    claimedBy: text('claimed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.task, t.runOn] })],
);
