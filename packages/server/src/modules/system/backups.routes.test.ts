import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Backup, BackupList } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { msUntilChinaMinute } from './backups.service';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-backups-'));
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
const env = { JIJIAO_BACKUP_DIR: dir, JIJIAO_BACKUP_KEEP: '2' };
const t = await buildTestApp(env);
const f = createFactories({ ...t, config: testConfig(env) });
const tree = await f.buildOrgTree();
const systemAdmin = await f.buildUser({ role: 'system_admin', org: tree.province });
const provinceAdmin = await f.buildUser({ role: 'province_admin', org: tree.province });
const unitAdmin = await f.buildUser({ role: 'unit_admin', org: tree.unit });
let admin = await t.signIn(systemAdmin.username);

const list = async () =>
  (
    await t.app.inject({ method: 'GET', url: '/api/v1/system/backups', headers: admin.headers })
  ).json<BackupList>();

describe('backups on the system administrator’s page', () => {
  it('writes a backup on request, checks it, and lists it', async () => {
    expect((await list()).backups).toEqual([]);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/backups',
      headers: admin.headers,
    });
    expect(response.statusCode, response.body).toBe(201);
    const backup = response.json<Backup>();
    expect(backup.name).toMatch(/^jijiao-backup-20260301T080000Z\.tar$/);
    expect(backup.check).toMatchObject({ ok: true, problem: null });
    expect(backup.rows).toBeGreaterThan(100);
    expect(backup.tables).toBeGreaterThan(30);
    const listed = await list();
    expect(listed).toMatchObject({ directory: dir, dailyAt: null, keep: 2, running: false });
    expect(listed.backups).toEqual([backup]);
  });

  it('a check finds a damaged backup and says what is wrong', async () => {
    const [backup] = (await list()).backups;
    const file = path.join(dir, backup?.name ?? '');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 2048] = (bytes[bytes.length - 2048] ?? 0) ^ 0xff;
    fs.writeFileSync(file, bytes);
    const response = await t.app.inject({
      method: 'POST',
      url: `/api/v1/system/backups/${backup?.name}/check`,
      headers: admin.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<Backup>().check).toMatchObject({ ok: false });
    expect(response.json<Backup>().check?.problem).toMatch(/is not a usable backup: /);
  });

  it('refuses other roles, names that are not a backup’s, and backups that do not exist', async () => {
    for (const username of [unitAdmin.username, provinceAdmin.username]) {
      const session = await t.signIn(username);
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/system/backups',
        headers: session.headers,
      });
      expect(response.statusCode, username).toBe(403);
    }
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/backups/..%2Fsecret.tar/check',
      headers: admin.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('name');
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/system/backups/jijiao-backup-20200101T000000Z.tar/check',
      headers: admin.headers,
    });
    expect(missing.statusCode).toBe(404);
  });

  it('the schedule keeps the newest backups and removes the older ones', async () => {
    const log = { info: () => undefined, error: (o: object) => expect.fail(JSON.stringify(o)) };
    for (let i = 0; i < 3; i += 1) {
      t.clock.advanceMinutes(60);
      await f.services.backups.runScheduled(log);
    }
    // Three hours on, the session has expired: sign in again.
    admin = await t.signIn(systemAdmin.username);
    const names = (await list()).backups.map((b) => b.name);
    expect(names).toEqual([
      'jijiao-backup-20260301T110000Z.tar',
      'jijiao-backup-20260301T100000Z.tar',
    ]);
    expect(fs.readdirSync(dir).sort()).toEqual([
      'jijiao-backup-20260301T100000Z.tar',
      'jijiao-backup-20260301T100000Z.tar.check.json',
      'jijiao-backup-20260301T110000Z.tar',
      'jijiao-backup-20260301T110000Z.tar.check.json',
    ]);
  });
});

describe('msUntilChinaMinute', () => {
  it('waits until the minute in China (UTC+8), tomorrow when it has passed', () => {
    // 2026-03-01 08:00 UTC is 16:00 in China.
    const now = new Date('2026-03-01T08:00:00Z');
    expect(msUntilChinaMinute(now, 17 * 60)).toBe(60 * 60_000);
    expect(msUntilChinaMinute(now, 3 * 60)).toBe(11 * 60 * 60_000);
    expect(msUntilChinaMinute(now, 16 * 60)).toBe(24 * 60 * 60_000);
  });
});
