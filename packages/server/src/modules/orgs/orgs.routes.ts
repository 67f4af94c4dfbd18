import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  orgCreateSchema,
  orgIdParamsSchema,
  orgListQuerySchema,
  orgListSchema,
  orgSchema,
  orgUpdateSchema,
  reviewChainSchema,
  reviewChainUpdateSchema,
  unitDirectoryQuerySchema,
  unitDirectorySchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { OrgsService } from './orgs.service';

export function registerOrgRoutes(app: FastifyInstance, deps: { orgs: OrgsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema };

  r.get('/api/v1/orgs', {
    config: { permission: 'org:read' },
    schema: {
      tags: ['orgs'],
      summary: 'Organisations in the caller’s subtree',
      description:
        'Without `parentId` or `q`: the organisations where the caller’s scope begins. With `q`: any in scope whose name contains it. Keyset-paged.',
      querystring: orgListQuerySchema,
      response: { 200: orgListSchema, ...errors },
    },
    handler: (request) => deps.orgs.list(actorOf(request), request.query),
  });

  r.get('/api/v1/orgs/:id', {
    config: { permission: 'org:read' },
    schema: {
      tags: ['orgs'],
      summary: 'One organisation (404 outside the caller’s subtree)',
      params: orgIdParamsSchema,
      response: { 200: orgSchema, ...errors },
    },
    handler: (request) => deps.orgs.get(actorOf(request), request.params.id),
  });

  r.post('/api/v1/orgs', {
    config: { permission: 'org:manage' },
    schema: {
      tags: ['orgs'],
      summary: 'Create an organisation under a parent in scope',
      body: orgCreateSchema,
      response: { 201: orgSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await deps.orgs.create(actorOf(request), request.body, request.ip)),
  });

  r.patch('/api/v1/orgs/:id', {
    config: { permission: 'org:manage' },
    schema: {
      tags: ['orgs'],
      summary: 'Rename or recode an organisation',
      params: orgIdParamsSchema,
      body: orgUpdateSchema,
      response: { 200: orgSchema, ...errors },
    },
    handler: (request) =>
      deps.orgs.update(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.get('/api/v1/orgs/:id/review-chain', {
    config: { permission: 'org:read' },
    schema: {
      tags: ['orgs'],
      summary: 'The review chain in force for a unit',
      description:
        'Version 0 is the default derived from the tree (district → city → provincial CME office) until one is set.',
      params: orgIdParamsSchema,
      response: { 200: reviewChainSchema, ...errors },
    },
    handler: (request) => deps.orgs.reviewChainOf(actorOf(request), request.params.id),
  });

  r.put('/api/v1/orgs/:id/review-chain', {
    config: { permission: 'org:manage' },
    schema: {
      tags: ['orgs'],
      summary: 'Set a unit’s review chain (a new version; applies to claims submitted afterwards)',
      params: orgIdParamsSchema,
      body: reviewChainUpdateSchema,
      response: { 200: reviewChainSchema, ...errors },
    },
    handler: (request) =>
      deps.orgs.setReviewChain(actorOf(request), request.params.id, request.body.steps, request.ip),
  });

  r.get('/api/v1/units', {
    config: { permission: 'authenticated' },
    schema: {
      tags: ['orgs'],
      summary: 'Directory of the province’s units (to choose a transfer target)',
      querystring: unitDirectoryQuerySchema,
      response: { 200: unitDirectorySchema },
    },
    handler: (request) =>
      deps.orgs.unitDirectory(actorOf(request), request.query.q, request.query.limit),
  });
}
