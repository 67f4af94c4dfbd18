import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { LightMyRequestResponse } from 'fastify';
import { buildTestApp, sessionCookieOf, testPassword } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';

// Province administrators must sign in with two factors here; reviewers may choose to.
const t = await buildTestApp({ JIJIAO_MFA_REQUIRED_ROLES: 'province_admin' });
const { app, clock } = t;
const f = createFactories(t);

type Headers = Record<string, string>;

const codeAt = (secret: string, at = clock.now()) =>
  new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: at.getTime() });

const errorOf = (r: LightMyRequestResponse) =>
  r.json<{ error: { code: string; issues?: { path: string }[] } }>().error;

function signIn(username: string, password = testPassword) {
  return app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
}

function secondStep(challengeToken: string, proof: { code?: string; recoveryCode?: string }) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/session/second-factor',
    payload: { challengeToken, ...proof },
  });
}

function headersOf(response: LightMyRequestResponse, csrfToken?: string): Headers {
  return {
    cookie: sessionCookieOf(response),
    'x-csrf-token': csrfToken ?? response.json<{ csrfToken: string }>().csrfToken,
  };
}

async function auditActions(userId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    t.database.db,
    sql`select action from audit_log where actor_user_id = ${userId} order by id`,
  );
  return rows.map((r) => r.action);
}

/** Signs in, enrols an app and answers its secret, the recovery codes and fresh headers. */
async function enrol(username: string) {
  const headers = headersOf(await signIn(username));
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/me/two-factor/enrolment',
    headers,
    payload: {},
  });
  expect(started.statusCode).toBe(200);
  const { secret } = started.json<{ secret: string }>();
  const confirmed = await app.inject({
    method: 'POST',
    url: '/api/v1/me/two-factor/enrolment/confirm',
    headers,
    payload: { code: codeAt(secret) },
  });
  expect(confirmed.statusCode).toBe(200);
  const body = confirmed.json<{ recoveryCodes: string[]; me: { csrfToken: string } }>();
  // The code that confirmed is used: the next one comes a minute later.
  clock.advanceMinutes(1);
  return {
    secret,
    recoveryCodes: body.recoveryCodes,
    headers: headersOf(confirmed, body.me.csrfToken),
  };
}

async function challengeOf(username: string): Promise<string> {
  const response = await signIn(username);
  expect(response.statusCode).toBe(202);
  expect(response.cookies.find((c) => c.name === 'jijiao_session')).toBeUndefined();
  return response.json<{ challengeToken: string }>().challengeToken;
}

describe('two-factor enrolment', () => {
  it('gives a secret and its otpauth URI; the first code confirms it and rotates the session', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const signedIn = await signIn(user.username);
    const headers = headersOf(signedIn);
    expect(signedIn.json<{ user: { twoFactor: unknown } }>().user.twoFactor).toEqual({
      enrolled: false,
      required: false,
    });
    const started = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment',
      headers,
      payload: {},
    });
    expect(started.statusCode).toBe(200);
    const enrolment = started.json<{ secret: string; otpauthUri: string }>();
    expect(enrolment.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.otpauthUri).toContain(`otpauth://totp/Jijiao:${user.username}?`);
    expect(enrolment.otpauthUri).toContain(`secret=${enrolment.secret}`);

    // Not on until confirmed: a sign-in still needs the password only.
    expect((await signIn(user.username)).statusCode).toBe(200);
    // The stored secret is encrypted.
    const stored = await queryRows<{ pending: string }>(
      t.database.db,
      sql`select pending_secret_encrypted as pending from user_totp where user_id = ${user.id}`,
    );
    expect(stored[0]?.pending).not.toContain(enrolment.secret);

    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment/confirm',
      headers,
      payload: { code: codeAt(enrolment.secret) === '000000' ? '111111' : '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(errorOf(wrong)).toMatchObject({
      code: 'invalid_second_factor',
      issues: [{ path: 'code' }],
    });

    const confirmed = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment/confirm',
      headers,
      payload: { code: codeAt(enrolment.secret) },
    });
    expect(confirmed.statusCode).toBe(200);
    const body = confirmed.json<{
      recoveryCodes: string[];
      me: { user: { twoFactor: unknown } };
    }>();
    expect(body.recoveryCodes).toHaveLength(10);
    expect(new Set(body.recoveryCodes).size).toBe(10);
    expect(body.me.user.twoFactor).toEqual({ enrolled: true, required: false });
    // The session asking rotated: the old cookie is dead.
    const old = await app.inject({ method: 'GET', url: '/api/v1/me', headers });
    expect(old.statusCode).toBe(401);
    const hashes = await queryRows<{ code_hash: string }>(
      t.database.db,
      sql`select code_hash from user_recovery_codes where user_id = ${user.id}`,
    );
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.code_hash)).not.toContain(body.recoveryCodes[0]);

    const status = await app.inject({
      method: 'GET',
      url: '/api/v1/me/two-factor',
      headers: headersOf(confirmed, confirmed.json<{ me: { csrfToken: string } }>().me.csrfToken),
    });
    expect(status.json()).toMatchObject({ enrolled: true, required: false, recoveryCodesLeft: 10 });
    expect(await auditActions(user.id)).toEqual(
      expect.arrayContaining([
        'two_factor.enrolment_started',
        'two_factor.enrolment_failed',
        'two_factor.enrolled',
      ]),
    );
  });

  it('refuses to confirm without a started enrolment', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment/confirm',
      headers: headersOf(await signIn(user.username)),
      payload: { code: '123456' },
    });
    expect(response.statusCode).toBe(409);
    expect(errorOf(response).code).toBe('invalid_state');
  });
});

