import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sql } from 'drizzle-orm';
import type { HrPushDeliveryList, HrPushSettings } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { testConfig } from '../../../test/test-config';
import { createFactories } from '../../../test/factories';
import { queryRows } from '../../platform/db/database';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { buildServices } from '../../services';

const t = await buildTestApp();
const { db } = t.database;
const services = buildServices({
  config: testConfig({ JIJIAO_HR_PUSH_TIMEOUT_SECONDS: '5', JIJIAO_HR_PUSH_MAX_ATTEMPTS: '3' }),
  database: t.database,
  clock: t.clock,
  hasher: argon2Hasher,
});
const f = createFactories(t);
const tree = await f.buildOrgTree();
const provinceId = tree.province.id;
const provinceAdmin = await f.buildUser({ role: 'province_admin', org: tree.province });
const unitAdminUser = await f.buildUser({ role: 'unit_admin', org: tree.unit });
const secret = 'receiver-secret-0123456789';

/**
 * The HR platform as the test plays it: a real HTTP server that checks the signature,
 * and processes each delivery id once (it keeps every request it got, and what it kept).
 */
class Receiver {
  readonly requests: { id: string; body: string; signatureOk: boolean }[] = [];
  readonly processed = new Map<string, unknown>();
  /** Hold the next answer until released (a worker stopping mid-send). */
  holdNext = false;
  private release: (() => void) | undefined;
  private readonly arrived: (() => void)[] = [];
  private server: http.Server | undefined;

  async listen(port = 0): Promise<number> {
    this.server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const id = String(request.headers['x-jijiao-delivery']);
        const expected = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
        const signatureOk = request.headers['x-jijiao-signature'] === expected;
        this.requests.push({ id, body, signatureOk });
        if (signatureOk && !this.processed.has(id)) this.processed.set(id, JSON.parse(body));
        for (const notify of this.arrived.splice(0)) notify();
        const answer = () => response.writeHead(signatureOk ? 200 : 401).end();
        if (this.holdNext) {
          this.holdNext = false;
          this.release = answer;
        } else answer();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.arrived.push(resolve));
  }

  async close(): Promise<void> {
    this.release?.();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => {
      if (this.server)
        this.server.close(() => {
          resolve();
        });
      else resolve();
    });
  }
}

async function freePort(): Promise<number> {
  const probe = new Receiver();
  const port = await probe.listen();
  await probe.close();
  return port;
}

async function configure(url: string) {
  const admin = await t.signIn(provinceAdmin.username);
  const response = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/provinces/${provinceId}/hr-push/settings`,
    headers: admin.headers,
    payload: { receiverUrl: url, secret },
  });
  expect(response.statusCode).toBe(200);
  return response.json<HrPushSettings>();
}

function enqueue(payload: Record<string, unknown>) {
  return db.transaction((tx) =>
    services.hrPush.enqueueHrPush(tx, { provinceId, kind: 'audit_filed', payload }),
  );
}

async function statusOf(id: string) {
  const [row] = await queryRows<{ status: string; attempts: number; last_error: string | null }>(
    db,
    sql`select status, attempts, last_error from hr_push_outbox where id = ${id}`,
  );
  return row;
}

const receivers: Receiver[] = [];
afterAll(async () => {
  for (const r of receivers) await r.close();
});

describe('HR push settings', () => {
  it('are set by the province admin; the secret is never answered', async () => {
    const settings = await configure('http://127.0.0.1:9/hr');
    expect(settings).toMatchObject({
      provinceId,
      receiverUrl: 'http://127.0.0.1:9/hr',
      enabled: true,
      hasSecret: true,
    });
    expect(JSON.stringify(settings)).not.toContain(secret);
    const [stored] = await queryRows<{ secret_cipher: string }>(
      db,
      sql`select secret_cipher from hr_push_settings`,
    );
    expect(stored?.secret_cipher).not.toContain(secret);
    const unitAdmin = await t.signIn(unitAdminUser.username);
    const refused = await t.app.inject({
      method: 'GET',
      url: `/api/v1/provinces/${provinceId}/hr-push/settings`,
      headers: unitAdmin.headers,
    });
    expect(refused.statusCode).toBe(403);
    const logged = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'hr_push.settings_updated'`,
    );
    expect(logged[0]?.n).toBe(1);
  });
});

