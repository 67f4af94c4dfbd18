import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponseSchema, idParamsSchema, importReportSchema } from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { readUploadedFileNamed, sendWorkbook } from '../../platform/excel';
import type { CreditsImport } from './credits-import.service';

const importQuery = z.object({
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
          'Every row is checked first: the ID number, the person registered in the unit’s subtree under that name, the activity valued by the rules engine. Any problem: 422 `import_invalid`, the report (row and column of each problem) in `details.report`, nothing written. Otherwise one transaction records every row (channel `spreadsheet_import`), submitted into the unit’s review chain; a row matching a claim already there (same project number, role, overlapping dates) adds its provenance to it (counted as `updated`). The same file imported into the same unit again: 409 `conflict`. `dryRun=true` only reports.',
        params: idParamsSchema,
        querystring: importQuery,
        response: {
          200: importReportSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          409: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
      handler: async (request) => {
        const { bytes, fileName } = await readUploadedFileNamed(request, deps.maxBytes);
        return deps.creditsImport.import(
          actorOf(request),
          request.params.id,
          bytes,
          { dryRun: request.query.dryRun, fileName },
          request.ip,
        );
      },
    });
  });
}
