import { sql } from 'drizzle-orm';
import {
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

/**
 * IC cards (学分卡). A number is unique forever: blank in a bureau's stock, then bound to
 * one person, then lost; a lost card's number is never bound again. At most one active
 * card per person.
 */
export const cards = pgTable(
  'cards',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    number: text('number').notNull().unique(),
    status: text('status').notNull().default('blank'),
    issuerId: uuid('issuer_id')
      .notNull()
      .references(() => orgs.id),
    personId: uuid('person_id').references(() => people.id),
    channel: text('channel'),
    orderId: uuid('order_id').references(() => cardOrders.id),
    boundAt: timestamp('bound_at', { withTimezone: true }),
    lostAt: timestamp('lost_at', { withTimezone: true }),
    feeFen: integer('fee_fen'),
    replacesCardId: uuid('replaces_card_id').references((): AnyPgColumn => cards.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cards_active_person_idx')
      .on(t.personId)
      .where(sql`status = 'active'`),
    index('cards_person_idx').on(t.personId, t.boundAt),
    index('cards_stock_idx').on(t.issuerId, t.status, t.number),
  ],
);

/** A unit's order for its staff's cards, addressed to its district bureau. */
export const cardOrders = pgTable(
  'card_orders',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    bureauId: uuid('bureau_id')
      .notNull()
      .references(() => orgs.id),
    personIds: uuid('person_ids').array().notNull(),
    count: integer('count').notNull(),
    status: text('status').notNull().default('pending'),
    note: text('note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    fulfilledAt: timestamp('fulfilled_at', { withTimezone: true }),
  },
  (t) => [
    index('card_orders_bureau_idx').on(t.bureauId, t.status, t.createdAt),
    index('card_orders_unit_idx').on(t.unitId, t.createdAt),
  ],
);
