import { sql } from 'drizzle-orm';
import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

/** 调入申请: a person moves when the receiving unit accepts. */
export const transfers = pgTable(
  'transfers',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    fromUnitId: uuid('from_unit_id')
      .notNull()
      .references(() => orgs.id),
    toUnitId: uuid('to_unit_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull().default('pending'),
    note: text('note'),
    requestedBy: uuid('requested_by').notNull(),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('transfers_to_idx').on(t.toUnitId, t.status),
    index('transfers_from_idx').on(t.fromUnitId, t.status),
  ],
);
