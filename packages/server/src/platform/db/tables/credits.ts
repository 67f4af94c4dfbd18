import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
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
import { projects } from './projects';
import { awardBatches } from './awards';

/**
 * A credit claim: one activity of one person, from any channel, valued by the rules engine
 * and walking the review chain snapshotted at submission. `version` guards every
 * transition (`UPDATE … WHERE id = $1 AND version = $2`, see ADR 0007).
 *
 * Partitioned by `year` (migration 0028, ADR 0042): one partition per year and a default;
 * the key is `(id, year)` and every table pointing at a claim carries its `claim_year`.
 * Drizzle does not model partitioning: the migration's SQL is written by hand.
 */
export const creditClaims = pgTable(
  'credit_claims',
  {
    id: uuid('id')
      .notNull()
      .default(sql`gen_random_uuid()`),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    /** The person's unit when the claim was created; scoping joins it to `orgs.path`. */
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    channel: text('channel').notNull(),
    /** The activity in the scenario format; its `id` is the claim id. */
    activity: jsonb('activity').$type<Record<string, unknown>>().notNull(),
    activityType: text('activity_type').notNull(),
    activityDate: date('activity_date').notNull(),
    endDate: date('end_date'),
    year: integer('year').notNull(),
    projectId: uuid('project_id').references(() => projects.id),
    projectNumber: text('project_number'),
    role: text('role'),
    credits: numeric('credits', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    creditClass: text('credit_class'),
    packVersions: jsonb('pack_versions').$type<{ id: string; version: string }[]>().notNull(),
    valuationReasons: jsonb('valuation_reasons').$type<string[]>().notNull().default([]),
    status: text('status').notNull(),
    /** Reviewing org ids, level 1 first, snapshotted at (re)submission. */
    chainSteps: jsonb('chain_steps').$type<string[]>().notNull().default([]),
    reviewChainId: uuid('review_chain_id'),
    currentStep: integer('current_step').notNull().default(0),
    currentReviewerOrgId: uuid('current_reviewer_org_id'),
    submittedBy: uuid('submitted_by'),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    batchId: uuid('batch_id').references(() => awardBatches.id),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'credit_claims_pkey', columns: [t.id, t.year] }),
    index('credit_claims_person_year_idx').on(t.personId, t.year),
    index('credit_claims_queue_idx').on(t.status, t.currentReviewerOrgId, t.submittedAt, t.id),
    // A reviewer high in the chain has most pending claims in scope: walking this index in
    // queue order stops after one page instead of sorting every pending claim.
    index('credit_claims_pending_order_idx')
      .on(t.submittedAt, t.id)
      .where(sql`status = 'submitted'`),
    // The review levels of a 工作台 count a subtree's pending claims per reviewing org from
    // this index alone (a range for one unit, every entry for a province), never the table.
    index('credit_claims_pending_unit_idx')
      .on(t.unitId, t.currentReviewerOrgId, t.submittedAt)
      .where(sql`status = 'submitted'`),
    index('credit_claims_match_idx').on(t.personId, t.projectNumber, t.role),
    index('credit_claims_unit_idx').on(t.unitId, t.year),
    // Only a host's award claims have a batch: the others (most of a province's) stay out
    // of it, and no write of theirs pays for it (migration 0029).
    index('credit_claims_batch_idx')
      .on(t.batchId)
      .where(sql`batch_id is not null`),
  ],
);

/** Every arrival of a claim's activity: the first, and each duplicate matched onto it. */
export const creditProvenances = pgTable(
  'credit_provenances',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    claimId: uuid('claim_id').notNull(),
    /** The claim's year: with `claim_id`, the key of the partitioned claims. */
    claimYear: integer('claim_year').notNull(),
    channel: text('channel').notNull(),
    /** e.g. platform + idempotency key, batch line, import file name + row. */
    sourceRef: text('source_ref'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    actorOrgId: uuid('actor_org_id'),
  },
  (t) => [
    index('credit_provenances_claim_idx').on(t.claimId, t.receivedAt),
    foreignKey({
      name: 'credit_provenances_claim_fk',
      columns: [t.claimId, t.claimYear],
      foreignColumns: [creditClaims.id, creditClaims.year],
    }).onUpdate('cascade'),
  ],
);

/** The review history of a claim: every transition, who, when, from, to, why. */
export const claimReviews = pgTable(
  'claim_reviews',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    claimId: uuid('claim_id').notNull(),
    /** The claim's year: with `claim_id`, the key of the partitioned claims. */
    claimYear: integer('claim_year').notNull(),
    step: integer('step').notNull(),
    /** The org the step belonged to (a reviewer's decision), null outside the chain. */
    reviewerOrgId: uuid('reviewer_org_id'),
    actorUserId: uuid('actor_user_id'),
    /** 代审 (ADR 0023): a reviewer of an ancestor org acted for the step's own org. */
    actedFor: boolean('acted_for').notNull().default(false),
    /** For 代审: the ancestor org through whose credit:review grant the reviewer acted. */
    actorOrgId: uuid('actor_org_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('claim_reviews_claim_idx').on(t.claimId, t.at),
    foreignKey({
      name: 'claim_reviews_claim_fk',
      columns: [t.claimId, t.claimYear],
      foreignColumns: [creditClaims.id, creditClaims.year],
    }).onUpdate('cascade'),
  ],
);
