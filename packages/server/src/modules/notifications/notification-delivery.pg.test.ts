import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { signBody, signatureHeader } from '../../platform/http/signed-webhook';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';

// The channels against real receivers: an SMTP server (smtp-server) and an HTTP gateway
// (node:http) that this file starts. Nothing is mocked between the outbox and the wire.

interface Received {
  to: string[];
  mail: ParsedMail;
}
const mails: Received[] = [];
let smtpDown = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  onRcptTo(_address, _session, callback) {
    if (!smtpDown) {
      callback();
      return;
    }
    const refusal = Object.assign(new Error('mailbox busy, try later'), { responseCode: 451 });
    callback(refusal);
  },
  onData(stream, session, callback) {
    simpleParser(stream).then(
      (mail) => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), mail });
        callback();
      },
      (error: unknown) => {
        callback(error instanceof Error ? error : new Error('unreadable mail'));
      },
    );
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));

interface GatewayMessage {
  deliveryId: string;
  channel: string;
  to: string;
  template: string;
  params: Record<string, string | number>;
  text: string;
  link: string | null;
}
const secret = 'gateway-secret-of-32-characters!';
const gatewayCalls: { signatureOk: boolean; message: GatewayMessage }[] = [];
let gatewayDown = false;
/** While set, the gateway holds each request unanswered (kept here). */
let gatewayStalls = false;
const stalled: http.ServerResponse[] = [];
const gateway = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (gatewayStalls) {
      stalled.push(response);
      return;
    }
    if (gatewayDown) {
      response.writeHead(503).end();
      return;
    }
    const body = Buffer.concat(chunks).toString('utf8');
    gatewayCalls.push({
      signatureOk: request.headers[signatureHeader] === signBody(secret, body),
      message: JSON.parse(body) as GatewayMessage,
    });
    response.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => gateway.listen(0, '127.0.0.1', resolve));
afterAll(async () => {
  await new Promise<void>((resolve) => {
    smtp.close(resolve);
  });
  await new Promise<void>((resolve) => {
    gateway.close(() => {
      resolve();
    });
  });
});

const env = {
  JIJIAO_SMTP_URL: `smtp://127.0.0.1:${String((smtp.server.address() as AddressInfo).port)}`,
  JIJIAO_MAIL_FROM: '继续医学教育 <no-reply@example.cn>',
  JIJIAO_SMS_WEBHOOK_URL: `http://127.0.0.1:${String((gateway.address() as AddressInfo).port)}/gw`,
  JIJIAO_SMS_WEBHOOK_SECRET: secret,
  JIJIAO_PUBLIC_BASE_URL: 'https://cme.example.cn',
};
const t = await buildTestApp(env);
const f = createFactories({ ...t, config: testConfig(env) });
const { services } = f;
const { db } = services;
const worker = services.createNotificationWorker();
afterAll(() => worker.stop());
const tree = await f.buildOrgTree();
const zhang = await f.buildPerson({
  unit: tree.unit,
  name: '张三',
  email: 'Zhang.San@example.cn',
  phone: '13700000011',
});
const li = await f.buildPerson({ unit: tree.unit, name: '李四', email: 'li.si@example.cn' });

let serial = 0;
async function notify(personId: string, kind: 'claim_returned' | 'certificate_issued') {
  serial += 1;
  return db.transaction((tx) =>
    services.notifications.notifyPeople(tx, [
      {
        personId,
        kind,
        dedupeKey: `test:${String(serial)}`,
        params: {
          activity: `学术讲座${String(serial)}`,
          reason: '缺少签到证明',
          year: 2025,
          serial: 'S-1',
        },
        link: `/learner/claims/${String(serial)}`,
      },
    ]),
  );
}
const deliveriesOf = (address: string) =>
  queryRows<{ channel: string; status: string; attempts: number; lastError: string | null }>(
    db,
    sql`select channel, status, attempts, last_error as "lastError" from notification_outbox
         where address = ${address} order by created_at, channel`,
  );
/** Minutes from the clock to the next `hourUtc`:00 UTC. */
function minutesUntilUtcHour(hourUtc: number): number {
  const now = t.clock.now();
  const target = new Date(now);
  target.setUTCHours(hourUtc, 0, 0, 0);
  if (target <= now) target.setUTCDate(target.getUTCDate() + 1);
  return Math.round((target.getTime() - now.getTime()) / 60_000);
}

