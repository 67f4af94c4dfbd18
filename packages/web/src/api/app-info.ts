import { appInfoSchema, type AppInfo } from '@jijiao/contracts';
import { request } from './client';

export function fetchAppInfo(): Promise<AppInfo> {
  return request('GET', '/api/v1/app-info', appInfoSchema);
}
