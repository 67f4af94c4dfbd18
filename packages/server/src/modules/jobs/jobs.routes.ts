import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponseSchema, idParamsSchema, jobSchema } from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { sendWorkbook } from '../../platform/excel';
import type { JobsService } from './jobs.service';

const reportNames: Record<string, string> = {
  people_import: '人员导入报告',
  projects_import: '项目导入报告',
  credits_import: '学分导入报告',
};

/** A job's status and progress, and an import job's report as xlsx: for its owner only. */
export function registerJobRoutes(app: FastifyInstance, deps: { jobs: JobsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/jobs/:id', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['jobs'],
      summary: 'A background job: status, rows done of total, and its report when done',
      description:
        'Only the user who queued the job sees it (anyone else: 404). `result` is an import’s report once the job `succeeded`: `written: false` with row-numbered issues when any row was invalid (nothing written), as the synchronous import’s 422 carried it.',
      params: idParamsSchema,
      response: { 200: jobSchema, 404: errorResponseSchema },
    },
    handler: (request) => deps.jobs.get(actorOf(request), request.params.id),
  });

  r.get('/api/v1/jobs/:id/report.xlsx', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['jobs'],
      summary:
        'An import job’s report as xlsx: a summary line, then each problem by row and column',
      params: idParamsSchema,
      response: { 404: errorResponseSchema, 409: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const { job, workbook } = await deps.jobs.reportWorkbook(actorOf(request), request.params.id);
      const day = job.createdAt.slice(0, 10);
      return sendWorkbook(reply, workbook, {
        fileName: `${reportNames[job.kind] ?? '导入报告'}-${day}.xlsx`,
        asciiFileName: `${job.kind.replace('_', '-')}-report-${day}.xlsx`,
      });
    },
  });
}
