import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import type { HrPushDelivery, HrPushDeliveryList, HrPushSettings } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// The delivery log as the province office reads it: what each delivery is about, why the
// last attempt failed (in a word a screen can label), the total, and who may read it.
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const base = `/api/v1/provinces/${tree.province.id}/hr-push`;
const sessionOf = async (role: 'unit_admin' | 'province_admin' | 'reviewer', org = tree.province) =>
  t.signIn((await f.buildUser({ role, org })).username);
const province = await sessionOf('province_admin');
const unitAdmin = await sessionOf('unit_admin', tree.unit);
const cityReviewer = await sessionOf('reviewer', tree.city);
const otherProvince = await sessionOf('province_admin', (await f.buildOrgTree()).province);
const personId = crypto.randomUUID();

const enqueue = (kind: HrPushDelivery['kind'], payload: Record<string, unknown>) => {
  t.clock.advanceMinutes(1);
  return services.db.transaction((tx) =>
    services.hrPush.enqueueHrPush(tx, { provinceId: tree.province.id, kind, payload }),
  );
};
const filed = await enqueue('audit_filed', { year: 2025, certificates: [{}, {}, {}] });
const revoked = await enqueue('certificate_revoked', {
  serial: '990000-2025-AAAAA-BBBBB',
  year: 2025,
  personId,
  reason: '伪造学分证明',
});
const voided = await enqueue('credits_voided', { personId, year: 2025, voidedClaims: 2 });

const get = (url: string, who: Session) =>
  t.app.inject({ method: 'GET', url, headers: who.headers });
async function log(query = ''): Promise<HrPushDeliveryList> {
  const response = await get(`${base}/deliveries${query}`, province);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<HrPushDeliveryList>();
}
const byId = async (id: string) => (await log()).items.find((d) => d.id === id);

/** An HR receiver that answers 500 to everything. */
const broken = http.createServer((_request, response) => {
  response.writeHead(500).end();
});
await new Promise<void>((resolve) => broken.listen(0, '127.0.0.1', resolve));
afterAll(
  () =>
    new Promise<void>((resolve) => {
      broken.close(() => {
        resolve();
      });
    }),
);

describe('the HR delivery log', () => {
  it('lists newest first with the total, and what each delivery is about', async () => {
    const list = await log();
    expect(list.total).toBe(3);
    expect(list.items.map((d) => d.id)).toEqual([voided, revoked, filed]);
    expect(list.items[1]).toMatchObject({
      kind: 'certificate_revoked',
      status: 'pending',
      problem: null,
      subject: {
        personId,
        year: 2025,
        serial: '990000-2025-AAAAA-BBBBB',
        reason: '伪造学分证明',
        voidedClaims: null,
        certificates: null,
      },
    });
    expect(list.items[2]?.subject).toEqual({
      personId: null,
      year: 2025,
      serial: null,
      reason: null,
      voidedClaims: null,
      certificates: 3,
    });
    const page = await log('?limit=2');
    expect([page.items.length, page.total]).toEqual([2, 3]);
    const next = await log(`?limit=2&after=${encodeURIComponent(page.nextCursor ?? '')}`);
    expect([next.items.map((d) => d.id), next.total]).toEqual([[filed], null]);
  });

  it('names why an attempt failed: no receiver, the receiver’s answer, or no connection', async () => {
    const worker = services.createHrPushWorker();
    expect(await worker.runOnce()).toBe('retry');
    expect(await byId(filed)).toMatchObject({
      status: 'pending',
      attempts: 1,
      problem: 'no_receiver',
    });

    const port = (broken.address() as AddressInfo).port;
    const put = await t.app.inject({
      method: 'PUT',
      url: `${base}/settings`,
      headers: province.headers,
      payload: {
        receiverUrl: `http://127.0.0.1:${String(port)}/hr`,
        secret: 'a-secret-of-20-chars!',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(await worker.runOnce()).toBe('retry');
    expect(await byId(revoked)).toMatchObject({
      attempts: 1,
      problem: 'receiver_status',
      lastStatusCode: 500,
    });

    await t.app.inject({
      method: 'PUT',
      url: `${base}/settings`,
      headers: province.headers,
      payload: { receiverUrl: 'http://127.0.0.1:9/hr' }, // the discard port: nothing listens
    });
    expect(await worker.runOnce()).toBe('retry');
    expect(await byId(voided)).toMatchObject({ attempts: 1, problem: 'unreachable' });

    const resend = await t.app.inject({
      method: 'POST',
      url: `${base}/deliveries/${voided}/resend`,
      headers: province.headers,
    });
    expect(resend.statusCode).toBe(200);
    expect(resend.json<HrPushDelivery>()).toMatchObject({ status: 'pending', attempts: 0 });
  });

  it('shows the receiver’s address and whether a secret is set, never the secret', async () => {
    const response = await get(`${base}/settings`, province);
    expect(response.json<HrPushSettings>()).toMatchObject({
      receiverUrl: 'http://127.0.0.1:9/hr',
      enabled: true,
      hasSecret: true,
    });
    expect(response.body).not.toContain('a-secret-of-20-chars!');
  });

  it('is the province office’s alone', async () => {
    expect((await get(`${base}/deliveries`, otherProvince)).statusCode).toBe(404);
    expect((await get(`${base}/settings`, otherProvince)).statusCode).toBe(404);
    for (const who of [unitAdmin, cityReviewer])
      expect((await get(`${base}/deliveries`, who)).statusCode).toBe(403);
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/provinces/${tree.province.id}/hr-push/deliveries/${filed}/resend`,
      headers: otherProvince.headers,
    });
    expect(resend.statusCode).toBe(404);
  });
});
