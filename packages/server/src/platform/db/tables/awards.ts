import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { orgs } from './orgs';
import { projects } from './projects';

/**
 * A host's award batch for a project (draft → submitted → approved | returned). Its lines
 * are credit claims with channel `host_award` and `batch_id` set.
 */
export const awardBatches = pgTable(
  'award_batches',
  {
    id: uuid('id')
      .primaryKey()
      .default(sql`gen_random_uuid()`),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    hostOrgId: uuid('host_org_id')
      .notNull()
      .references(() => orgs.id),
    status: text('status').notNull().default('draft'),
    /** `manual` (by hand or roster) or `attendance` (made from the project's check-ins). */
    source: text('source').notNull().default('manual'),
    createdBy: uuid('created_by'),
    submittedBy: uuid('submitted_by'),
    decidedBy: uuid('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('award_batches_project_idx').on(t.projectId, t.status),
    index('award_batches_status_idx').on(t.status, t.submittedAt),
  ],
);
