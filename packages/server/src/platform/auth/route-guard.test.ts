import { describe, expect, it } from 'vitest';
import { permissions } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);
await t.app.ready();
const declared = new Set<string>([
  'public',
  'authenticated',
  'platform_key',
  'device',
  ...permissions,
]);
const apiRoutes = t.app.routeCatalogue.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');

/**
 * A concrete URL for a route pattern: parameters become a well-formed but unknown id; a
 * doubled colon is Fastify's literal colon (`/credits::bulk` is `/credits:bulk`).
 */
function concrete(url: string): string {
  return url
    .split('::')
    .map((part) => part.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000'))
    .join(':')
    .replace('*', 'x');
}

describe('authorisation of every route', () => {
  it('finds the routes (the catalogue is not empty)', () => {
    expect(apiRoutes.length).toBeGreaterThan(8);
    expect(apiRoutes.map((r) => `${r.method} ${r.url}`)).toContain('GET /api/v1/orgs');
  });

  it.each(apiRoutes.map((r) => [`${r.method} ${r.url}`, r.permission] as const))(
    '%s declares a permission',
    (_route, permission) => {
      expect(permission).toBeDefined();
      expect(declared.has(permission ?? '')).toBe(true);
    },
  );

  const guarded = apiRoutes.filter((r) => r.permission !== 'public');
  it.each(guarded.map((r) => [r.method, r.url, r.permission] as const))(
    '%s %s answers 401 without a session (or a device token)',
    async (method, url, permission) => {
      const response = await t.app.inject({ method: method as 'GET', url: concrete(url) });
      expect(response.statusCode).toBe(401);
      expect(response.json<{ error: { code: string } }>().error.code).toBe(
        permission === 'device' ? 'device_unauthorised' : 'unauthenticated',
      );
    },
  );

  it('answers 403 when the role lacks the permission', async () => {
    const learner = await t.signIn((await f.buildPerson()).user.username);
    for (const url of ['/api/v1/orgs', '/api/v1/audit-log']) {
      const response = await t.app.inject({ method: 'GET', url, headers: learner.headers });
      expect(response.statusCode, url).toBe(403);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('forbidden');
    }
  });
});
