import { date, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { users } from './users';

/**
 * The province's calendar of a credit year (ADR 0039): the days that close entry and
 * review and the audit's reporting dates, set by the provincial office. One row per
 * province (its root org) and year; no row means nothing is closed by date.
 */
export const provinceCalendars = pgTable(
  'province_calendars',
  {
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    /** Last day (China time) a claim of the year may be entered or first submitted. */
    entryCloses: date('entry_closes').notNull(),
    /** Last day units audit their staff; also the last day claims in review may be decided. */
    unitAuditDue: date('unit_audit_due').notNull(),
    cityAuditDue: date('city_audit_due').notNull(),
    provinceFiling: date('province_filing').notNull(),
    /** The early-audit window for this year's title applicants (提前审核), if any. */
    earlyAuditOpens: date('early_audit_opens'),
    earlyAuditCloses: date('early_audit_closes'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.provinceId, t.year] })],
);
