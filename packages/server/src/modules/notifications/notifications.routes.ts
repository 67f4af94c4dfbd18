import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  errorResponseSchema,
  notificationDeliveryListQuerySchema,
  notificationDeliveryListSchema,
  notificationDeliverySchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationMarkedSchema,
  notificationParamsIdSchema,
  notificationPreferencesSchema,
  notificationPreferencesUpdateSchema,
  notificationSchema,
  notificationUnreadSchema,
  unsubscribeResultSchema,
  unsubscribeTokenSchema,
} from '@jijiao/contracts';
import { actorOf } from '../../platform/auth/route-guard';
import type { NotificationsService } from './notifications.service';

export function registerNotificationRoutes(
  app: FastifyInstance,
  deps: { notifications: NotificationsService },
): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const errors = { 400: errorResponseSchema, 404: errorResponseSchema };
  const tags = ['notifications'];

  r.get('/api/v1/notifications', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'The signed-in account’s notifications, newest first',
      querystring: notificationListQuerySchema,
      response: { 200: notificationListSchema, ...errors },
    },
    handler: (request) => deps.notifications.list(actorOf(request), request.query),
  });

  r.get('/api/v1/notifications/deliveries', {
    config: { permission: 'system:monitor' },
    schema: {
      tags,
      summary: 'The delivery log (email, SMS, WeChat) of the caller’s subtrees, newest first',
      description:
        'Addresses masked. A delivery belongs to the subtrees where its recipient’s account holds a role.',
      querystring: notificationDeliveryListQuerySchema,
      response: { 200: notificationDeliveryListSchema, ...errors },
    },
    handler: (request) => deps.notifications.listDeliveries(actorOf(request), request.query),
  });

  r.post('/api/v1/notifications/deliveries/:id/resend', {
    config: { permission: 'system:monitor' },
    schema: {
      tags,
      summary: 'Send a failed delivery again (same delivery id)',
      params: notificationParamsIdSchema,
      response: { 200: notificationDeliverySchema, 409: errorResponseSchema, ...errors },
    },
    handler: (request) =>
      deps.notifications.resendDelivery(actorOf(request), request.params.id, request.ip),
  });

  r.get('/api/v1/notifications/unread-count', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'How many of the account’s notifications are unread (the bell)',
      response: { 200: notificationUnreadSchema },
    },
    handler: (request) => deps.notifications.unreadCount(actorOf(request)),
  });

  r.post('/api/v1/notifications/:id/read', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Mark one notification read',
      params: notificationParamsIdSchema,
      response: { 200: notificationSchema, ...errors },
    },
    handler: (request) => deps.notifications.markRead(actorOf(request), request.params.id),
  });

  r.post('/api/v1/notifications/read-all', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Mark every notification of the account read',
      response: { 200: notificationMarkedSchema },
    },
    handler: (request) => deps.notifications.markAllRead(actorOf(request)),
  });

  r.get('/api/v1/notifications/preferences', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'The account’s channels (email, SMS, WeChat) and quiet hours',
      response: { 200: notificationPreferencesSchema, ...errors },
    },
    handler: (request) => deps.notifications.getPreferences(actorOf(request)),
  });

  r.put('/api/v1/notifications/preferences', {
    config: { permission: 'authenticated' },
    schema: {
      tags,
      summary: 'Turn channels on or off, keep or drop quiet hours',
      body: notificationPreferencesUpdateSchema,
      response: { 200: notificationPreferencesSchema, ...errors },
    },
    handler: (request) => deps.notifications.updatePreferences(actorOf(request), request.body),
  });

  // One-click unsubscribe (RFC 8058): mail clients POST `List-Unsubscribe=One-Click` as a
  // form to the header's URL (token in the query); the page behind the email's link POSTs
  // JSON. Both without a session: the signed token is the proof.
  void app.register((child, _options, done) => {
    child.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_request, body, parsed) => {
        parsed(null, Object.fromEntries(new URLSearchParams(String(body))));
      },
    );
    const c = child.withTypeProvider<ZodTypeProvider>();
    c.post('/api/v1/notifications/unsubscribe', {
      config: { permission: 'public', rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Unsubscribe an email address from notifications (the signed link of a mail)',
        querystring: unsubscribeTokenSchema.partial(),
        response: { 200: unsubscribeResultSchema, ...errors },
      },
      handler: (request) => {
        const body = request.body as { token?: unknown } | undefined;
        const token = typeof body?.token === 'string' ? body.token : (request.query.token ?? '');
        return deps.notifications.unsubscribe(token);
      },
    });
    done();
  });
}
