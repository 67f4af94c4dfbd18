import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  awardBatchListQuerySchema,
  awardBatchListSchema,
  awardBatchSchema,
  awardBatchVersionSchema,
  awardDashboardSchema,
  awardLineCreateSchema,
  awardLineParamsSchema,
  awardPeopleQuerySchema,
  awardPeopleSchema,
  awardReturnSchema,
  errorResponseSchema,
  idParamsSchema,
  importReportSchema,
} from '@jijiao/contracts';
import { z } from 'zod';
import { actorOf } from '../../platform/auth/route-guard';
import { readUploadedFile, sendWorkbook } from '../../platform/excel';
import { rosterTemplate } from './award-roster';
import type { AwardsService } from './awards.service';

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

const rosterQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: check every row and report, write nothing'),
});

/** Host award batches (学分授予) and their review by the province (授予审核). */
export function registerAwardRoutes(
  app: FastifyInstance,
  deps: { awards: AwardsService; maxBytes: number },
): void {
  const { awards } = deps;
  void app.register(async (scope) => {
    await scope.register(multipart);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.post('/api/v1/projects/:id/award-batches', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Start a draft award batch for a filed or finished project of the caller’s host',
        params: idParamsSchema,
        response: { 201: awardBatchSchema, ...errors },
      },
      handler: async (request, reply) => {
        const batch = await awards.create(actorOf(request), request.params.id, request.ip);
        return reply.status(201).send(batch);
      },
    });

    r.post('/api/v1/projects/:id/award-batches::from-attendance', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Turn the project’s check-ins into a draft award batch (attendance rule applied)',
        description:
          'Everyone who qualifies under the project’s attendance rule (all sessions, or a share of the hours) becomes an attendee line with the hours attended, valued by the rules engine. The host reviews the draft, adds speakers by hand and submits it. 409 while a draft batch made from check-ins exists; 409 `invalid_state` when nobody qualifies yet.',
        params: idParamsSchema,
        response: { 201: awardBatchSchema, ...errors },
      },
      handler: async (request, reply) => {
        const batch = await awards.createFromProjectAttendance(
          actorOf(request),
          request.params.id,
          request.ip,
        );
        return reply.status(201).send(batch);
      },
    });

    r.post('/api/v1/projects/:id/award-people', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Find people of the project’s province to award (part of the name or a full ID)',
        description:
          'A POST so that an ID number travels in the body, never in a URL or an access log.',
        params: idParamsSchema,
        body: awardPeopleQuerySchema,
        response: { 200: awardPeopleSchema, ...errors },
      },
      handler: async (request) => ({
        items: await awards.searchPeople(actorOf(request), request.params.id, request.body.q),
      }),
    });

    r.get('/api/v1/award-batches', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['awards'],
        summary: 'The host’s batches, and for the province the submitted batches of its hosts',
        querystring: awardBatchListQuerySchema,
        response: { 200: awardBatchListSchema, ...errors },
      },
      handler: (request) => awards.list(actorOf(request), request.query),
    });

    r.get('/api/v1/award-batches/dashboard', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['awards'],
        summary: '工作台: the batches the caller sees (as GET /award-batches), counted per status',
        response: { 200: awardDashboardSchema, ...errors },
      },
      handler: (request) => awards.dashboard(actorOf(request)),
    });

    r.get('/api/v1/award-batches/roster-template.xlsx', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'The empty roster template (身份证号, 姓名, 角色, 学时, 学分)',
      },
      handler: (_request, reply) =>
        sendWorkbook(reply, rosterTemplate(), {
          fileName: '学分授予名单模板.xlsx',
          asciiFileName: 'award-roster-template.xlsx',
        }),
    });

    r.get('/api/v1/award-batches/:id', {
      config: { permission: 'authenticated' },
      schema: {
        tags: ['awards'],
        summary: 'One batch with its lines (ID numbers masked)',
        params: idParamsSchema,
        response: { 200: awardBatchSchema, ...errors },
      },
      handler: (request) => awards.get(actorOf(request), request.params.id),
    });

    r.post('/api/v1/award-batches/:id/lines', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Add a line by hand (hours and credits default from the project)',
        params: idParamsSchema,
        body: awardLineCreateSchema,
        response: { 201: awardBatchSchema, ...errors },
      },
      handler: async (request, reply) => {
        const batch = await awards.addLine(
          actorOf(request),
          request.params.id,
          request.body,
          request.ip,
        );
        return reply.status(201).send(batch);
      },
    });

    r.delete('/api/v1/award-batches/:id/lines/:lineId', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Remove a line not yet submitted, or withdraw a returned one',
        params: awardLineParamsSchema,
        response: { 200: awardBatchSchema, ...errors },
      },
      handler: (request) =>
        awards.removeLine(actorOf(request), request.params.id, request.params.lineId, request.ip),
    });

    r.post('/api/v1/award-batches/:id/roster', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Add lines from a roster (xlsx, multipart field `file`): all rows or none',
        description:
          'Every row is checked first. Any problem: 422 `import_invalid` with the report (row and column) in `details.report`, nothing written. `dryRun=true` only reports.',
        params: idParamsSchema,
        querystring: rosterQuerySchema,
        response: {
          200: importReportSchema,
          ...errors,
          413: errorResponseSchema,
          415: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
      handler: async (request) => {
        const file = await readUploadedFile(request, deps.maxBytes);
        return awards.importRoster(
          actorOf(request),
          request.params.id,
          file,
          { dryRun: request.query.dryRun, maxBytes: deps.maxBytes, fileName: 'roster' },
          request.ip,
        );
      },
    });

    r.post('/api/v1/award-batches/:id/submit', {
      config: { permission: 'award:manage' },
      schema: {
        tags: ['awards'],
        summary: 'Submit the batch (new and corrected lines) to the province’s CME office',
        params: idParamsSchema,
        body: awardBatchVersionSchema,
        response: { 200: awardBatchSchema, ...errors },
      },
      handler: (request) =>
        awards.submit(actorOf(request), request.params.id, request.body, request.ip),
    });

    r.post('/api/v1/award-batches/:id/approve', {
      config: { permission: 'award:review' },
      schema: {
        tags: ['awards'],
        summary: 'Approve every waiting line: each credit becomes effective',
        description:
          'Send the batch `version` you saw; another reviewer first → 409 `stale_state`.',
        params: idParamsSchema,
        body: awardBatchVersionSchema,
        response: { 200: awardBatchSchema, ...errors },
      },
      handler: (request) =>
        awards.approve(actorOf(request), request.params.id, request.body, request.ip),
    });

    r.post('/api/v1/award-batches/:id/return', {
      config: { permission: 'award:review' },
      schema: {
        tags: ['awards'],
        summary: 'Return single lines to the host, each with a reason',
        params: idParamsSchema,
        body: awardReturnSchema,
        response: { 200: awardBatchSchema, ...errors },
      },
      handler: (request) =>
        awards.returnLines(actorOf(request), request.params.id, request.body, request.ip),
    });
  });
}
