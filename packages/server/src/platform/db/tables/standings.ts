import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

const credits = (name: string) => numeric(name, { precision: 8, scale: 1, mode: 'number' });

/**
 * A person's standing for a year (ADR 0018): the rules engine's year over their effective
 * claims, stored and kept current so that lists, statistics, dashboards and the audit are
 * SQL over it. The person's unit, its path and what lists filter on are copied in when it
 * is computed; `computed_at` says when.
 */
export const personStandings = pgTable(
  'person_standings',
  {
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    year: integer('year').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    unitPath: text('unit_path').notNull(),
    name: text('name').notNull(),
    profession: text('profession').notNull(),
    titleGrade: text('title_grade').notNull(),
    unitType: text('unit_type'),
    unitLevel: text('unit_level'),
    compliant: boolean('compliant').notNull(),
    totalCredits: credits('total_credits').notNull(),
    required: credits('required').notNull(),
    shortfall: credits('shortfall').notNull(),
    classCredits: jsonb('class_credits').$type<Record<string, number>>().notNull(),
    requirements: jsonb('requirements').$type<unknown[]>().notNull(),
    unmet: text('unmet').array().notNull(),
    stage: jsonb('stage').$type<Record<string, unknown> | null>(),
    fullYear: jsonb('full_year').$type<Record<string, unknown> | null>(),
    certificateHours: credits('certificate_hours'),
    pendingCount: integer('pending_count').notNull(),
    pendingCredits: credits('pending_credits').notNull(),
    monthlyCredits: jsonb('monthly_credits').$type<number[]>().notNull(),
    /** The year's effective claims: what each counts for after caps, and why. */
    activities: jsonb('activities')
      .$type<
        {
          claimId: string;
          /** Absent in standings computed before ADR 0021 (the rules fingerprint re-queues them). */
          activityType?: string;
          activityDate?: string;
          projectNumber?: string | null;
          channels?: string[];
          credits: number;
          faceCredits: number;
          class: string | null;
          reasons: string[];
        }[]
      >()
      .notNull()
      .default([]),
    /** Counted credits of the year by the channel each claim first arrived by. */
    channelCredits: jsonb('channel_credits').$type<Record<string, number>>().notNull().default({}),
    packs: jsonb('packs').$type<{ id: string; version: string }[]>().notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.year] }),
    // Subtree of a year: a unit, a district, a city or the whole province.
    index('person_standings_path_idx').using('btree', t.year, sql`${t.unitPath} text_pattern_ops`),
    // The progress list's orders. Behind first: not compliant, largest shortfall, name —
    // one ascending key (`-shortfall`), so a keyset page is one range of the index.
    index('person_standings_order_idx').using(
      'btree',
      t.year,
      t.compliant,
      sql`(-${t.shortfall})`,
      t.name,
      t.personId,
    ),
    index('person_standings_name_idx').on(t.year, t.name, t.personId),
    index('person_standings_credits_idx').on(t.year, t.totalCredits, t.personId),
    // A batch of units (the annual audit's snapshot).
    index('person_standings_unit_idx').on(t.unitId, t.year),
  ],
);

/**
 * People whose standing of a year must be computed again (a claim entered or left
 * `effective`, the person moved, the rules changed). Written in the same transaction as
 * the change; drained by the standings worker. `queued_at` is the oldest change waiting.
 */
export const standingQueue = pgTable(
  'standing_queue',
  {
    personId: uuid('person_id').notNull(),
    year: integer('year').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.year] }),
    index('standing_queue_at_idx').on(t.queuedAt),
    // What waits of a year (the "as of" of every list and statistic): a range, not a scan.
    index('standing_queue_year_idx').on(t.year, t.queuedAt),
  ],
);

/** Facts about the stored standings: `rules` is the fingerprint of the packs they were computed with. */
export const standingsMeta = pgTable('standings_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * The standings of a unit's year summed by profession, title grade and unit level (ADR
 * 0021): what statistics read, so that a province's figures cost its units, not its
 * people. Recomputed from `person_standings` whenever a unit is queued in
 * `standing_tally_queue`, which the same transaction as the standings' change writes.
 */
export const standingTallies = pgTable(
  'standing_tallies',
  {
    year: integer('year').notNull(),
    unitId: uuid('unit_id').notNull(),
    unitPath: text('unit_path').notNull(),
    profession: text('profession').notNull(),
    titleGrade: text('title_grade').notNull(),
    unitLevel: text('unit_level'),
    staff: integer('staff').notNull(),
    compliant: integer('compliant').notNull(),
    creditTenths: bigint('credit_tenths', { mode: 'number' }).notNull(),
    /** People with [0, 5), [5, 10) … [35, 40) and ≥ 40 credits. */
    buckets: integer('buckets').array().notNull(),
    /** Counted credits by month, January first. */
    months: doublePrecision('months').array().notNull(),
    /** Counted credits by the channel each claim first arrived by. */
    channels: jsonb('channels').$type<Record<string, number>>().notNull(),
  },
  (t) => [
    index('standing_tallies_unit_idx').on(t.year, t.unitId),
    index('standing_tallies_path_idx').using('btree', t.year, sql`${t.unitPath} text_pattern_ops`),
  ],
);

/** Units whose tallies of a year must be recomputed; `queued_at` is the oldest change waiting. */
export const standingTallyQueue = pgTable(
  'standing_tally_queue',
  {
    year: integer('year').notNull(),
    unitId: uuid('unit_id').notNull(),
    queuedAt: timestamp('queued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.year, t.unitId] }),
    index('standing_tally_queue_at_idx').on(t.queuedAt),
  ],
);
