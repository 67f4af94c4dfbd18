import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import { cards } from './cards';
import { people } from './people';
import { projects } from './projects';

/** A project's sessions (场次): attendance is counted per session. */
export const projectSessions = pgTable(
  'project_sessions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    date: date('date').notNull(),
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    hours: numeric('hours', { precision: 4, scale: 1, mode: 'number' }).notNull(),
    place: text('place').notNull(),
    registrationRequired: boolean('registration_required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('project_sessions_project_idx').on(t.projectId, t.date, t.startTime)],
);

/** Who may check in to a session that requires registration. */
export const sessionRegistrations = pgTable(
  'session_registrations',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => projectSessions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.sessionId, t.personId] })],
);

/** A check-in kiosk: its token is stored only as a SHA-256 hash; revocable. */
export const checkinDevices = pgTable(
  'checkin_devices',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    tokenHint: text('token_hint').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [index('checkin_devices_project_idx').on(t.projectId, t.createdAt)],
);

/**
 * Check-ins: one row per person and session (the second swipe is not stored), and one per
 * kiosk-generated client id (a resend is not stored). The hot path is one INSERT … ON
 * CONFLICT DO NOTHING against these two unique indexes.
 */
export const checkIns = pgTable(
  'check_ins',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deviceId: uuid('device_id')
      .notNull()
      .references(() => checkinDevices.id),
    clientId: uuid('client_id').notNull(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => projectSessions.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    cardId: uuid('card_id').references(() => cards.id),
    method: text('method').notNull(),
    swipedAt: timestamp('swiped_at', { withTimezone: true }).notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('check_ins_client_key').on(t.deviceId, t.clientId),
    unique('check_ins_session_person_key').on(t.sessionId, t.personId),
    index('check_ins_person_idx').on(t.personId),
  ],
);

/** A project's attendance rule; without a row, every session is required. */
export const attendanceRules = pgTable('attendance_rules', {
  projectId: uuid('project_id')
    .primaryKey()
    .references(() => projects.id),
  kind: text('kind').notNull(),
  minShare: numeric('min_share', { precision: 3, scale: 2, mode: 'number' }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
