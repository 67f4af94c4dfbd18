import { describe, expect, it } from 'vitest';
import { buildTestApp, sessionCookieOf } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// Finding 5: signed-in answers (reveal-id's full ID number among them) carried no Cache-Control.
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const person = await f.buildPerson({ unit: tree.unit });
const adminUser = await f.buildUser({ role: 'province_admin', org: tree.province });
const admin = await t.signIn(adminUser.username);

const cacheControlOf = async (
  method: 'GET' | 'POST',
  url: string,
  headers: Record<string, string> = {},
) => (await t.app.inject({ method, url, headers })).headers['cache-control'];

describe('Cache-Control on signed-in answers', () => {
  it('is no-store on reveal-id, a list, the own user and a signed-in error', async () => {
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${person.id}/reveal-id`,
      headers: admin.headers,
    });
    expect(reveal.statusCode).toBe(200);
    expect(reveal.headers['cache-control']).toBe('no-store');
    expect(await cacheControlOf('GET', '/api/v1/people', admin.headers)).toBe('no-store');
    expect(await cacheControlOf('GET', '/api/v1/me', admin.headers)).toBe('no-store');
    expect(
      await cacheControlOf(
        'GET',
        '/api/v1/people/00000000-0000-4000-8000-000000000001',
        admin.headers,
      ),
    ).toBe('no-store');
  });

  it('is no-store on the sign-in answer and on a stale session’s 401', async () => {
    const signIn = t.signIn(adminUser.username);
    const { response } = await signIn;
    expect(response.headers['cache-control']).toBe('no-store');
    expect(await cacheControlOf('GET', '/api/v1/me', { cookie: 'jijiao_session=stale' })).toBe(
      'no-store',
    );
    expect(sessionCookieOf(response)).not.toBe(admin.cookie);
  });

  it('leaves the public, cacheable answers to anonymous callers as they are', async () => {
    expect(await cacheControlOf('GET', '/api/v1/certificates/keys')).toBe('public, max-age=300');
    expect(await cacheControlOf('GET', '/api/v1/public/projects')).toBeUndefined();
  });
});
