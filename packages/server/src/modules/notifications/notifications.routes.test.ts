import { describe, expect, it } from 'vitest';
import type {
  Notification,
  NotificationList,
  NotificationPreferences,
  UnsubscribeResult,
} from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { unsubscribeToken } from './unsubscribe-token';

// The bell's API: each account sees and marks only its own notifications.
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const learner = await f.buildPerson({ unit: tree.unit, phone: '13700000002' });
const other = await f.buildPerson({ unit: tree.unit });
const officer = await f.buildUser({ role: 'unit_admin', org: tree.unit });
const me = await t.signIn(learner.user.username);
const them = await t.signIn(other.user.username);
const admin = await t.signIn(officer.username);

async function notify(userId: string, n: number) {
  for (let i = 0; i < n; i += 1) {
    t.clock.advanceMinutes(1);
    await services.db.transaction((tx) =>
      services.notifications.notifyMany(tx, [
        {
          userId,
          kind: 'claim_returned',
          dedupeKey: `claim:${String(i)}`,
          params: { activity: `活动${String(i)}`, reason: `原因${String(i)}` },
          link: `/learner/claims/${String(i)}`,
        },
      ]),
    );
  }
}
await notify(learner.user.id, 3);
await notify(other.user.id, 1);

const get = (url: string, who: Session) =>
  t.app.inject({ method: 'GET', url, headers: who.headers });
const post = (url: string, who: Session, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: who.headers, ...(payload ? { payload } : {}) });
const unread = async (who: Session) =>
  (await get('/api/v1/notifications/unread-count', who)).json<{ unread: number }>().unread;

describe('the notifications API', () => {
  it('lists the account’s own, newest first, in keyset pages', async () => {
    const first = await get('/api/v1/notifications?limit=2', me);
    expect(first.statusCode, first.body).toBe(200);
    const page = first.json<NotificationList>();
    expect(page.items.map((n) => n.params.reason)).toEqual(['原因2', '原因1']);
    const next = (
      await get(`/api/v1/notifications?limit=2&after=${page.nextCursor ?? ''}`, me)
    ).json<NotificationList>();
    expect([next.items.map((n) => n.params.reason), next.nextCursor]).toEqual([['原因0'], null]);
    const theirs = (await get('/api/v1/notifications', them)).json<NotificationList>();
    expect(theirs.items.map((n) => n.params.reason)).toEqual(['原因0']);
    expect((await get('/api/v1/notifications', admin)).json<NotificationList>().items).toEqual([]);
  });

  it('marks one read, and refuses another account’s (404, as if it did not exist)', async () => {
    const mine = (await get('/api/v1/notifications', me)).json<NotificationList>().items;
    const theirs = (await get('/api/v1/notifications', them)).json<NotificationList>().items;
    expect(await unread(me)).toBe(3);
    const read = await post(`/api/v1/notifications/${mine[0]?.id ?? ''}/read`, me);
    expect(read.statusCode).toBe(200);
    expect(read.json<Notification>().readAt).not.toBeNull();
    expect(await unread(me)).toBe(2);
    const foreign = await post(`/api/v1/notifications/${theirs[0]?.id ?? ''}/read`, me);
    expect(foreign.statusCode).toBe(404);
    expect(await unread(them)).toBe(1);
    const onlyUnread = (
      await get('/api/v1/notifications?unread=true', me)
    ).json<NotificationList>();
    expect(onlyUnread.items).toHaveLength(2);
  });

  it('marks all read, the account’s only', async () => {
    const all = await post('/api/v1/notifications/read-all', me);
    expect(all.json<{ marked: number }>().marked).toBe(2);
    expect(await unread(me)).toBe(0);
    expect(await unread(them)).toBe(1);
  });

  it('needs a session', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/notifications' });
    expect(anonymous.statusCode).toBe(401);
  });

  it('keeps each account’s channel preferences', async () => {
    const before = (
      await get('/api/v1/notifications/preferences', me)
    ).json<NotificationPreferences>();
    expect(before).toMatchObject({
      email: true,
      sms: true,
      wechat: false,
      quietHours: true,
      phone: '137****0002',
    });
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/notifications/preferences',
      headers: me.headers,
      payload: { email: false, sms: true, wechat: true, quietHours: false },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json<NotificationPreferences>()).toMatchObject({
      email: false,
      wechat: true,
      quietHours: false,
    });
    const theirs = (
      await get('/api/v1/notifications/preferences', them)
    ).json<NotificationPreferences>();
    expect(theirs).toMatchObject({ email: true, wechat: false, quietHours: true });
  });

  it('unsubscribes an address with a signed token only, without a session', async () => {
    const key = testConfig().notifications.unsubscribeKey;
    const token = unsubscribeToken(key, 'Zhang.San@example.cn');
    const forged = `${token.split('.')[0] ?? ''}.AAAA`;
    const refused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/unsubscribe',
      payload: { token: forged },
    });
    expect(refused.statusCode).toBe(400);
    const done = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/unsubscribe',
      payload: { token },
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json<UnsubscribeResult>().address).toBe('z***@example.cn');
    // A mail client's one-click POST (RFC 8058): a form body, the token in the URL.
    const oneClick = await t.app.inject({
      method: 'POST',
      url: `/api/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.statusCode, oneClick.body).toBe(200);
  });
});
