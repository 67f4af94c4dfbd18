import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';

/** Registered CME projects (继续医学教育项目): draft → filed → finished, or cancelled. */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: text('number').notNull().unique(),
    name: text('name').notNull(),
    level: text('level').notNull(),
    year: integer('year').notNull(),
    discipline: text('discipline').notNull(),
    hostId: uuid('host_id')
      .notNull()
      .references(() => orgs.id),
    startDate: date('start_date').notNull(),
    endDate: date('end_date').notNull(),
    place: text('place').notNull(),
    hours: numeric('hours', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    attendeeCredits: numeric('attendee_credits', {
      precision: 5,
      scale: 1,
      mode: 'number',
    }).notNull(),
    speakerCredits: numeric('speaker_credits', {
      precision: 5,
      scale: 1,
      mode: 'number',
    }).notNull(),
    tcm: boolean('tcm').notNull().default(false),
    remote: boolean('remote').notNull().default(false),
    status: text('status').notNull().default('draft'),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    filedBy: uuid('filed_by'),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    attendeeCount: integer('attendee_count'),
    executionNote: text('execution_note'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('projects_host_idx').on(t.hostId, t.startDate),
    index('projects_year_idx').on(t.year, t.status),
  ],
);
