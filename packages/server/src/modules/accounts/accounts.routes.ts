import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  idParamsSchema,
  userAccountSchema,
  userCreateSchema,
  userListQuerySchema,
  userListSchema,
  userWithPasswordSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { AccountsService } from './accounts.service';

export function registerAccountRoutes(
  app: FastifyInstance,
  deps: { accounts: AccountsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema };
  const tags = ['accounts'];
  const { accounts } = deps;

  r.get('/api/v1/users', {
    config: { permission: 'user:read' },
    schema: {
      tags,
      summary: 'Accounts holding a role within the caller’s subtree, by username (账号管理)',
      querystring: userListQuerySchema,
      response: { 200: userListSchema, ...errors },
    },
    handler: (request) => accounts.list(actorOf(request), request.query),
  });

  r.post('/api/v1/users', {
    config: { permission: 'user:manage' },
    schema: {
      tags,
      summary: 'Create an administrator account with one role at one organisation',
      description:
        'The answer carries a one-time initial password, shown once; it must be changed at the first sign-in. Roles fit organisation kinds (unit_admin at a unit, reviewer at a commission, association or CME office, …); learners come with the person’s registration.',
      body: userCreateSchema,
      response: { 201: userWithPasswordSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await accounts.create(actorOf(request), request.body, request.ip)),
  });

  r.post('/api/v1/users/:id/reset-password', {
    config: { permission: 'user:manage' },
    schema: {
      tags,
      summary: 'Issue a new one-time password (ends the account’s sessions)',
      params: idParamsSchema,
      response: { 200: userWithPasswordSchema, ...errors },
    },
    handler: (request) => accounts.resetPassword(actorOf(request), request.params.id, request.ip),
  });

  r.post('/api/v1/users/:id/two-factor/reset', {
    config: { permission: 'user:manage' },
    schema: {
      tags,
      summary: 'Reset an account’s two-factor sign-in (a lost phone)',
      description:
        'Removes the account’s authenticator app and recovery codes and ends its sessions; where its role requires two factors, its next sign-in enrols a new app. 409 `invalid_state` when the account has none; 404 outside the caller’s subtree.',
      params: idParamsSchema,
      response: { 200: userAccountSchema, ...errors },
    },
    handler: (request) => accounts.resetTwoFactor(actorOf(request), request.params.id, request.ip),
  });

  r.post('/api/v1/users/:id/unlock', {
    config: { permission: 'user:manage' },
    schema: {
      tags,
      summary: 'Lift a sign-in lock (after 5 failed attempts) before it expires',
      params: idParamsSchema,
      response: { 200: userAccountSchema, ...errors },
    },
    handler: (request) => accounts.unlock(actorOf(request), request.params.id, request.ip),
  });
}