describe('email and SMS to the right person, once', () => {
  it('mails the returned claim with its reason and an unsubscribe link, and texts the phone', async () => {
    expect(await notify(zhang.id, 'claim_returned')).toBe(1);
    expect(await worker.drain()).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect(mails).toHaveLength(1);
    const [{ to, mail }] = mails as [Received];
    expect(to).toEqual(['zhang.san@example.cn']);
    expect(mail.subject).toBe('学分申请被退回：学术讲座1');
    expect(mail.text).toContain('张三，您好');
    expect(mail.text).toContain('原因：缺少签到证明');
    expect(mail.text).toContain('https://cme.example.cn/learner/claims/1');
    expect(mail.text).toMatch(/https:\/\/cme\.example\.cn\/unsubscribe\?token=\S+/);
    const header = (key: string) =>
      (mail.headerLines.find((h) => h.key === key)?.line ?? '').replace(/\r\n\s+/g, ' ');
    expect(header('list-unsubscribe')).toMatch(
      /^List-Unsubscribe: <https:\/\/cme\.example\.cn\/api\/v1\/notifications\/unsubscribe\?token=[^>]+>/,
    );
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    // SMS on by default, WeChat off: one signed call to the gateway.
    expect(gatewayCalls).toHaveLength(1);
    expect(gatewayCalls[0]).toMatchObject({
      signatureOk: true,
      message: { channel: 'sms', to: '13700000011', template: 'claim_returned' },
    });
    expect(gatewayCalls[0]?.message.text).toContain('缺少签到证明');
    // Li was told nothing.
    expect(mails.flatMap((m) => m.to)).not.toContain('li.si@example.cn');
  });

  it('sends nothing new when the worker runs again or the event is written again', async () => {
    expect(await worker.drain()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    const again = await db.transaction((tx) =>
      services.notifications.notifyPeople(tx, [
        {
          personId: zhang.id,
          kind: 'claim_returned',
          dedupeKey: 'test:1',
          params: { activity: '学术讲座1', reason: '缺少签到证明' },
        },
      ]),
    );
    expect(again).toBe(0);
    t.clock.advanceMinutes(120);
    expect(await worker.drain()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    expect([mails.length, gatewayCalls.length]).toEqual([1, 1]);
  });
});

describe('quiet hours', () => {
  it('holds SMS from 22:00 to 08:00 China time, and mails at once', async () => {
    t.clock.advanceMinutes(minutesUntilUtcHour(15)); // 23:00 in China
    await notify(zhang.id, 'certificate_issued');
    expect(await worker.drain()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(mails.at(-1)?.mail.subject).toBe('2025 年度学分证书已签发');
    expect(gatewayCalls).toHaveLength(1);
    t.clock.advanceMinutes(8 * 60 + 59); // 07:59
    expect(await worker.drain()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    t.clock.advanceMinutes(1); // 08:00
    expect(await worker.drain()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(gatewayCalls).toHaveLength(2);
    expect(gatewayCalls[1]?.message.template).toBe('certificate_issued');
  });
});

describe('unsubscribe', () => {
  it('an unsubscribed address gets nothing, neither what waited nor what comes after', async () => {
    await notify(li.id, 'claim_returned'); // waiting when Li unsubscribes
    // Li's link carries the token the server signs for Li's address (as Zhang's mail shows).
    const liToken = services.notifications.unsubscribeTokenOf('li.si@example.cn');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/notifications/unsubscribe',
      payload: { token: liToken },
    });
    expect(response.statusCode, response.body).toBe(200);
    await notify(li.id, 'certificate_issued');
    const before = mails.length;
    await worker.drain();
    expect(mails.length).toBe(before);
    expect(await deliveriesOf('li.si@example.cn')).toEqual([
      { channel: 'email', status: 'skipped', attempts: 0, lastError: 'unsubscribed' },
    ]);
    // Zhang is still mailed.
    await notify(zhang.id, 'claim_returned');
    await worker.drain();
    expect(mails.at(-1)?.to).toEqual(['zhang.san@example.cn']);
  });
});

describe('a receiver that is down', () => {
  it('gets the message later, after a retry, once', async () => {
    const mailsBefore = mails.length;
    const callsBefore = gatewayCalls.length;
    smtpDown = true;
    gatewayDown = true;
    t.clock.advanceMinutes(minutesUntilUtcHour(2)); // 10:00 in China: no quiet hours
    await notify(zhang.id, 'claim_returned');
    expect(await worker.drain()).toEqual({ delivered: 0, retrying: 2, failed: 0 });
    const log = await deliveriesOf('zhang.san@example.cn');
    expect(log.at(-1)).toMatchObject({ status: 'pending', attempts: 1 });
    expect(log.at(-1)?.lastError).toContain('451');
    expect((await deliveriesOf('13700000011')).at(-1)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'gateway answered 503',
    });
    // Not due again before the backoff (30 s).
    expect(await worker.drain()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
    smtpDown = false;
    gatewayDown = false;
    t.clock.advanceMinutes(1);
    expect(await worker.drain()).toEqual({ delivered: 2, retrying: 0, failed: 0 });
    expect([mails.length - mailsBefore, gatewayCalls.length - callsBefore]).toEqual([1, 1]);
    expect((await deliveriesOf('13700000011')).at(-1)).toMatchObject({
      status: 'delivered',
      attempts: 2,
    });
  });

  it('a worker stopped mid-batch gives back the deliveries it never tried (ADR 0040)', async () => {
    t.clock.advanceMinutes(minutesUntilUtcHour(2)); // 10:00 in China: no quiet hours
    const phones = ['13700000021', '13700000022', '13700000023'];
    for (const phone of phones) {
      const person = await f.buildPerson({ unit: tree.unit, phone });
      await notify(person.id, 'claim_returned');
    }
    gatewayStalls = true;
    const stopping = services.createNotificationWorker();
    stopping.start();
    for (let i = 0; i < 200 && stalled.length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(stalled).toHaveLength(1);
    await stopping.stop();
    gatewayStalls = false;
    for (const response of stalled.splice(0)) response.writeHead(204).end();
    const rows = await queryRows<{ address: string; leased: boolean; attempts: number }>(
      db,
      sql`select address, locked_until is not null as leased, attempts from notification_outbox
           where address in (${sql.join(
             phones.map((p) => sql`${p}`),
             sql`, `,
           )}) order by next_attempt_at, id`,
    );
    // The one cut short mid-send stays leased, as after a crash; the rest are due at once.
    expect(rows.map((r) => [r.leased, r.attempts])).toEqual([
      [true, 1],
      [false, 0],
      [false, 0],
    ]);
  });
});
