import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponseSchema,
  idParamsSchema,
  importReportSchema,
  jobAcceptedSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { asyncImportQuery, readUploadedFileNamed, sendWorkbook } from '../../platform/excel';
import type { CreditsImport } from './credits-import.service';

const importQuery = z.object({
  ...asyncImportQuery,
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: check every row and report, write nothing'),
});

/** The credits template and a unit's credit import, in their own plugin scope (multipart). */
export function registerCreditsImportRoutes(
  app: FastifyInstance,
  deps: { creditsImport: CreditsImport; maxBytes: number },
): void {
  void app.register(async (scope) => {
    await scope.register(multipart);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/credits/template.xlsx', {
      config: { permission: 'credit:enter' },
      schema: {
        tags: ['credits'],
        summary: 'The empty credit import template (Chinese headers, a 说明 sheet)',
      },
      handler: (_request, reply) =>
        sendWorkbook(reply, deps.creditsImport.template(), {
          fileName: '学分导入模板.xlsx',
          asciiFileName: 'credits-template.xlsx',
        }),
    });

    r.post('/api/v1/units/:id/credits/import', {
      config: { permission: 'credit:enter' },
      schema: {
        tags: ['credits'],
        summary:
          'Import credits of a unit’s staff from xlsx (multipart field `file`): all rows or none',
        description:
          'Every row is checked first: the ID number, the person registered in the unit’s subtree under that name, the activity valued by the rules engine. Any problem: 422 `import_invalid`, the report (row and column of each problem) in `details.report`, nothing written. Otherwise one transaction records every row (channel `spreadsheet_import`), submitted into the unit’s review chain; a row matching a claim already there (same project number, role, overlapping dates) adds its provenance to it (counted as `updated`). The same file imported into the same unit again: 409 `conflict`. `dryRun=true` only reports. `async=true`: the unit, a repeated file and the xlsx itself are checked, the file queued, and the answer is 202 with a job whose `result` is this report (`GET /api/v1/jobs/:id`).',
        params: idParamsSchema,
        querystring: importQuery,
        response: {
          200: importReportSchema,
          202: jobAcceptedSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
      handler: async (request, reply) => {
        const { bytes, fileName } = await readUploadedFileNamed(request, deps.maxBytes);
        const options = { dryRun: request.query.dryRun, fileName };
        const { creditsImport } = deps;
        const actor = actorOf(request);
        if (request.query.async) {
          const job = await creditsImport.startImport(
            actor,
            request.params.id,
            bytes,
            options,
            request.ip,
          );
          return reply.code(202).send(job);
        }
        return creditsImport.import(actor, request.params.id, bytes, options, request.ip);
      },
    });
  });
}
