import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { buildTestApp, sessionCookieOf, testPassword } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';
import { createApp } from '../../app';
import { testConfig } from '../../../test/test-config';

const t = await buildTestApp();
const { app, clock } = t;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const account = async (
  role: 'unit_admin' | 'reviewer' | 'host_admin' | 'province_admin' | 'system_admin',
) => (await f.buildUser({ role })).username;
const reviewerAccount = await f.buildUser({ role: 'reviewer', org: tree.city });
const reviewer = reviewerAccount.username;
const unitAdmin = await account('unit_admin');
const hostAdmin = await account('host_admin');
const provinceAdmin = await account('province_admin');
const systemAdmin = await account('system_admin');
const learner = (await f.buildPerson({ unit: tree.unit })).user.username;

function signIn(username: string, password: string, cookie?: string) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username, password },
    ...(cookie ? { headers: { cookie } } : {}),
  });
}

function me(cookie: string) {
  return app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
}

async function auditActions(username: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.database.db,
    sql`select action from audit_log where actor_username = ${username} order by id`,
  );
  return rows.map((r) => r.action);
}

describe('POST /api/v1/session', () => {
  it('signs in, sets an HttpOnly SameSite session cookie, and answers the user with roles', async () => {
    const response = await signIn(reviewer, testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'jijiao_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    const body = response.json<{
      user: { username: string };
      roles: { role: string; orgName: string }[];
      csrfToken: string;
    }>();
    expect(body.user.username).toBe(reviewer);
    expect(body.roles).toEqual([
      expect.objectContaining({ role: 'reviewer', orgName: tree.city.name }),
    ]);
    expect(body.csrfToken.length).toBeGreaterThan(20);
    const again = await me(sessionCookieOf(response));
    expect(again.statusCode).toBe(200);
    expect(again.json<{ user: { username: string } }>().user.username).toBe(reviewer);
  });

  it('matches the username case-insensitively', async () => {
    expect((await signIn(learner.toUpperCase(), testPassword)).statusCode).toBe(200);
  });

  it('answers 401 invalid_credentials alike for a wrong password and an unknown user', async () => {
    const wrong = await signIn(learner, 'Wrong@Pass1');
    const unknown = await signIn('nobody-here', 'Wrong@Pass1');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json<{ error: { code: string } }>().error.code).toBe('invalid_credentials');
    expect(wrong.cookies.find((c) => c.name === 'jijiao_session')).toBeUndefined();
  });

  it('rejects a malformed body naming the field', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const body = response.json<{ error: { code: string; issues: { path: string }[] } }>();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.issues.map((i) => i.path)).toContain('password');
  });

  it('locks the account after 5 failures for 15 minutes, and writes it to the audit log', async () => {
    for (let i = 1; i <= 5; i++) {
      expect((await signIn(hostAdmin, `Wrong@Pass${i}`)).statusCode).toBe(401);
    }
    const locked = await signIn(hostAdmin, testPassword);
    expect(locked.statusCode).toBe(423);
    expect(locked.json<{ error: { code: string } }>().error.code).toBe('account_locked');
    clock.advanceMinutes(14);
    expect((await signIn(hostAdmin, testPassword)).statusCode).toBe(423);
    clock.advanceMinutes(2);
    expect((await signIn(hostAdmin, testPassword)).statusCode).toBe(200);
    const actions = await auditActions(hostAdmin);
    expect(actions.filter((a) => a === 'sign_in.failed')).toHaveLength(5);
    expect(actions).toContain('account.locked');
    expect(actions).toContain('sign_in.refused_locked');
    expect(actions.at(-1)).toBe('sign_in.succeeded');
  });

  it('answers an unknown name exactly like a known one after 5 failures', async () => {
    for (let i = 1; i <= 5; i++) await signIn('ghost-user', `Wrong@Pass${i}`);
    const response = await signIn('ghost-user', testPassword);
    expect(response.statusCode).toBe(423);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('account_locked');
  });

  it('rotates the session at sign-in: the old cookie stops working', async () => {
    const first = await signIn(unitAdmin, testPassword);
    const firstCookie = sessionCookieOf(first);
    const second = await signIn(unitAdmin, testPassword, firstCookie);
    const secondCookie = sessionCookieOf(second);
    expect(secondCookie).not.toBe(firstCookie);
    expect((await me(firstCookie)).statusCode).toBe(401);
    expect((await me(secondCookie)).statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('logs out on the server: the cookie is dead afterwards', async () => {
    const session = await t.signIn(provinceAdmin);
    const out = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: session.headers,
    });
    expect(out.statusCode).toBe(204);
    const after = await me(session.cookie);
    expect(after.statusCode).toBe(401);
    expect(after.json<{ error: { code: string } }>().error.code).toBe('unauthenticated');
    expect(await auditActions(provinceAdmin)).toContain('sign_out');
  });

  it('refuses a cookie write without the CSRF token, or from another origin', async () => {
    const session = await t.signIn(systemAdmin);
    const noToken = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: session.cookie },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json<{ error: { code: string } }>().error.code).toBe('csrf_failed');
    const foreign = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { ...session.headers, origin: 'https://evil.example', host: 'localhost:80' },
    });
    expect(foreign.statusCode).toBe(403);
    expect((await me(session.cookie)).statusCode).toBe(200);
  });

  it('expires after 30 idle minutes, but activity keeps it alive', async () => {
    const session = await t.signIn(learner);
    clock.advanceMinutes(29);
    expect((await me(session.cookie)).statusCode).toBe(200);
    clock.advanceMinutes(29);
    expect((await me(session.cookie)).statusCode).toBe(200);
    clock.advanceMinutes(31);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });

  it('expires 12 hours after sign-in however active', async () => {
    const session = await t.signIn(learner);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advanceMinutes(20);
      expect((await me(session.cookie)).statusCode).toBe(200);
    }
    clock.advanceMinutes(25);
    expect((await me(session.cookie)).statusCode).toBe(401);
  });
});

