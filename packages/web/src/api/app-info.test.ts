import { appInfoSchema } from '@jijiao/contracts';
import { describe, expect, it } from 'vitest';
import { appInfoParser } from './app-info';

const good = { name: 'jijiao', version: '0.1.0', demo: true, defaultLocale: 'zh-CN' };

const bodies: [string, unknown][] = [
  ['the demo', good],
  ['English by default, no demo', { ...good, demo: false, defaultLocale: 'en-US' }],
  ['an extra key (dropped)', { ...good, build: 'abc' }],
  ['another name', { ...good, name: 'other' }],
  ['a numeric version', { ...good, version: 1 }],
  ['demo as a string', { ...good, demo: 'true' }],
  ['an unknown locale', { ...good, defaultLocale: 'fr-FR' }],
  ['no locale', { name: 'jijiao', version: '1', demo: false }],
  ['an array', [good]],
  ['null', null],
];

describe('appInfoParser', () => {
  it.each(bodies)('agrees with the contract schema: %s', (_, body) => {
    const parsed = appInfoSchema.safeParse(body);
    if (parsed.success) expect(appInfoParser.parse(body)).toEqual(parsed.data);
    else expect(() => appInfoParser.parse(body)).toThrow(TypeError);
  });
});
