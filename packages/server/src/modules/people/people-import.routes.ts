import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  importReportSchema,
  jobAcceptedSchema,
  personListQuerySchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { importQuerySchema, readUploadedFileNamed, sendWorkbook } from '../../platform/excel';
import type { PeopleExcel } from './people-excel';

/**
 * Template, export and import of people as xlsx, in their own plugin scope: the multipart
 * parser is needed only here (the projects' Excel routes register their own).
 */
export function registerPeopleExcelRoutes(
  app: FastifyInstance,
  deps: { excel: PeopleExcel; maxBytes: number },
): void {
  void app.register(async (scope) => {
    await scope.register(multipart);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/people/template.xlsx', {
      config: { permission: 'person:read' },
      schema: {
        tags: ['people'],
        summary: 'The empty import template (Chinese headers, a 说明 sheet)',
      },
      handler: (_request, reply) =>
        sendWorkbook(reply, deps.excel.template(), {
          fileName: '人员导入模板.xlsx',
          asciiFileName: 'people-template.xlsx',
        }),
    });

    r.get('/api/v1/people/export.xlsx', {
      config: { permission: 'person:read' },
      schema: {
        tags: ['people'],
        summary: 'Every person matching the list filter, as xlsx (ID numbers masked)',
        description: 'Takes the query of `GET /api/v1/people`; `limit` and `after` are ignored.',
        querystring: personListQuerySchema,
        response: { 400: errorResponseSchema, 404: errorResponseSchema },
      },
      handler: async (request, reply) => {
        const stream = await deps.excel.export(actorOf(request), request.query, request.ip);
        return sendWorkbook(reply, stream, {
          fileName: `人员-${deps.excel.today()}.xlsx`,
          asciiFileName: `people-${deps.excel.today()}.xlsx`,
        });
      },
    });

    r.post('/api/v1/people/import', {
      config: { permission: 'person:manage' },
      schema: {
        tags: ['people'],
        summary: 'Import people from xlsx (multipart field `file`): all rows or none',
        description:
          'Every row is checked first. Any problem: 422 `import_invalid`, the report in `details.report`, nothing written. Otherwise one transaction upserts by ID number (re-importing the same file changes nothing). `dryRun=true` only reports. `async=true`: the file is checked as an xlsx, queued, and the answer is 202 with a job whose `result` is this report (`GET /api/v1/jobs/:id`).',
        querystring: importQuerySchema,
        response: {
          200: importReportSchema,
          202: jobAcceptedSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
      handler: async (request, reply) => {
        const file = await readUploadedFileNamed(request, deps.maxBytes);
        const { async: asJob, ...options } = request.query;
        if (asJob) {
          const job = await deps.excel.startImport(actorOf(request), file, options, request.ip);
          return reply.code(202).send(job);
        }
        return deps.excel.import(actorOf(request), file.bytes, options, request.ip);
      },
    });
  });
}
