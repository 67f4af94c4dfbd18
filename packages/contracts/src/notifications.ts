import { z } from 'zod';
import { notificationChannels, notificationDeliveryStatuses, notificationKinds } from './codes';

export const notificationKindSchema = z.enum(notificationKinds);
export type NotificationKind = z.infer<typeof notificationKindSchema>;

export const notificationChannelSchema = z.enum(notificationChannels);
export type NotificationChannel = z.infer<typeof notificationChannelSchema>;

export const notificationDeliveryStatusSchema = z.enum(notificationDeliveryStatuses);
export type NotificationDeliveryStatus = z.infer<typeof notificationDeliveryStatusSchema>;

/** A template's parameters: names to short strings or numbers (a reason, a year, a count). */
export const notificationParamsSchema = z.record(
  z.string().max(64),
  z.union([z.string().max(2000), z.number()]),
);
export type NotificationParams = z.infer<typeof notificationParamsSchema>;

export const notificationSchema = z.object({
  id: z.uuid(),
  kind: notificationKindSchema,
  params: notificationParamsSchema.describe('The template parameters, e.g. the return reason'),
  link: z.string().nullable().describe('The in-app path the notification opens'),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const notificationListQuerySchema = z.object({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only the unread ones'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  after: z.string().max(200).optional(),
});
export type NotificationListQuery = z.infer<typeof notificationListQuerySchema>;

export const notificationListSchema = z.object({
  items: z.array(notificationSchema),
  nextCursor: z.string().nullable(),
});
export type NotificationList = z.infer<typeof notificationListSchema>;

export const notificationUnreadSchema = z.object({ unread: z.number().int() });
export type NotificationUnread = z.infer<typeof notificationUnreadSchema>;

export const notificationParamsIdSchema = z.object({ id: z.uuid() });

export const notificationMarkedSchema = z.object({
  marked: z.number().int().describe('How many became read'),
});
export type NotificationMarked = z.infer<typeof notificationMarkedSchema>;

/** Quiet hours (22:00–08:00 China time) hold SMS and WeChat until morning; email is not held. */
export const notificationPreferencesSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  wechat: z.boolean(),
  quietHours: z.boolean().describe('Hold SMS and WeChat between 22:00 and 08:00 China time'),
  emailAddress: z.string().nullable().describe('Where email goes (from the person record)'),
  phone: z.string().nullable().describe('Where SMS and WeChat go, masked'),
  emailUnsubscribed: z.boolean().describe('The address was unsubscribed from a mail’s link'),
});
export type NotificationPreferences = z.infer<typeof notificationPreferencesSchema>;

export const notificationPreferencesUpdateSchema = z.object({
  email: z.boolean(),
  sms: z.boolean(),
  wechat: z.boolean(),
  quietHours: z.boolean(),
});
export type NotificationPreferencesUpdate = z.infer<typeof notificationPreferencesUpdateSchema>;

/** The signed token of an email's unsubscribe link. */
export const unsubscribeTokenSchema = z.object({ token: z.string().min(10).max(600) });
export const unsubscribeResultSchema = z.object({
  address: z.string().describe('The address unsubscribed, masked'),
});
export type UnsubscribeResult = z.infer<typeof unsubscribeResultSchema>;

/** One row of the delivery log (the outbox) as the system administrator sees it. */
export const notificationDeliverySchema = z.object({
  id: z
    .uuid()
    .describe('The delivery id (the email’s Message-ID, the gateway’s X-Jijiao-Delivery)'),
  channel: notificationChannelSchema,
  address: z.string().describe('Where it goes, masked'),
  recipient: z.string().describe('The account’s display name'),
  kind: notificationKindSchema,
  status: notificationDeliveryStatusSchema,
  quiet: z.boolean().describe('Held during quiet hours (SMS and WeChat)'),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  lastStatusCode: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  nextAttemptAt: z.iso.datetime().describe('When it is tried next (if pending)'),
  deliveredAt: z.iso.datetime().nullable(),
});
export type NotificationDelivery = z.infer<typeof notificationDeliverySchema>;

export const notificationDeliveryListQuerySchema = z.object({
  status: notificationDeliveryStatusSchema.optional(),
  channel: notificationChannelSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  after: z.string().max(200).optional(),
});
export type NotificationDeliveryListQuery = z.infer<typeof notificationDeliveryListQuerySchema>;

export const notificationDeliveryListSchema = z.object({
  items: z.array(notificationDeliverySchema),
  nextCursor: z.string().nullable(),
});
export type NotificationDeliveryList = z.infer<typeof notificationDeliveryListSchema>;