describe('signing in with the second factor', () => {
  it('asks for the code after the password, then opens a session with it', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const { secret } = await enrol(user.username);
    const challenge = await challengeOf(user.username);
    const response = await secondStep(challenge, { code: codeAt(secret) });
    expect(response.statusCode).toBe(200);
    const me = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { cookie: sessionCookieOf(response) },
    });
    expect(me.json<{ user: { username: string } }>().user.username).toBe(user.username);
    // The challenge was single use.
    clock.advanceMinutes(1);
    const again = await secondStep(challenge, { code: codeAt(secret) });
    expect(again.statusCode).toBe(401);
    expect(errorOf(again).code).toBe('second_factor_expired');
  });

  it('refuses a code used before (replay), even within its 30 seconds', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const { secret } = await enrol(user.username);
    const code = codeAt(secret);
    expect((await secondStep(await challengeOf(user.username), { code })).statusCode).toBe(200);
    const replay = await secondStep(await challengeOf(user.username), { code });
    expect(replay.statusCode).toBe(401);
    expect(errorOf(replay)).toMatchObject({
      code: 'invalid_second_factor',
      issues: [{ path: 'code' }],
    });
  });

  it('lets a challenge expire after 5 minutes', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const { secret } = await enrol(user.username);
    const challenge = await challengeOf(user.username);
    clock.advanceMinutes(6);
    const late = await secondStep(challenge, { code: codeAt(secret) });
    expect(late.statusCode).toBe(401);
    expect(errorOf(late).code).toBe('second_factor_expired');
  });

  it('counts a wrong code toward the same lockout as a wrong password', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const { secret } = await enrol(user.username);
    for (let i = 0; i < 2; i++)
      expect((await signIn(user.username, 'Wrong@Pass1')).statusCode).toBe(401);
    const challenge = await challengeOf(user.username);
    const wrongCode = codeAt(secret) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 3; i++)
      expect((await secondStep(challenge, { code: wrongCode })).statusCode).toBe(401);
    // Five failures: locked, and the pending step ended with it; the password is refused too.
    const ended = await secondStep(challenge, { code: codeAt(secret) });
    expect(ended.statusCode).toBe(401);
    expect(errorOf(ended).code).toBe('second_factor_expired');
    const password = await signIn(user.username);
    expect(password.statusCode).toBe(423);
    expect(errorOf(password).code).toBe('account_locked');
    const actions = await auditActions(user.id);
    expect(actions.filter((a) => a === 'sign_in.second_factor_failed')).toHaveLength(3);
    expect(actions).toContain('account.locked');
  });

  it('takes a recovery code once instead of the code', async () => {
    const user = await f.buildUser({ role: 'reviewer' });
    const { recoveryCodes } = await enrol(user.username);
    const recoveryCode = recoveryCodes[0] ?? '';
    // Case and dashes do not matter.
    const typed = recoveryCode.toLowerCase().replace('-', ' ');
    const first = await secondStep(await challengeOf(user.username), { recoveryCode: typed });
    expect(first.statusCode).toBe(200);
    const second = await secondStep(await challengeOf(user.username), { recoveryCode });
    expect(second.statusCode).toBe(401);
    expect(errorOf(second)).toMatchObject({
      code: 'invalid_second_factor',
      issues: [{ path: 'recoveryCode' }],
    });
    const status = await app.inject({
      method: 'GET',
      url: '/api/v1/me/two-factor',
      headers: { cookie: sessionCookieOf(first) },
    });
    expect(status.json<{ recoveryCodesLeft: number }>().recoveryCodesLeft).toBe(9);
    expect(await auditActions(user.id)).toContain('two_factor.recovery_code_used');
  });

  it('rejects a request with both or neither proof, naming the field', async () => {
    const both = await secondStep('x'.repeat(43), { code: '123456', recoveryCode: 'ABCDE-FGHJK' });
    expect(both.statusCode).toBe(400);
    expect(errorOf(both)).toMatchObject({ code: 'validation_failed', issues: [{ path: 'code' }] });
  });
});

