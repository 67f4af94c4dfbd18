import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { UserAccount, UserList, UserWithPassword } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';

/** 账号管理: administrator accounts within the caller's subtree. */
const t = await buildTestApp();
const db = t.database.db;
const f = createFactories(t);
const tree = await f.buildOrgTree();
const unitAdminUser = await f.buildUser({ role: 'unit_admin', org: tree.unit });
const reviewerUser = await f.buildUser({
  role: 'reviewer',
  org: tree.city,
  username: 'city-reviewer',
});
// Another unit's admin, whom the hospital's admin must not see.
await f.buildUser({
  role: 'unit_admin',
  org: await f.buildOrg({ parent: tree.city, kind: 'unit' }),
});
await f.buildPerson({ unit: tree.unit });
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdmin = await t.signIn(unitAdminUser.username);
const hospital = tree.unit.id;
const city = tree.city.id;

function send(method: 'GET' | 'POST', url: string, who: Session, payload?: object) {
  return t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
}

function signInAnswer(username: string, password: string) {
  return t.app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password } });
}

async function actions(targetId: string): Promise<string[]> {
  const rows = await queryRows<{ action: string }>(
    db,
    sql`select action from audit_log where target_id = ${targetId} order by id`,
  );
  return rows.map((r) => r.action);
}

describe('listing accounts', () => {
  it('lists accounts with their roles in the subtree, filtered and paged by username', async () => {
    const res = await send('GET', '/api/v1/users?limit=200&role=unit_admin', province);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json<UserList>();
    const found = list.items.find((u) => u.username === unitAdminUser.username);
    expect(found?.roles).toEqual([
      { role: 'unit_admin', orgId: hospital, orgName: tree.unit.name },
    ]);
    expect(list.items.length).toBeGreaterThan(1);
    expect(list.items.every((u) => u.roles.some((r) => r.role === 'unit_admin'))).toBe(true);
    expect(JSON.stringify(list)).not.toMatch(/passwordHash|password_hash|\$argon2/);

    const byName = (await send('GET', '/api/v1/users?q=REVIEWER', province)).json<UserList>();
    expect(byName.items.map((u) => u.username)).toContain(reviewerUser.username);

    const first = (await send('GET', '/api/v1/users?limit=2', province)).json<UserList>();
    expect(first.items).toHaveLength(2);
    const next = (
      await send('GET', `/api/v1/users?limit=2&after=${String(first.nextCursor)}`, province)
    ).json<UserList>();
    expect(next.items[0]!.username > first.items[1]!.username).toBe(true);
  });

  it('shows a unit admin only the accounts of their unit, and lets them change nothing', async () => {
    const list = (await send('GET', '/api/v1/users?limit=200', unitAdmin)).json<UserList>();
    expect(list.items.length).toBeGreaterThan(0);
    for (const user of list.items) expect(user.roles.every((r) => r.orgId === hospital)).toBe(true);
    const create = await send('POST', '/api/v1/users', unitAdmin, {
      username: 'not-allowed',
      displayName: '某',
      role: 'unit_admin',
      orgId: hospital,
    });
    expect(create.statusCode).toBe(403);
  });
});

describe('creating, resetting and unlocking an account', () => {
  let created: UserWithPassword;

  it('creates a unit admin with a one-time password that must be changed', async () => {
    const res = await send('POST', '/api/v1/users', province, {
      username: 'Jiangnan-Officer',
      displayName: '继教专干',
      role: 'unit_admin',
      orgId: hospital,
    });
    expect(res.statusCode, res.body).toBe(201);
    created = res.json<UserWithPassword>();
    expect(created.user).toMatchObject({
      username: 'jiangnan-officer',
      mustChangePassword: true,
      lockedUntil: null,
      roles: [{ role: 'unit_admin', orgId: hospital }],
    });
    expect(created.initialPassword.length).toBeGreaterThanOrEqual(12);
    const session = await signInAnswer('jiangnan-officer', created.initialPassword);
    expect(session.statusCode).toBe(200);
    expect(session.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword).toBe(
      true,
    );
    expect(await actions(created.user.id)).toContain('user.created');
  });

  it.each([
    ['a reviewer at a unit', { role: 'reviewer', orgId: 'hospital' }, 'orgId'],
    ['a system admin, by a province admin', { role: 'system_admin', orgId: 'province' }, 'role'],
    ['a learner (they come with registration)', { role: 'learner', orgId: 'hospital' }, 'role'],
  ])('refuses %s, naming the field', async (_, input, field) => {
    const provinceId = tree.province.id;
    const orgId = input.orgId === 'hospital' ? hospital : provinceId;
    const res = await send('POST', '/api/v1/users', province, {
      username: `refused-${input.role}`,
      displayName: '某',
      role: input.role,
      orgId,
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain(field);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });

  it('refuses a taken username (409) and an organisation outside the subtree (404)', async () => {
    const taken = await send('POST', '/api/v1/users', province, {
      username: reviewerUser.username,
      displayName: '某',
      role: 'reviewer',
      orgId: city,
    });
    expect(taken.statusCode).toBe(409);
    const outside = await send('POST', '/api/v1/users', province, {
      username: 'far-away',
      displayName: '某',
      role: 'reviewer',
      orgId: crypto.randomUUID(),
    });
    expect(outside.statusCode).toBe(404);
  });

  it('resets the password: the old one stops working, the new one must be changed', async () => {
    const res = await send('POST', `/api/v1/users/${created.user.id}/reset-password`, province);
    expect(res.statusCode, res.body).toBe(200);
    const reset = res.json<UserWithPassword>();
    expect(reset.initialPassword).not.toBe(created.initialPassword);
    expect((await signInAnswer('jiangnan-officer', created.initialPassword)).statusCode).toBe(401);
    expect((await signInAnswer('jiangnan-officer', reset.initialPassword)).statusCode).toBe(200);
    created = reset;
    expect(await actions(created.user.id)).toContain('user.password_reset');
  });

  it('lifts a sign-in lock before it expires', async () => {
    for (let i = 0; i < 5; i++) await signInAnswer('jiangnan-officer', 'Wrong@password1');
    expect((await signInAnswer('jiangnan-officer', created.initialPassword)).statusCode).toBe(423);
    const listed = (
      await send('GET', '/api/v1/users?q=jiangnan-officer', province)
    ).json<UserList>();
    expect(listed.items[0]?.lockedUntil).not.toBeNull();
    const res = await send('POST', `/api/v1/users/${created.user.id}/unlock`, province);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<UserAccount>().lockedUntil).toBeNull();
    expect((await signInAnswer('jiangnan-officer', created.initialPassword)).statusCode).toBe(200);
    expect(await actions(created.user.id)).toContain('user.unlocked');
    const foreign = await send('POST', `/api/v1/users/${crypto.randomUUID()}/unlock`, province);
    expect(foreign.statusCode).toBe(404);
  });
});