describe('the outbox', () => {
  it('sends nothing for a transaction that rolled back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await services.hrPush.enqueueHrPush(tx, {
          provinceId,
          kind: 'audit_filed',
          payload: { n: 0 },
        });
        throw new Error('the filing failed');
      }),
    ).rejects.toThrow('the filing failed');
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from hr_push_outbox`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('waits without a warning for a province that has set no receiver (the demo)', async () => {
    const other = await f.buildOrgTree();
    const id = await db.transaction((tx) =>
      services.hrPush.enqueueHrPush(tx, {
        provinceId: other.province.id,
        kind: 'audit_filed',
        payload: {},
      }),
    );
    const log = { debug: vi.fn(), warn: vi.fn(), error: vi.fn() };
    expect(await services.createHrPushWorker(log).runOnce()).toBe('retry');
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(log.warn).not.toHaveBeenCalled();
    expect(log.debug).toHaveBeenCalledWith(
      expect.objectContaining({ deliveryId: id }),
      'HR push waits for a receiver',
    );
    await queryRows(db, sql`delete from hr_push_outbox where id = ${id}`);
  });

  it('delivers after the receiver was down, signed, exactly once per delivery id', async () => {
    const port = await freePort();
    await configure(`http://127.0.0.1:${String(port)}/hr`);
    const id = await enqueue({ year: 2025, people: 3 });
    const worker = services.createHrPushWorker();
    expect(await worker.runOnce()).toBe('retry');
    expect(await statusOf(id)).toMatchObject({ status: 'pending', attempts: 1 });
    // Backoff: not due again straight away.
    expect(await worker.runOnce()).toBe('idle');

    const receiver = new Receiver();
    receivers.push(receiver);
    await receiver.listen(port);
    t.clock.advanceMinutes(1);
    expect(await worker.drain()).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.requests).toHaveLength(1);
    expect(receiver.requests[0]).toMatchObject({ id, signatureOk: true });
    expect(receiver.processed.get(id)).toMatchObject({
      deliveryId: id,
      kind: 'audit_filed',
      payload: { year: 2025, people: 3 },
    });
    // Nothing is due any more: a second worker sends nothing.
    expect(await services.createHrPushWorker().drain()).toBe(0);
    expect(receiver.requests).toHaveLength(1);
    await receiver.close();
  });

  it('never loses a delivery when a worker stops between sending and marking', async () => {
    const receiver = new Receiver();
    receivers.push(receiver);
    const port = await receiver.listen();
    await configure(`http://127.0.0.1:${String(port)}/hr`);
    const id = await enqueue({ year: 2025, people: 1 });

    receiver.holdNext = true;
    const crashing = services.createHrPushWorker();
    const arrived = receiver.nextRequest();
    const attempt = crashing.runOnce();
    await arrived; // the receiver has the delivery, the worker has not heard back
    await crashing.stop();
    expect(await attempt).toBe('stopped');
    expect(await statusOf(id)).toMatchObject({ status: 'pending' });

    const next = services.createHrPushWorker();
    expect(await next.runOnce()).toBe('idle'); // the lease still holds
    t.clock.advanceMinutes(1);
    expect(await next.drain()).toBe(1);
    expect(await statusOf(id)).toMatchObject({ status: 'delivered' });
    expect(receiver.requests.map((r) => r.id)).toEqual([id, id]);
    expect([...receiver.processed.keys()]).toEqual([id]);
  });

  it('gives up after the last attempt, logs it, and a resend delivers with the same id', async () => {
    const port = await freePort();
    await configure(`http://127.0.0.1:${String(port)}/hr`);
    const id = await enqueue({ year: 2025, people: 9 });
    const worker = services.createHrPushWorker();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await worker.runOnce()).toBe(attempt < 3 ? 'retry' : 'failed');
      t.clock.advanceMinutes(2);
    }
    expect(await statusOf(id)).toMatchObject({ status: 'failed', attempts: 3 });
    const failed = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from audit_log where action = 'hr_push.failed' and target_id = ${id}`,
    );
    expect(failed[0]?.n).toBe(1);

    const receiver = new Receiver();
    receivers.push(receiver);
    await receiver.listen(port);
    const admin = await t.signIn(provinceAdmin.username);
    const log = await t.app.inject({
      method: 'GET',
      url: `/api/v1/provinces/${provinceId}/hr-push/deliveries?status=failed`,
      headers: admin.headers,
    });
    expect(log.json<HrPushDeliveryList>().items.map((d) => d.id)).toEqual([id]);
    const resend = await t.app.inject({
      method: 'POST',
      url: `/api/v1/provinces/${provinceId}/hr-push/deliveries/${id}/resend`,
      headers: admin.headers,
    });
    expect(resend.statusCode).toBe(200);
    expect(await worker.drain()).toBe(1);
    expect(receiver.requests.map((r) => r.id)).toEqual([id]);
    expect(await statusOf(id)).toMatchObject({ status: 'delivered' });
    const actions = await queryRows<{ action: string }>(
      db,
      sql`select action from audit_log where target_id = ${id} order by id`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'hr_push.enqueued',
      'hr_push.failed',
      'hr_push.resend',
      'hr_push.delivered',
    ]);
  });
});
