import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  complianceStatisticsQuerySchema,
  complianceStatisticsSchema,
  errorResponseSchema,
  idParamsSchema,
  personYearParamsSchema,
  unitProgressExportQuerySchema,
  unitProgressQuerySchema,
  unitProgressSchema,
  yearListSchema,
  yearParamsSchema,
  yearReportSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { sendWorkbook } from '../../platform/excel';
import { schemaSerializerCompiler } from '../../platform/http/schema-serializer';
import type { AuditLogService } from '../audit-log/audit-log.service';
import type { LearnerYearService } from './learner-year.service';
import { exportUnitProgress } from './unit-progress-excel';

const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema };

const reportDescription =
  'The rules engine’s year report over the person’s effective claims (totals, per class, each requirement with required/earned/met/shortfall, stage progress where the rules have a stage, pack versions), each credit with its channels, status and reasons. Claims still in review, returned or drafts are in `pending`, never counted.';

/** The learner's year at a glance and a unit's staff progress (read-only). */
export function registerLearnerYearRoutes(
  app: FastifyInstance,
  deps: { years: LearnerYearService; auditLog: Pick<AuditLogService, 'record'> },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { years } = deps;

  r.get('/api/v1/me/years', {
    config: { permission: 'credit:read_own', reads: 'replica' },
    schema: {
      tags: ['learner-year'],
      summary: 'The caller’s years: every year with claims, and this year, newest first',
      response: { 200: yearListSchema, ...errors },
    },
    handler: (request) => years.myYears(actorOf(request)),
  });

  r.get('/api/v1/me/years/:year', {
    config: { permission: 'credit:read_own', reads: 'replica' },
    // The learner's most-read page (ADR 0025); the route tests parse it with the schema.
    serializerCompiler: schemaSerializerCompiler,
    schema: {
      tags: ['learner-year'],
      summary: 'The caller’s year at a glance',
      description: reportDescription,
      params: yearParamsSchema,
      response: { 200: yearReportSchema, ...errors },
    },
    handler: (request) => years.myYear(actorOf(request), request.params.year),
  });

  r.get('/api/v1/people/:id/years/:year', {
    config: { permission: 'person:read', reads: 'replica' },
    schema: {
      tags: ['learner-year'],
      summary: 'A staff member’s year at a glance (within the caller’s subtree, else 404)',
      description: reportDescription,
      params: personYearParamsSchema,
      response: { 200: yearReportSchema, ...errors },
    },
    handler: (request) => years.staffYear(actorOf(request), request.params.id, request.params.year),
  });

  r.get('/api/v1/units/:id/progress', {
    config: { permission: 'person:read', reads: 'replica' },
    // Fifty rows a page at province scale (ADR 0025); the route tests parse it with the schema.
    serializerCompiler: schemaSerializerCompiler,
    schema: {
      tags: ['learner-year'],
      summary:
        'Everyone of an organisation’s subtree (a unit, a district, a city, the province): progress',
      description:
        'From the stored standings (ADR 0018), any size. Filters: compliant (or behind=true), profession, titleGrade, shortfallMin/Max. Sorts: shortfall (not compliant first, largest annual shortfall first, then name; the default), name, credits. Keyset pages (`after` = the previous `nextCursor`); `total` counts the matches, `staffCount` and `behindCount` everyone; `asOf` is set when some standings of the scope are still being computed again.',
      params: idParamsSchema,
      querystring: unitProgressQuerySchema,
      response: { 200: unitProgressSchema, ...errors },
    },
    handler: (request) => years.unitProgress(actorOf(request), request.params.id, request.query),
  });

  r.get('/api/v1/units/:id/statistics', {
    config: { permission: 'person:read', reads: 'replica' },
    schema: {
      tags: ['learner-year'],
      summary:
        'Compliance of the unit’s staff (and the units below) for a year, by group (统计报表)',
      description:
        'Overall; by child organisation, profession, title grade and unit level (staff, compliant, rate in percent, average credits; lowest rate first); people by credits in steps of 5; mean cumulative credits per month this year and last. SQL over the stored standings (ADR 0018), any size of subtree; `asOf` says how current they are.',
      params: idParamsSchema,
      querystring: complianceStatisticsQuerySchema,
      response: { 200: complianceStatisticsSchema, ...errors },
    },
    handler: (request) => years.statistics(actorOf(request), request.params.id, request.query),
  });

  r.get('/api/v1/units/:id/progress.xlsx', {
    config: { permission: 'person:read', reads: 'replica' },
    schema: {
      tags: ['learner-year'],
      summary:
        'A subtree’s progress as xlsx, any size, streamed (the list’s filters and order; Chinese headers, masked IDs)',
      params: idParamsSchema,
      querystring: unitProgressExportQuerySchema,
      response: { 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const { year, stream } = await exportUnitProgress(
        deps,
        actorOf(request),
        request.params.id,
        request.query,
        request.ip,
      );
      return sendWorkbook(reply, stream, {
        fileName: `学分进度-${String(year)}.xlsx`,
        asciiFileName: `progress-${String(year)}.xlsx`,
      });
    },
  });
}
