import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  orgIdParamsSchema,
  orgListQuerySchema,
  orgListSchema,
  orgSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { OrgsService } from './orgs.service';

export function registerOrgRoutes(app: FastifyInstance, deps: { orgs: OrgsService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/v1/orgs', {
    config: { permission: 'org:read' },
    schema: {
      tags: ['orgs'],
      summary: 'Organisations in the caller’s subtree',
      description:
        'Without `parentId`: the organisations where the caller’s scope begins. Keyset-paged.',
      querystring: orgListQuerySchema,
      response: { 200: orgListSchema, 404: errorResponseSchema },
    },
    handler: (request) => deps.orgs.list(actorOf(request), request.query),
  });

  r.get('/api/v1/orgs/:id', {
    config: { permission: 'org:read' },
    schema: {
      tags: ['orgs'],
      summary: 'One organisation (404 outside the caller’s subtree)',
      params: orgIdParamsSchema,
      response: { 200: orgSchema, 404: errorResponseSchema },
    },
    handler: (request) => deps.orgs.get(actorOf(request), request.params.id),
  });
}
