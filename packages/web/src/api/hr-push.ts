import {
  hrPushDeliveryListSchema,
  hrPushDeliverySchema,
  hrPushSettingsSchema,
  type HrPushDelivery,
  type HrPushDeliveryList,
  type HrPushSettings,
  type HrPushSettingsUpdate,
  type HrPushStatus,
} from '@jijiao/contracts';
import { request } from './client';

const base = (provinceId: string) => `/api/v1/provinces/${encodeURIComponent(provinceId)}/hr-push`;

export function fetchHrPushSettings(provinceId: string): Promise<HrPushSettings> {
  return request('GET', `${base(provinceId)}/settings`, hrPushSettingsSchema);
}

export function listHrPushDeliveries(
  provinceId: string,
  query: { status?: HrPushStatus | undefined; limit?: number; after?: string | undefined },
): Promise<HrPushDeliveryList> {
  return request('GET', `${base(provinceId)}/deliveries`, hrPushDeliveryListSchema, { query });
}

export function resendHrPushDelivery(provinceId: string, id: string): Promise<HrPushDelivery> {
  return request(
    'POST',
    `${base(provinceId)}/deliveries/${encodeURIComponent(id)}/resend`,
    hrPushDeliverySchema,
  );
}

export function saveHrPushSettings(
  provinceId: string,
  body: HrPushSettingsUpdate,
): Promise<HrPushSettings> {
  return request('PUT', `${base(provinceId)}/settings`, hrPushSettingsSchema, { body });
}
