import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponseSchema,
  importReportSchema,
  jobAcceptedSchema,
  projectListQuerySchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { importQuerySchema, readUploadedFileNamed, sendWorkbook } from '../../platform/excel';
import type { ProjectsExcel } from './projects-excel';

const projectImportQuerySchema = importQuerySchema.omit({ unitId: true }).extend({
  hostId: z.uuid().optional().describe('Default host for rows whose 举办单位 is empty'),
});

/**
 * Template, export and import of projects as xlsx, in their own plugin scope with their
 * own multipart parser (as the people's Excel routes have theirs).
 */
export function registerProjectsExcelRoutes(
  app: FastifyInstance,
  deps: { excel: ProjectsExcel; maxBytes: number },
): void {
  void app.register(async (scope) => {
    await scope.register(multipart);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/projects/template.xlsx', {
      config: { permission: 'project:read' },
      schema: {
        tags: ['projects'],
        summary: 'The empty import template (Chinese headers, a 说明 sheet)',
      },
      handler: (_request, reply) =>
        sendWorkbook(reply, deps.excel.template(), {
          fileName: '项目导入模板.xlsx',
          asciiFileName: 'projects-template.xlsx',
        }),
    });

    r.get('/api/v1/projects/export.xlsx', {
      config: { permission: 'project:read' },
      schema: {
        tags: ['projects'],
        summary: 'Every project matching the list filter, as xlsx',
        description: 'Takes the query of `GET /api/v1/projects`; `limit` and `after` are ignored.',
        querystring: projectListQuerySchema,
        response: { 400: errorResponseSchema, 404: errorResponseSchema },
      },
      handler: async (request, reply) =>
        sendWorkbook(reply, await deps.excel.export(actorOf(request), request.query, request.ip), {
          fileName: `项目-${deps.excel.today()}.xlsx`,
          asciiFileName: `projects-${deps.excel.today()}.xlsx`,
        }),
    });

    r.post('/api/v1/projects/import', {
      config: { permission: 'project:manage' },
      schema: {
        tags: ['projects'],
        summary: 'Import projects from xlsx (multipart field `file`): all rows or none',
        description:
          'Every row is checked first. Any problem: 422 `import_invalid`, the report in `details.report`, nothing written. Otherwise one transaction upserts by project number: new numbers become drafts, drafts are updated, filed projects cannot be changed. `dryRun=true` only reports. `async=true`: the file is checked as an xlsx, queued, and the answer is 202 with a job whose `result` is this report (`GET /api/v1/jobs/:id`).',
        querystring: projectImportQuerySchema,
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
