import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { people } from './people';

/**
 * The annual audit (学分审验) of one province and one ended year. At most one open audit
 * per province (a partial unique index); never two audits of the same year.
 */
export const audits = pgTable(
  'audits',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    provinceId: uuid('province_id')
      .notNull()
      .references(() => orgs.id),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    /** Units should have reported by this day (China time); later ones show as late. */
    reportDeadline: date('report_deadline'),
    /** Early audit (提前审核) requests are accepted until this day. */
    earlyDeadline: date('early_deadline'),
    openedBy: uuid('opened_by'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    filedBy: uuid('filed_by'),
    filedAt: timestamp('filed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('audits_province_year').on(t.provinceId, t.year),
    uniqueIndex('audits_one_open_per_province')
      .on(t.provinceId)
      .where(sql`status = 'open'`),
  ],
);

/** One evaluation job of an audit: progress in `done` of `total` people. */
export const auditRuns = pgTable(
  'audit_runs',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    status: text('status').notNull(),
    total: integer('total').notNull().default(0),
    done: integer('done').notNull().default(0),
    compliant: integer('compliant').notNull().default(0),
    startedBy: uuid('started_by'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    error: text('error'),
    /** Written by the job after every batch: a running run without a recent beat is dead. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
  },
  (t) => [
    index('audit_runs_audit_idx').on(t.auditId, t.startedAt),
    // One running evaluation per audit, whichever process (server or CLI) started it.
    uniqueIndex('audit_runs_one_running_idx')
      .on(t.auditId)
      .where(sql`status = 'running'`),
  ],
);

/** The rules engine's result for one person of an audit. A re-run replaces all but the note. */
export const auditResults = pgTable(
  'audit_results',
  {
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    runId: uuid('run_id').notNull(),
    compliant: boolean('compliant').notNull(),
    totalCredits: numeric('total_credits', { precision: 7, scale: 1, mode: 'number' }).notNull(),
    classCredits: jsonb('class_credits').$type<Record<string, number>>().notNull(),
    requirements: jsonb('requirements').$type<unknown[]>().notNull(),
    /** Per counted credit: claim id, credits after caps, reason codes. */
    reasons: jsonb('reasons').$type<unknown[]>().notNull(),
    packVersions: jsonb('pack_versions').$type<{ id: string; version: string }[]>().notNull(),
    certificateHours: integer('certificate_hours'),
    /** Set by fraud voiding: the person's year was voided. */
    voided: boolean('voided').notNull().default(false),
    note: text('note'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.auditId, t.personId] }),
    index('audit_results_unit_idx').on(t.auditId, t.unitId),
  ],
);

/**
 * A unit's report of its audit results, walking the unit's review chain (snapshotted at
 * reporting). `version` guards every transition (409 stale_state).
 */
export const auditUnitReports = pgTable(
  'audit_unit_reports',
  {
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull(),
    chainSteps: jsonb('chain_steps').$type<string[]>().notNull().default([]),
    chainVersion: integer('chain_version'),
    currentStep: integer('current_step').notNull().default(0),
    currentReviewerOrgId: uuid('current_reviewer_org_id'),
    people: integer('people').notNull().default(0),
    compliant: integer('compliant').notNull().default(0),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    reportedAt: timestamp('reported_at', { withTimezone: true }),
    returnReason: text('return_reason'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.auditId, t.unitId] }),
    index('audit_unit_reports_queue_idx').on(t.auditId, t.currentReviewerOrgId),
  ],
);

/** Every transition of a unit report or an early audit request: who, when, from, to, why. */
export const auditReportActions = pgTable(
  'audit_report_actions',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    earlyRequestId: uuid('early_request_id'),
    step: integer('step').notNull(),
    reviewerOrgId: uuid('reviewer_org_id'),
    actorUserId: uuid('actor_user_id'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('audit_report_actions_unit_idx').on(t.auditId, t.unitId, t.at)],
);

/** An early audit (提前审核) of named staff, walking the unit's chain for those people only. */
export const earlyAuditRequests = pgTable(
  'early_audit_requests',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    auditId: uuid('audit_id')
      .notNull()
      .references(() => audits.id),
    year: integer('year').notNull(),
    unitId: uuid('unit_id')
      .notNull()
      .references(() => orgs.id),
    personIds: jsonb('person_ids').$type<string[]>().notNull(),
    /** The rules engine's result per person when requested (and when approved). */
    results: jsonb('results').$type<unknown[]>().notNull(),
    reason: text('reason'),
    status: text('status').notNull(),
    chainSteps: jsonb('chain_steps').$type<string[]>().notNull(),
    currentStep: integer('current_step').notNull().default(0),
    currentReviewerOrgId: uuid('current_reviewer_org_id'),
    returnReason: text('return_reason'),
    requestedBy: uuid('requested_by'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('early_audit_requests_audit_idx').on(t.auditId, t.currentReviewerOrgId)],
);
