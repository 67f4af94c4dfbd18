import { describe, expect, it } from 'vitest';
import type { KioskSessions } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { testDeviceToken } from '../../../test/test-config';

/** The demo's kiosk signs in with JIJIAO_DEMO_DEVICE_TOKEN and finds its project's sessions. */
const t = await buildTestApp();

describe('the demo kiosk', () => {
  it('answers the configured device token with its project’s two sessions', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/checkins/sessions',
      headers: { authorization: `Bearer ${testDeviceToken}` },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<KioskSessions>().sessions).toHaveLength(2);
  });
});
