import type { AppInfo } from '@jijiao/contracts';
import { request, type Parser } from './client';

/**
 * The contract's `appInfoSchema`, checked by hand: every page asks for the app's info at
 * start-up, and parsing four fields with zod would make every page, the sign-in page and
 * the public ones included, load zod (ADR 0022). app-info.test.ts holds this to the schema.
 */
export const appInfoParser: Parser<AppInfo> = {
  parse(input: unknown): AppInfo {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      throw new TypeError('app info: not an object');
    const { name, version, demo, defaultLocale } = input as Record<string, unknown>;
    if (name !== 'jijiao') throw new TypeError('app info: name');
    if (typeof version !== 'string') throw new TypeError('app info: version');
    if (typeof demo !== 'boolean') throw new TypeError('app info: demo');
    if (defaultLocale !== 'zh-CN' && defaultLocale !== 'en-US')
      throw new TypeError('app info: defaultLocale');
    return { name, version, demo, defaultLocale };
  },
};

export function fetchAppInfo(): Promise<AppInfo> {
  return request('GET', '/api/v1/app-info', appInfoParser);
}
