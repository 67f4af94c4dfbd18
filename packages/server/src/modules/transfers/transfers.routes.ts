import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  idParamsSchema,
  transferCreateSchema,
  transferDecisionSchema,
  transferListQuerySchema,
  transferListSchema,
  transferSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { TransfersService } from './transfers.service';

export function registerTransferRoutes(
  app: FastifyInstance,
  deps: { transfers: TransfersService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

  r.post('/api/v1/transfers', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['people'],
      summary:
        'Request a transfer (调入申请): by the person’s unit admin, or by the learner themself',
      body: transferCreateSchema,
      response: { 201: transferSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await deps.transfers.request(actorOf(request), request.body, request.ip)),
  });

  r.get('/api/v1/transfers', {
    config: { permission: 'person:read' },
    schema: {
      tags: ['people'],
      summary: 'Transfers into (incoming) or out of (outgoing) the caller’s units',
      querystring: transferListQuerySchema,
      response: { 200: transferListSchema },
    },
    handler: (request) =>
      deps.transfers.list(actorOf(request), request.query.direction, request.query.status),
  });

  r.post('/api/v1/transfers/:id/decision', {
    config: { permission: 'person:manage' },
    schema: {
      tags: ['people'],
      summary: 'Accept or reject an incoming transfer (审核调入)',
      params: idParamsSchema,
      body: transferDecisionSchema,
      response: { 200: transferSchema, ...errors },
    },
    handler: (request) =>
      deps.transfers.decide(actorOf(request), request.params.id, request.body, request.ip),
  });
}
