import { z } from 'zod';
import { databaseEngines } from './codes';
import { awardBatchStatusSchema } from './awards';
import { activityTypeSchema } from './credits';
import { auditStatusSchema, cityProgressSchema, unitReportStatusSchema } from './audit';
import { orgKindSchema } from './orgs';
import { projectStatusSchema } from './projects';

/**
 * 工作台: what each admin role's home shows, one small answer per module, each scoped to
 * the caller's subtree by that module's policy. Counts are real rows, never estimates.
 */

const day = z.iso.date();

/** `GET /api/v1/projects/dashboard`: projects starting in the next 30 days. */
export const projectDashboardSchema = z.object({
  from: day.describe('Today (China Standard Time)'),
  until: day.describe('The last day counted: today + 30'),
  upcomingCount: z.number().int(),
  upcoming: z
    .array(
      z.object({
        id: z.uuid(),
        number: z.string(),
        name: z.string(),
        hostName: z.string(),
        startDate: day,
        endDate: day,
        status: projectStatusSchema,
      }),
    )
    .describe('The first 10 by start date'),
});
export type ProjectDashboard = z.infer<typeof projectDashboardSchema>;

const sessionAt = z.object({
  sessionId: z.uuid(),
  projectId: z.uuid(),
  projectName: z.string(),
  date: day,
  startTime: z.string(),
  endTime: z.string(),
  place: z.string(),
});

/** `GET /api/v1/attendance/dashboard`: sessions ahead, and check-ins of the latest ones. */
export const attendanceDashboardSchema = z.object({
  from: day,
  until: day,
  upcomingCount: z.number().int().describe('Sessions from today to today + 30'),
  upcoming: z.array(sessionAt).describe('The first 10 by date and start time'),
  recent: z
    .array(sessionAt.extend({ checkInCount: z.number().int() }))
    .describe('The last 10 sessions up to today, oldest first'),
});
export type AttendanceDashboard = z.infer<typeof attendanceDashboardSchema>;

/** `GET /api/v1/award-batches/dashboard`: batches the caller sees, counted per status. */
export const awardDashboardSchema = z.object({
  byStatus: z.array(z.object({ status: awardBatchStatusSchema, count: z.number().int() })),
  total: z.number().int(),
});
export type AwardDashboard = z.infer<typeof awardDashboardSchema>;

/** `GET /api/v1/reviews/dashboard`: what waits at the caller's level (the review queue). */
export const reviewDashboardSchema = z.object({
  waiting: z.number().int().describe('The queue: claims waiting at the caller’s own orgs'),
  actForWaiting: z
    .number()
    .int()
    .describe('The 代审 tab: claims waiting at orgs below the caller’s (ADR 0023)'),
  oldestSubmittedAt: z.iso.datetime().nullable(),
  byType: z.array(z.object({ type: activityTypeSchema, count: z.number().int() })),
});
export type ReviewDashboard = z.infer<typeof reviewDashboardSchema>;

/**
 * `GET /api/v1/reviews/levels`: the claims of the people in the caller's subtree that are
 * still in review, by the kind of body they wait at (the unit's own first review, a
 * medical association, a district or city bureau, the provincial CME office).
 */
export const reviewLevelsSchema = z.object({
  waiting: z.number().int(),
  byLevel: z
    .array(
      z.object({
        kind: orgKindSchema,
        count: z.number().int(),
        oldestSubmittedAt: z.iso.datetime().describe('The longest-waiting submission'),
      }),
    )
    .describe('Levels with claims waiting, in chain order (unit first)'),
});
export type ReviewLevels = z.infer<typeof reviewLevelsSchema>;

/** `GET /api/v1/audits/dashboard`: the caller's latest annual audit, units late first. */
export const auditDashboardSchema = z.object({
  audit: z
    .object({
      id: z.uuid(),
      year: z.number().int(),
      status: auditStatusSchema,
      reportDeadline: day.nullable(),
    })
    .nullable()
    .describe('Null when no audit of the caller’s province was ever opened'),
  units: z.number().int().describe('Units of the caller’s subtree in the audit'),
  byStatus: z.array(z.object({ status: unitReportStatusSchema, count: z.number().int() })),
  lateCount: z.number().int(),
  late: z
    .array(
      z.object({
        unitId: z.uuid(),
        unitName: z.string(),
        cityName: z.string().nullable(),
        status: unitReportStatusSchema,
      }),
    )
    .describe('Units late with their report (not yet reported by the deadline), first 10'),
  waitingAtMe: z.number().int().describe('Unit reports waiting at the caller’s level'),
  byCity: z
    .array(cityProgressSchema)
    .describe('The same units per city, by name; cityId null: units reporting to the province'),
});
export type AuditDashboard = z.infer<typeof auditDashboardSchema>;

/** `GET /api/v1/system/dashboard`: the installation's health, for its system administrator. */
export const systemDashboardSchema = z.object({
  database: z
    .object({
      engine: z.enum(databaseEngines),
      sizeBytes: z.number().int(),
      connections: z.number().int().nullable().describe('PostgreSQL only: open connections'),
      migrationsApplied: z.number().int(),
      migrationsKnown: z.number().int().describe('Migrations this version ships'),
      latestMigration: z.string().nullable().describe('The tag of the last applied migration'),
    })
    .nullable()
    .describe('Instance-wide: only for a system administrator at a root of the tree'),
  hrPush: z.object({
    pending: z.number().int(),
    failed: z.number().int(),
    oldestDueAt: z.iso.datetime().nullable().describe('The pending delivery due the longest'),
  }),
  lockedAccounts: z.number().int(),
  failedSignIns: z.object({
    last24h: z.number().int(),
    byDay: z
      .array(z.object({ day, count: z.number().int() }))
      .describe('The last 7 days (China Standard Time), oldest first'),
  }),
});
export type SystemDashboard = z.infer<typeof systemDashboardSchema>;