describe('a role that requires two factors', () => {
  it('gets a session that can only enrol until it has', async () => {
    const admin = await f.buildUser({ role: 'province_admin' });
    const signedIn = await signIn(admin.username);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json<{ user: { twoFactor: unknown } }>().user.twoFactor).toEqual({
      enrolled: false,
      required: true,
    });
    const headers = headersOf(signedIn);
    const orgs = await app.inject({ method: 'GET', url: '/api/v1/orgs', headers });
    expect(orgs.statusCode).toBe(403);
    expect(errorOf(orgs).code).toBe('two_factor_enrolment_required');
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers })).statusCode).toBe(200);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/me/two-factor', headers })).statusCode,
    ).toBe(200);

    const { headers: enrolled } = await enrol(admin.username);
    expect(
      (await app.inject({ method: 'GET', url: '/api/v1/orgs', headers: enrolled })).statusCode,
    ).toBe(200);
  });

  it('cannot turn it off, while an optional user can with a current code', async () => {
    const admin = await f.buildUser({ role: 'province_admin' });
    const adminApp = await enrol(admin.username);
    const refused = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/disable',
      headers: adminApp.headers,
      payload: { code: codeAt(adminApp.secret) },
    });
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('forbidden');

    const reviewer = await f.buildUser({ role: 'reviewer' });
    const own = await enrol(reviewer.username);
    const noProof = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/disable',
      headers: own.headers,
      payload: { code: codeAt(own.secret) === '000000' ? '111111' : '000000' },
    });
    expect(noProof.statusCode).toBe(401);
    const off = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/disable',
      headers: own.headers,
      payload: { code: codeAt(own.secret) },
    });
    expect(off.statusCode).toBe(204);
    expect((await signIn(reviewer.username)).statusCode).toBe(200);
    expect(await auditActions(reviewer.id)).toContain('two_factor.disabled');
  });

  it('re-enrols only with the current code', async () => {
    const reviewer = await f.buildUser({ role: 'reviewer' });
    const own = await enrol(reviewer.username);
    const without = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment',
      headers: own.headers,
      payload: {},
    });
    expect(without.statusCode).toBe(401);
    expect(errorOf(without)).toMatchObject({
      code: 'invalid_second_factor',
      issues: [{ path: 'code' }],
    });
    const withCode = await app.inject({
      method: 'POST',
      url: '/api/v1/me/two-factor/enrolment',
      headers: own.headers,
      payload: { code: codeAt(own.secret) },
    });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json<{ secret: string }>().secret).not.toBe(own.secret);
  });
});

describe('an administrator resets a lost second factor', () => {
  it('removes the app and the recovery codes and ends the sessions; the next sign-in needs the password only', async () => {
    const tree = await f.buildOrgTree();
    const reviewer = await f.buildUser({ role: 'reviewer', org: tree.city });
    const own = await enrol(reviewer.username);
    const admin = await f.buildUser({ role: 'system_admin', org: tree.province });
    const adminHeaders = headersOf(await signIn(admin.username));
    const reset = (id: string, headers = adminHeaders) =>
      app.inject({ method: 'POST', url: `/api/v1/users/${id}/two-factor/reset`, headers });

    const done = await reset(reviewer.id);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<{ username: string }>().username).toBe(reviewer.username);
    // The session the reviewer had ends.
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', headers: own.headers });
    expect(me.statusCode).toBe(401);
    // The password alone signs in now; the old recovery codes are gone with the app.
    const again = await signIn(reviewer.username);
    expect(again.statusCode).toBe(200);
    expect(again.json<{ user: { twoFactor: unknown } }>().user.twoFactor).toEqual({
      enrolled: false,
      required: false,
    });
    const [entry] = await queryRows<{ actor: string; action: string }>(
      t.database.db,
      sql`select actor_user_id as actor, action from audit_log
           where target_id = ${reviewer.id} and action = 'user.two_factor_reset'`,
    );
    expect(entry).toEqual({ actor: admin.id, action: 'user.two_factor_reset' });

    // Nothing left to reset: 409, named.
    const twice = await reset(reviewer.id);
    expect(twice.statusCode).toBe(409);
    expect(errorOf(twice).code).toBe('invalid_state');
  });

  it('is for those who manage the account’s organisation: 404 outside, 403 without the permission', async () => {
    const tree = await f.buildOrgTree();
    const admin = await f.buildUser({ role: 'system_admin', org: tree.province });
    const elsewhere = await f.buildUser({ role: 'reviewer', org: (await f.buildOrgTree()).city });
    await enrol(elsewhere.username);
    const outside = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${elsewhere.id}/two-factor/reset`,
      headers: headersOf(await signIn(admin.username)),
    });
    expect(outside.statusCode).toBe(404);
    const unitAdmin = await f.buildUser({ role: 'unit_admin', org: tree.unit });
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/users/${elsewhere.id}/two-factor/reset`,
      headers: headersOf(await signIn(unitAdmin.username)),
    });
    expect(refused.statusCode).toBe(403);
    // The account outside still asks for its second factor.
    expect((await signIn(elsewhere.username)).statusCode).toBe(202);
  });
});
