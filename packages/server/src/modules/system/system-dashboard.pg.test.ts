import { describe, expect, it } from 'vitest';
import type { SystemDashboard } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { shippedMigrations } from './system.repository';

// The fake clock is on 2026-03-01 (08:00 UTC, 16:00 in China). Engine facts (size,
// connections, migrations) differ by engine: the file runs on both (*.pg.test.ts).
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const systemAdmin = await f.buildUser({ role: 'system_admin', org: tree.province });

// A unit admin of the tree mistypes the password five times: locked (the fifth locks).
const clumsy = await f.buildUser({ role: 'unit_admin', org: tree.unit });
for (let i = 0; i < 5; i += 1)
  await t.app.inject({
    method: 'POST',
    url: '/api/v1/session',
    payload: { username: clumsy.username, password: 'wrong-password' },
  });
// Two deliveries to the tree's HR platform wait in the outbox.
for (const kind of ['audit_filed', 'certificate_revoked'] as const)
  await t.database.db.transaction((tx) =>
    f.services.hrPush.enqueueHrPush(tx, { provinceId: tree.province.id, kind, payload: {} }),
  );

async function dashboardOf(username: string) {
  const signedIn = await t.signIn(username);
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/system/dashboard',
    headers: signedIn.headers,
  });
}

describe('GET /api/v1/system/dashboard', () => {
  it('shows the database, the outbox, locked accounts and failed sign-ins', async () => {
    const response = await dashboardOf(systemAdmin.username);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<SystemDashboard>();
    const shipped = shippedMigrations();
    // PGlite is one in-process connection; on PostgreSQL at least this request's.
    if (t.database.kind === 'pglite') expect(body.database?.connections).toBeNull();
    else expect(body.database?.connections).toBeGreaterThan(0);
    expect(body.database).toMatchObject({
      engine: t.database.kind,
      migrationsApplied: shipped.length,
      migrationsKnown: shipped.length,
      latestMigration: shipped.at(-1)?.tag,
    });
    expect(body.database?.sizeBytes).toBeGreaterThan(1_000_000);
    expect(body.hrPush).toEqual({
      pending: 2,
      failed: 0,
      oldestDueAt: expect.any(String) as string,
    });
    expect(body.lockedAccounts).toBe(1);
    expect(body.failedSignIns.last24h).toBe(5);
    expect(body.failedSignIns.byDay).toHaveLength(7);
    expect(body.failedSignIns.byDay.at(-1)).toEqual({ day: '2026-03-01', count: 5 });
    expect(body.failedSignIns.byDay[0]).toEqual({ day: '2026-02-23', count: 0 });
  });

  it('counts nothing of another subtree', async () => {
    const stranger = await f.buildUser({ role: 'system_admin', org: other.province });
    const body = (await dashboardOf(stranger.username)).json<SystemDashboard>();
    expect(body.hrPush).toEqual({ pending: 0, failed: 0, oldestDueAt: null });
    expect(body.lockedAccounts).toBe(0);
    expect(body.failedSignIns.last24h).toBe(0);
  });

  it('answers 403 to a role without system:monitor', async () => {
    const province = await f.buildUser({ role: 'province_admin', org: tree.province });
    expect((await dashboardOf(province.username)).statusCode).toBe(403);
  });
});

describe('GET /api/v1/users?locked=true', () => {
  it('lists only the accounts locked now', async () => {
    const signedIn = await t.signIn(systemAdmin.username);
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/users?locked=true',
      headers: signedIn.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ items: { username: string }[] }>().items.map((u) => u.username)).toEqual(
      [clumsy.username],
    );
  });
});
