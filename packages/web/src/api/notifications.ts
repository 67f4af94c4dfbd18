import {
  notificationDeliveryListSchema,
  notificationDeliverySchema,
  notificationListSchema,
  notificationMarkedSchema,
  notificationPreferencesSchema,
  notificationSchema,
  notificationUnreadSchema,
  unsubscribeResultSchema,
  type Notification,
  type NotificationChannel,
  type NotificationDelivery,
  type NotificationDeliveryList,
  type NotificationDeliveryStatus,
  type NotificationList,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
  type UnsubscribeResult,
} from '@jijiao/contracts';
import { request } from './client';

export function listNotifications(query: {
  unread?: 'true' | undefined;
  limit?: number;
  after?: string | undefined;
}): Promise<NotificationList> {
  return request('GET', '/api/v1/notifications', notificationListSchema, { query });
}

export async function fetchUnreadCount(): Promise<number> {
  return (await request('GET', '/api/v1/notifications/unread-count', notificationUnreadSchema))
    .unread;
}

export function markNotificationRead(id: string): Promise<Notification> {
  return request(
    'POST',
    `/api/v1/notifications/${encodeURIComponent(id)}/read`,
    notificationSchema,
  );
}

export async function markAllNotificationsRead(): Promise<number> {
  return (await request('POST', '/api/v1/notifications/read-all', notificationMarkedSchema)).marked;
}

export function fetchNotificationPreferences(): Promise<NotificationPreferences> {
  return request('GET', '/api/v1/notifications/preferences', notificationPreferencesSchema);
}

export function saveNotificationPreferences(
  body: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  return request('PUT', '/api/v1/notifications/preferences', notificationPreferencesSchema, {
    body,
  });
}

export function unsubscribeEmail(token: string): Promise<UnsubscribeResult> {
  return request('POST', '/api/v1/notifications/unsubscribe', unsubscribeResultSchema, {
    body: { token },
  });
}

/** 通知投递记录 (system administrators): the outbox of their subtrees, newest first. */
export function listNotificationDeliveries(query: {
  status?: NotificationDeliveryStatus | undefined;
  channel?: NotificationChannel | undefined;
  limit?: number;
  after?: string | undefined;
}): Promise<NotificationDeliveryList> {
  return request('GET', '/api/v1/notifications/deliveries', notificationDeliveryListSchema, {
    query,
  });
}

export function resendNotificationDelivery(id: string): Promise<NotificationDelivery> {
  return request(
    'POST',
    `/api/v1/notifications/deliveries/${encodeURIComponent(id)}/resend`,
    notificationDeliverySchema,
  );
}

/** The bell's count, shared by the header and the page that marks notifications read. */
export const unreadCountKey = ['notifications', 'unread'] as const;
export const notificationsKey = ['notifications', 'list'] as const;
