import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp } from '../../../test/build-app';
import { testConfig } from '../../../test/test-config';
import { queryRows } from '../../platform/db/database';
import { ensureDemoPlatformKey } from './demo-platform';

const secret = 'demo-platform-key-0123456789';
const t = await buildTestApp({ JIJIAO_DEMO_PLATFORM_KEY: secret });

describe('the demo platform', () => {
  it('registers JIJIAO_DEMO_PLATFORM_KEY once, across restarts, and the key works', async () => {
    const config = testConfig({ JIJIAO_DEMO_PLATFORM_KEY: secret });
    expect(await ensureDemoPlatformKey(t.database, config, t.clock)).toBe(true);
    expect(await ensureDemoPlatformKey(t.database, config, t.clock)).toBe(false);
    const keys = await queryRows<{ name: string; key_prefix: string }>(
      t.database.db,
      sql`select o.name, k.key_prefix from platform_api_keys k join orgs o on o.id = k.platform_org_id`,
    );
    expect(keys).toEqual([{ name: '好医生在线教育平台', key_prefix: secret.slice(0, 8) }]);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/provider/credits',
      headers: { authorization: `Bearer ${secret}`, 'idempotency-key': 'demo-1' },
      payload: { idNumber: '', name: 'x', completedAt: '2026-01-01', activity: { type: 'paper' } },
    });
    // Authenticated (not 401): the empty ID number is the platform's problem.
    expect(res.statusCode).toBe(422);
  });

  it('registers nothing without the variable or outside demo mode', async () => {
    expect(await ensureDemoPlatformKey(t.database, testConfig(), t.clock)).toBe(false);
    const key = Buffer.alloc(32, 7).toString('base64');
    const notDemo = testConfig({
      JIJIAO_DEMO: 'false',
      JIJIAO_ID_ENCRYPTION_KEY: key,
      JIJIAO_ID_LOOKUP_KEY: key,
      JIJIAO_DEMO_PLATFORM_KEY: 'another-key-0123456789',
    });
    expect(await ensureDemoPlatformKey(t.database, notDemo, t.clock)).toBe(false);
  });

  it('refuses a short key in the configuration', () => {
    expect(() => testConfig({ JIJIAO_DEMO_PLATFORM_KEY: 'short' })).toThrow(
      /JIJIAO_DEMO_PLATFORM_KEY/,
    );
  });
});
