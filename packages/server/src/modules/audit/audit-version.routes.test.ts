import { describe, expect, it } from 'vitest';
import type { ErrorResponse } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

/**
 * A version past PostgreSQL's integer reached the query comparing it and answered 500
 * (found by the API fuzz, test/api-fuzz.test.ts); every version a caller sends back is
 * now checked by the contract: 400 naming it.
 */
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const admin = await f.buildUser({ role: 'province_admin', org: tree.province });
const province = await t.signIn(admin.username);
const audit = await f.services.audits.open(
  await f.actorOf(admin),
  { provinceId: tree.province.id, year: 2025 },
  '127.0.0.1',
);

describe('the version an audit request sends back', () => {
  it.each([
    ['PATCH', 'deadlines', { reportDeadline: '2026-06-15' }],
    ['POST', 'file', {}],
  ] as const)('%s …/%s with 2^53 - 1 is a 400 naming the version', async (method, action, body) => {
    const response = await t.app.inject({
      method,
      url: `/api/v1/audits/${audit.id}/${action}`,
      headers: province.headers,
      payload: { ...body, version: Number.MAX_SAFE_INTEGER },
    });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<ErrorResponse>().error).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'version' }],
    });
  });

  it.each([2, 2_147_483_647])(
    'a version in range that is not the current one (%i) is 409 stale_state',
    async (version) => {
      // 2^31 - 1 was a 500 too: the repository sent `version + 1` as the new value, past
      // the column, even when no row matched; it now increments the stored one in SQL.
      const response = await t.app.inject({
        method: 'PATCH',
        url: `/api/v1/audits/${audit.id}/deadlines`,
        headers: province.headers,
        payload: { reportDeadline: '2026-06-15', version },
      });
      expect(response.statusCode, response.body).toBe(409);
      expect(response.json<ErrorResponse>().error.code).toBe('stale_state');
    },
  );

  it('the current version still sets the deadlines, and counts up by one', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/audits/${audit.id}/deadlines`,
      headers: province.headers,
      payload: { reportDeadline: '2026-06-15', version: audit.version },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ version: number }>().version).toBe(audit.version + 1);
  });
});
