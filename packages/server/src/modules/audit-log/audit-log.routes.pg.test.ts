import { describe, expect, it } from 'vitest';
import type { AuditLogList } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

/**
 * The audit log list and its filters: an action or a family of actions, the acting user,
 * the target, and days in China Standard Time. The fake clock starts 2026-03-01 16:00 CST.
 */
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const provinceAdmin = await f.buildUser({ role: 'province_admin', org: tree.province });
const unitAdmin = (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username;
await t.signIn(provinceAdmin.username); // 2026-03-01 (CST)
const failed = await t.app.inject({
  method: 'POST',
  url: '/api/v1/session',
  payload: { username: 'nobody-at-all', password: 'Wrong@password1' },
});
if (failed.statusCode !== 401) throw new Error(`unexpected sign-in answer ${failed.statusCode}`);
t.clock.advanceMinutes(24 * 60);
await t.signIn(unitAdmin); // 2026-03-02 (CST)
const province = await t.signIn(provinceAdmin.username); // the first session has expired

async function list(query: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/audit-log?${query}`,
    headers: province.headers,
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<AuditLogList>().items;
}

describe('GET /api/v1/audit-log filters', () => {
  it('an action exactly, or a family of actions ending in a dot', async () => {
    const exact = await list('action=sign_in.failed');
    expect(exact.map((e) => e.actorUsername)).toContain('nobody-at-all');
    expect(new Set(exact.map((e) => e.action))).toEqual(new Set(['sign_in.failed']));

    const family = await list('action=sign_in.');
    const actions = new Set(family.map((e) => e.action));
    expect(actions.has('sign_in.failed') && actions.has('sign_in.succeeded')).toBe(true);
    expect(family.every((e) => e.action.startsWith('sign_in.'))).toBe(true);

    expect(await list('action=sign_in')).toEqual([]); // no dot: the exact action only
    expect(await list(`action=${encodeURIComponent('%.')}`)).toEqual([]); // % is literal
  });

  it('the acting user and the target, exactly', async () => {
    const byActor = await list(`actor=${unitAdmin}`);
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actorUsername === unitAdmin)).toBe(true);

    const target = (await list('limit=500')).find((e) => e.targetId !== null)?.targetId;
    if (!target) throw new Error('no entry names a target');
    const byTarget = await list(`targetId=${encodeURIComponent(target)}`);
    expect(byTarget.length).toBeGreaterThan(0);
    expect(byTarget.every((e) => e.targetId === target)).toBe(true);
  });

  it('days in China Standard Time, both ends inclusive', async () => {
    const secondDay = await list('from=2026-03-02&to=2026-03-02');
    expect(secondDay.some((e) => e.actorUsername === unitAdmin)).toBe(true);
    expect(secondDay.some((e) => e.actorUsername === 'nobody-at-all')).toBe(false);
    for (const entry of secondDay) {
      expect(entry.at >= '2026-03-01T16:00:00.000Z', entry.at).toBe(true);
      expect(entry.at < '2026-03-02T16:00:00.000Z', entry.at).toBe(true);
    }
    const firstDay = await list('to=2026-03-01&action=sign_in.');
    expect(firstDay.some((e) => e.actorUsername === 'nobody-at-all')).toBe(true);
    expect(firstDay.some((e) => e.actorUsername === unitAdmin)).toBe(false);
  });

  it('pages through a filtered list with the keyset cursor', async () => {
    const all = await list('action=sign_in.');
    expect(all.length).toBeGreaterThan(1);
    const first = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log?action=sign_in.&limit=1',
      headers: province.headers,
    });
    const page = first.json<AuditLogList>();
    expect(page.items.map((e) => e.id)).toEqual([all[0]?.id]);
    const next = await list(`action=sign_in.&limit=1&before=${String(page.nextBefore)}`);
    expect(next.map((e) => e.id)).toEqual([all[1]?.id]);
  });

  it('names a bad day as a validation problem', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/audit-log?from=2026-13-01',
      headers: province.headers,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { code: string } }>().error.code).toBe('validation_failed');
  });
});