describe('POST /api/v1/me/password', () => {
  it('enforces the password policy and rotates the session on change', async () => {
    const a = await t.signIn(unitAdmin);
    const b = await t.signIn(unitAdmin);
    const weak = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers,
      payload: { currentPassword: testPassword, newPassword: 'abcdefgh' },
    });
    expect(weak.statusCode).toBe(422);
    expect(
      weak.json<{ error: { code: string; details: { problems: string[] } } }>().error,
    ).toMatchObject({
      code: 'password_policy',
      details: { problems: ['too_few_classes'] },
    });
    const wrongCurrent = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers,
      payload: { currentPassword: 'Nope@1234', newPassword: 'Better@Pass9' },
    });
    expect(wrongCurrent.statusCode).toBe(401);
    const ok = await app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      headers: a.headers,
      payload: { currentPassword: testPassword, newPassword: 'Better@Pass9' },
    });
    expect(ok.statusCode).toBe(200);
    // Finding 7: the token used before the change is worth nothing after it, in this
    // session as in the others; the caller goes on with the new cookie and CSRF token.
    expect((await me(a.cookie)).statusCode).toBe(401);
    expect((await me(b.cookie)).statusCode).toBe(401);
    const rotated = sessionCookieOf(ok);
    expect(rotated).not.toBe(a.cookie);
    const fresh = await me(rotated);
    expect(fresh.statusCode).toBe(200);
    const csrfToken = ok.json<{ csrfToken: string }>().csrfToken;
    expect(csrfToken).not.toBe(a.csrfToken);
    expect(fresh.json<{ csrfToken: string }>().csrfToken).toBe(csrfToken);
    const signOut = await app.inject({
      method: 'DELETE',
      url: '/api/v1/session',
      headers: { cookie: rotated, 'x-csrf-token': csrfToken },
    });
    expect(signOut.statusCode).toBe(204);
    expect((await signIn(unitAdmin, 'Better@Pass9')).statusCode).toBe(200);
  });
});

describe('sign-in rate limit', () => {
  it('answers 429 rate_limited past the per-minute limit', async () => {
    const limited = await buildTestApp({ JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) {
      const r = await limited.app.inject({
        method: 'POST',
        url: '/api/v1/session',
        payload: { username: 'x', password: 'y' },
      });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429]);
  });

  it('is one limit for every process on the database, not one per process', async () => {
    const env = { JIJIAO_LOGIN_RATE_LIMIT_PER_MINUTE: '4' };
    const first = await buildTestApp(env);
    // A second server on the same database, as behind a load balancer.
    const second = await createApp({
      config: testConfig(env),
      database: first.database,
      clock: first.clock,
    });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const app = i % 2 === 0 ? first.app : second;
        const r = await app.inject({
          method: 'POST',
          url: '/api/v1/session',
          payload: { username: 'x', password: 'y' },
        });
        codes.push(r.statusCode);
      }
      expect(codes).toEqual([401, 401, 401, 401, 429, 429]);
    } finally {
      await second.close();
    }
  });
});
