import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import type { NotificationDelivery, NotificationDeliveryList } from '@jijiao/contracts';
import { queryRows } from '../../platform/db/database';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';

// 通知投递记录: the system administrator reads the outbox of their subtree, masked, and sends
// a failed delivery again; against a real HTTP gateway that is down, then up.

let gatewayDown = true;
const received: string[] = [];
const gateway = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (gatewayDown) {
      response.writeHead(503).end();
      return;
    }
    received.push(Buffer.concat(chunks).toString('utf8'));
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
afterAll(
  () =>
    new Promise<void>((resolve) => {
      gateway.close(() => {
        resolve();
      });
    }),
);

const env = {
  JIJIAO_SMS_WEBHOOK_URL: `http://127.0.0.1:${String((gateway.address() as AddressInfo).port)}/gw`,
  JIJIAO_SMS_WEBHOOK_SECRET: 'gateway-secret-of-32-characters!',
  JIJIAO_NOTIFY_MAX_ATTEMPTS: '1',
};
const t = await buildTestApp(env);
const f = createFactories({ ...t, config: testConfig(env) });
const { services } = f;
const worker = services.createNotificationWorker();
afterAll(() => worker.stop());

// 10:00 in China: SMS is not held for quiet hours.
const now = t.clock.now();
const tenInChina = new Date(now);
tenInChina.setUTCHours(2, 0, 0, 0);
if (tenInChina <= now) tenInChina.setUTCDate(tenInChina.getUTCDate() + 1);
t.clock.advanceMinutes(Math.round((tenInChina.getTime() - now.getTime()) / 60_000));

const tree = await f.buildOrgTree();
const elsewhere = await f.buildOrgTree();
const zhang = await f.buildPerson({ unit: tree.unit, name: '张三', phone: '13700000021' });
const wang = await f.buildPerson({ unit: elsewhere.unit, name: '王五', phone: '13700000022' });
const admin = await t.signIn(
  (await f.buildUser({ role: 'system_admin', org: tree.province })).username,
);
const otherAdmin = await t.signIn(
  (await f.buildUser({ role: 'system_admin', org: elsewhere.province })).username,
);
const learner = await t.signIn(zhang.user.username);

for (const person of [zhang, wang])
  await services.db.transaction((tx) =>
    services.notifications.notifyPeople(tx, [
      {
        personId: person.id,
        kind: 'claim_returned',
        dedupeKey: `log-test:${person.id}`,
        params: { activity: '学术讲座', reason: '缺少签到证明' },
        link: '/credits',
      },
    ]),
  );

const list = async (who: Session, query = '') => {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/v1/notifications/deliveries${query}`,
    headers: who.headers,
  });
  return { status: response.statusCode, body: response.json<NotificationDeliveryList>() };
};
const resend = (who: Session, id: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/notifications/deliveries/${id}/resend`,
    headers: who.headers,
  });

describe('the notification delivery log', () => {
  it('shows the subtree’s deliveries, masked, with the failure of a gateway that is down', async () => {
    expect(await worker.drain()).toEqual({ delivered: 0, retrying: 0, failed: 2 });
    const { status, body } = await list(admin);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(1);
    expect(body.items[0]).toMatchObject({
      channel: 'sms',
      address: '137****0021',
      recipient: zhang.name,
      kind: 'claim_returned',
      status: 'failed',
      attempts: 1,
      lastError: 'gateway answered 503',
      lastStatusCode: 503,
    });
    expect(JSON.stringify(body)).not.toContain('13700000021');
    const theirs = await list(otherAdmin);
    expect(theirs.body.items.map((d) => d.address)).toEqual(['137****0022']);
  });

  it('filters by status and channel', async () => {
    expect((await list(admin, '?status=failed&channel=sms')).body.items).toHaveLength(1);
    expect((await list(admin, '?status=delivered')).body.items).toEqual([]);
    expect((await list(admin, '?channel=email')).body.items).toEqual([]);
  });

  it('is the system administrator’s: a learner is refused', async () => {
    expect((await list(learner)).status).toBe(403);
  });

  it('sends a failed delivery again, once, and records who asked', async () => {
    const [failed] = (await list(admin)).body.items;
    if (!failed) throw new Error('no delivery');
    expect((await resend(otherAdmin, failed.id)).statusCode).toBe(404);
    const response = await resend(admin, failed.id);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<NotificationDelivery>()).toMatchObject({
      id: failed.id,
      status: 'pending',
      attempts: 0,
      lastError: null,
    });
    gatewayDown = false;
    expect(await worker.drain()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    expect(received[0]).toContain('缺少签到证明');
    const again = await resend(admin, failed.id);
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
    const log = await queryRows<{ targetId: string }>(
      t.database.db,
      sql`select target_id as "targetId" from audit_log where action = 'notification.resend'`,
    );
    expect(log.map((e) => e.targetId)).toEqual([failed.id]);
  });
});
