import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  hrPushDeliveryListQuerySchema,
  hrPushDeliveryListSchema,
  hrPushDeliveryParamsSchema,
  hrPushDeliverySchema,
  hrPushProvinceParamsSchema,
  hrPushSettingsSchema,
  hrPushSettingsUpdateSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { HrPushService } from './hr-push.service';

export function registerHrPushRoutes(app: FastifyInstance, deps: { hrPush: HrPushService }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema };
  const base = '/api/v1/provinces/:provinceId/hr-push';

  r.get(`${base}/settings`, {
    config: { permission: 'hr_push:manage' },
    schema: {
      tags: ['hr push'],
      summary: 'The province’s HR platform receiver (the secret is never answered)',
      params: hrPushProvinceParamsSchema,
      response: { 200: hrPushSettingsSchema, ...errors },
    },
    handler: (request) => deps.hrPush.getSettings(actorOf(request), request.params.provinceId),
  });

  r.put(`${base}/settings`, {
    config: { permission: 'hr_push:manage' },
    schema: {
      tags: ['hr push'],
      summary: 'Set the receiver URL and HMAC secret',
      params: hrPushProvinceParamsSchema,
      body: hrPushSettingsUpdateSchema,
      response: { 200: hrPushSettingsSchema, ...errors },
    },
    handler: (request) =>
      deps.hrPush.updateSettings(
        actorOf(request),
        request.params.provinceId,
        request.body,
        request.ip,
      ),
  });

  r.get(`${base}/deliveries`, {
    config: { permission: 'hr_push:manage' },
    schema: {
      tags: ['hr push'],
      summary: 'The delivery log, newest first',
      params: hrPushProvinceParamsSchema,
      querystring: hrPushDeliveryListQuerySchema,
      response: { 200: hrPushDeliveryListSchema, ...errors },
    },
    handler: (request) =>
      deps.hrPush.listDeliveries(actorOf(request), request.params.provinceId, request.query),
  });

  r.post(`${base}/deliveries/:id/resend`, {
    config: { permission: 'hr_push:manage' },
    schema: {
      tags: ['hr push'],
      summary: 'Send a delivery again (same delivery id)',
      params: hrPushDeliveryParamsSchema,
      response: { 200: hrPushDeliverySchema, ...errors },
    },
    handler: (request) =>
      deps.hrPush.resend(
        actorOf(request),
        request.params.provinceId,
        request.params.id,
        request.ip,
      ),
  });
}
