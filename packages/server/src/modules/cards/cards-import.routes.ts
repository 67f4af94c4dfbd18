import type { FastifyInstance } from 'fastify';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { cardImportQuerySchema, errorResponseSchema, importReportSchema } from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import { readUploadedFile, sendWorkbook } from '../../platform/excel';
import type { CardsExcel } from './cards-excel';

/** Blank card numbers as xlsx, in their own plugin scope (the multipart parser is local). */
export function registerCardsExcelRoutes(
  app: FastifyInstance,
  deps: { excel: CardsExcel; maxBytes: number },
): void {
  void app.register(async (scope) => {
    await scope.register(multipart);
    const r = scope.withTypeProvider<ZodTypeProvider>();

    r.get('/api/v1/cards/template.xlsx', {
      config: { permission: 'card:issue' },
      schema: { tags: ['cards'], summary: 'The template for blank card numbers (one column 卡号)' },
      handler: (_request, reply) =>
        sendWorkbook(reply, deps.excel.template(), {
          fileName: '空白卡导入模板.xlsx',
          asciiFileName: 'card-stock-template.xlsx',
        }),
    });

    r.post('/api/v1/cards/import', {
      config: { permission: 'card:issue' },
      schema: {
        tags: ['cards'],
        summary:
          'Import blank card numbers into a bureau’s stock (multipart field `file`): all or none',
        description:
          'A number that exists already (in any status: numbers are never reused) or appears twice is reported by row; nothing is written then. `dryRun=true` only reports.',
        querystring: cardImportQuerySchema,
        response: {
          200: importReportSchema,
          400: errorResponseSchema,
          404: errorResponseSchema,
          413: errorResponseSchema,
          415: errorResponseSchema,
          422: errorResponseSchema,
        },
      },
      handler: async (request) => {
        const file = await readUploadedFile(request, deps.maxBytes);
        return deps.excel.import(actorOf(request), file, request.query, request.ip);
      },
    });
  });
}
