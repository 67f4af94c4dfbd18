import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponseSchema,
  idParamsSchema,
  idRevealSchema,
  personCreatedSchema,
  personCreateSchema,
  personListQuerySchema,
  personListSchema,
  personSchema,
  personUpdateSchema,
  unitHistorySchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { PeopleService } from './people.service';

export function registerPeopleRoutes(app: FastifyInstance, deps: { people: PeopleService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };

  r.get('/api/v1/people', {
    config: { permission: 'person:read' },
    schema: {
      tags: ['people'],
      summary: 'Health professionals in the caller’s subtree (ID numbers masked)',
      querystring: personListQuerySchema,
      response: { 200: personListSchema, ...errors },
    },
    handler: (request) => deps.people.list(actorOf(request), request.query),
  });

  r.post('/api/v1/people', {
    config: { permission: 'person:manage' },
    schema: {
      tags: ['people'],
      summary: 'Register a health professional (creates their learner account)',
      description:
        'The answer carries the account’s one-time initial password; it must be changed at first sign-in.',
      body: personCreateSchema,
      response: { 201: personCreatedSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await deps.people.create(actorOf(request), request.body, request.ip)),
  });

  r.get('/api/v1/people/:id', {
    config: { permission: 'person:read' },
    schema: {
      tags: ['people'],
      summary: 'One person (404 outside the subtree)',
      params: idParamsSchema,
      response: { 200: personSchema, ...errors },
    },
    handler: (request) => deps.people.get(actorOf(request), request.params.id),
  });

  r.patch('/api/v1/people/:id', {
    config: { permission: 'person:manage' },
    schema: {
      tags: ['people'],
      summary: 'Correct a person’s record',
      params: idParamsSchema,
      body: personUpdateSchema,
      response: { 200: personSchema, ...errors },
    },
    handler: (request) =>
      deps.people.update(actorOf(request), request.params.id, request.body, request.ip),
  });

  r.post('/api/v1/people/:id/reveal-id', {
    config: { permission: 'person:reveal_id' },
    schema: {
      tags: ['people'],
      summary: 'The full resident ID number (audited)',
      params: idParamsSchema,
      response: { 200: idRevealSchema, ...errors },
    },
    handler: (request) => deps.people.revealId(actorOf(request), request.params.id, request.ip),
  });

  r.post('/api/v1/people/:id/reset-password', {
    config: { permission: 'person:manage' },
    schema: {
      tags: ['people'],
      summary: 'Issue a new one-time password for the person’s learner account',
      params: idParamsSchema,
      response: { 200: z.object({ username: z.string(), initialPassword: z.string() }), ...errors },
    },
    handler: (request) =>
      deps.people.resetPassword(actorOf(request), request.params.id, request.ip),
  });

  r.get('/api/v1/people/:id/history', {
    config: { permission: 'person:read' },
    schema: {
      tags: ['people'],
      summary: 'The units a person has belonged to',
      params: idParamsSchema,
      response: { 200: unitHistorySchema, ...errors },
    },
    handler: (request) => deps.people.history(actorOf(request), request.params.id),
  });
}
