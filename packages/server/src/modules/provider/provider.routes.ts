import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  idParamsSchema,
  platformKeyCreateSchema,
  platformKeyIssuedSchema,
  platformKeyParamsSchema,
  platformKeySchema,
  platformListSchema,
  platformSchema,
  platformTrustSchema,
  providerBatchResultSchema,
  providerBatchSchema,
  providerCreditResultSchema,
  providerCreditSchema,
  providerHeadersSchema,
} from '@jijiao/contracts';
import { actorOf, platformOf } from '../../platform/auth/route-guard';
import type { PlatformKeysService } from './platform-keys.service';
import type { ProviderPushService } from './provider-push.service';
import { providerErrorHandler } from './provider-answers';

const errors = {
  400: errorResponseSchema,
  403: errorResponseSchema,
  404: errorResponseSchema,
  409: errorResponseSchema,
};

const openApiErrors = {
  401: errorResponseSchema.describe('No API key, an unknown one, or a revoked one'),
  409: errorResponseSchema.describe(
    '`idempotency_conflict`: the Idempotency-Key was used before with another body',
  ),
  422: errorResponseSchema.describe(
    '`validation_failed`, each problem in `issues` by field: `idNumber` (invalid, or nobody registered under it), `name` (not the registered name), `activity.<field>` (the rules engine cannot value it)',
  ),
};

/** Province admins' management of platform API keys, and the platforms' open API. */
export function registerProviderRoutes(
  app: FastifyInstance,
  deps: { keys: PlatformKeysService; push: ProviderPushService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { keys, push } = deps;

  r.get('/api/v1/platforms', {
    config: { permission: 'platform:manage' },
    schema: {
      tags: ['platforms'],
      summary: 'Online platforms in the caller’s province with their API keys (prefix only)',
      response: { 200: platformListSchema, ...errors },
    },
    handler: (request) => keys.list(actorOf(request)),
  });

  r.post('/api/v1/platforms/:id/keys', {
    config: { permission: 'platform:manage' },
    schema: {
      tags: ['platforms'],
      summary: 'Issue an API key: the secret is in this answer only, stored as SHA-256',
      params: idParamsSchema,
      body: platformKeyCreateSchema,
      response: { 201: platformKeyIssuedSchema, ...errors },
    },
    handler: async (request, reply) => {
      const issued = await keys.issueKey(
        actorOf(request),
        request.params.id,
        request.body.label,
        request.ip,
      );
      return reply.status(201).header('cache-control', 'no-store').send(issued);
    },
  });

  r.post('/api/v1/platforms/:id/keys/:keyId/revoke', {
    config: { permission: 'platform:manage' },
    schema: {
      tags: ['platforms'],
      summary: 'Revoke an API key: it answers 401 from now on',
      params: platformKeyParamsSchema,
      response: { 200: platformKeySchema, ...errors },
    },
    handler: (request) =>
      keys.revokeKey(actorOf(request), request.params.id, request.params.keyId, request.ip),
  });

  r.put('/api/v1/platforms/:id/trusted', {
    config: { permission: 'platform:manage' },
    schema: {
      tags: ['platforms'],
      summary: 'Trust a platform (its credits are effective on arrival) or stop trusting it',
      params: idParamsSchema,
      body: platformTrustSchema,
      response: { 200: platformSchema, ...errors },
    },
    handler: (request) =>
      keys.setTrusted(actorOf(request), request.params.id, request.body.trusted, request.ip),
  });

  r.post('/api/v1/provider/credits', {
    config: { permission: 'platform_key' },
    errorHandler: (error, request, reply) => {
      providerErrorHandler(error, request, reply);
    },
    schema: {
      tags: ['provider'],
      summary: 'Push one completed credit (online platforms, API key)',
      description:
        'Authenticated by `Authorization: Bearer <API key>` (issued per platform by the province, revocable); no session, no CSRF token. The required `Idempotency-Key` names this credit on your side: sending the same key with the same body again answers the same 201 and stores nothing; the same key with another body answers 409 `idempotency_conflict`. The learner is found by ID number and must be registered under that name in the platform’s province. The credit is valued by the rules engine (`credits`, `class`, `packVersions`); a trusted platform’s credit is `effective` at once, otherwise it is `submitted` into the learner’s unit review chain. The same activity already recorded by another channel (same project number, role and overlapping dates) is answered with `matched: true` and that claim’s id. Every body problem answers 422 `validation_failed` with the fields in `issues`.',
      security: [{ platformKey: [] }],
      headers: providerHeadersSchema,
      body: providerCreditSchema,
      response: { 201: providerCreditResultSchema, ...openApiErrors },
    },
    handler: async (request, reply) => {
      const answer = await push.push(
        platformOf(request),
        request.headers['idempotency-key'],
        request.body,
        request.ip,
      );
      return reply.status(answer.status).send(answer.body);
    },
  });

  r.post('/api/v1/provider/credits::batch', {
    config: { permission: 'platform_key' },
    errorHandler: (error, request, reply) => {
      providerErrorHandler(error, request, reply);
    },
    bodyLimit: 8 * 1024 * 1024,
    schema: {
      tags: ['provider'],
      summary: 'Push up to 1 000 completed credits, answered per item',
      description:
        'Each item is the body of `POST /api/v1/provider/credits` plus its own `idempotencyKey`, and is answered as if sent alone, in order: `results[i].status` is the status it would have answered (201, 409, 422), with `body` or `error`. A bad item never stops the others; the good ones are stored together in one transaction.',
      security: [{ platformKey: [] }],
      body: providerBatchSchema,
      response: { 200: providerBatchResultSchema, ...openApiErrors },
    },
    handler: (request) => push.pushBatch(platformOf(request), request.body.items, request.ip),
  });
}
