import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  idParamsSchema,
  voidPreviewQuerySchema,
  voidPreviewSchema,
  voidYearParamsSchema,
  voidYearResultSchema,
  voidYearSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { AuditVoidPreview } from './audit-void-preview';
import type { AuditVoidService } from './audit-void.service';

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};
const tags = ['annual audit'];

/** 作弊处理: void a person's year or one credit, and see beforehand what that would do. */
export function registerAuditVoidRoutes(
  app: FastifyInstance,
  deps: { voids: AuditVoidService; preview: AuditVoidPreview },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { voids, preview } = deps;

  r.get('/api/v1/people/:personId/years/:year/void-preview', {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'What voiding the year (or one credit of it, `claimId`) would do; changes nothing',
      description:
        'The claims that would become voided, the standing before and after, the certificate that would be revoked, and whether the HR receiver is configured. 409 stale_state for a credit already voided or rejected.',
      params: voidYearParamsSchema,
      querystring: voidPreviewQuerySchema,
      response: { 200: voidPreviewSchema, ...errors },
    },
    handler: (request) =>
      preview.preview(actorOf(request), { ...request.params, ...request.query }),
  });

  r.post('/api/v1/people/:personId/years/:year/void', {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary: 'Void a person’s credits of a year for fraud (弄虚作假); revokes the certificate',
      params: voidYearParamsSchema,
      body: voidYearSchema,
      response: { 200: voidYearResultSchema, ...errors },
    },
    handler: (request) =>
      voids.voidYear(
        actorOf(request),
        request.params.personId,
        request.params.year,
        request.body.reason,
        request.ip,
      ),
  });

  r.post('/api/v1/credits/:id/void', {
    config: { permission: 'audit:manage' },
    schema: {
      tags,
      summary:
        'Void one credit for fraud (弄虚作假); the year is recomputed, its certificate revoked',
      description:
        'The claim becomes voided with the reason in its history; the person’s audit result of the year is recomputed, the certificate of that year (if issued) is revoked and the HR platform is told. 409 stale_state when the credit is already voided or rejected.',
      params: idParamsSchema,
      body: voidYearSchema,
      response: { 200: voidYearResultSchema, ...errors },
    },
    handler: (request) =>
      voids.voidCredit(actorOf(request), request.params.id, request.body.reason, request.ip),
  });
}
