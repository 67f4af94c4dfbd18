import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/database';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// The door other modules write notifications through: idempotent on (user, kind, key),
// set-based, and each new notification fans out to the channels its recipient keeps on.
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const { db } = services;
const tree = await f.buildOrgTree();
const withPhone = await f.buildPerson({ unit: tree.unit, phone: '13700000001' });
const noPhone = await f.buildPerson({ unit: tree.unit });

const outboxOf = (userId: string) =>
  queryRows<{ channel: string; address: string; quiet: boolean }>(
    db,
    sql`select o.channel, o.address, o.quiet from notification_outbox o
          join notifications n on n.id = o.notification_id
         where n.user_id = ${userId} order by o.channel`,
  );

describe('notifyMany', () => {
  it('creates each notification once, however often it is written', async () => {
    const input = {
      userId: withPhone.user.id,
      kind: 'certificate_issued' as const,
      dedupeKey: 'cert:2025',
      params: { year: 2025, serial: '990000-2025-AAAAA' },
      link: '/learner/certificates',
    };
    const first = await db.transaction((tx) => services.notifications.notifyMany(tx, [input]));
    const again = await db.transaction((tx) =>
      services.notifications.notifyMany(tx, [input, { ...input, dedupeKey: 'cert:2024' }]),
    );
    expect([first, again]).toEqual([1, 1]);
    // SMS on by default (quiet hours kept), WeChat off: one SMS per new notification.
    expect(await outboxOf(withPhone.user.id)).toEqual([
      { channel: 'sms', address: '13700000001', quiet: true },
      { channel: 'sms', address: '13700000001', quiet: true },
    ]);
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await services.notifications.notifyMany(tx, [
          {
            userId: noPhone.user.id,
            kind: 'claim_approved',
            dedupeKey: 'rolled-back',
            params: { activity: 'x', credits: 1 },
          },
        ]);
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from notifications where user_id = ${noPhone.user.id}`,
    );
    expect(rows[0]?.n).toBe(0);
  });

  it('refuses a bad input by row and field, writing none of the batch', async () => {
    const good = {
      userId: noPhone.user.id,
      kind: 'claim_approved' as const,
      dedupeKey: 'ok',
      params: { activity: 'a', credits: 1 },
    };
    const bad = { ...good, dedupeKey: '', link: 'http://elsewhere' };
    const error: unknown = await db
      .transaction((tx) => services.notifications.notifyMany(tx, [good, bad]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed' });
    expect(String(error)).toContain('1.dedupeKey');
    expect(String(error)).toContain('1.link');
    expect((await services.notifications.unreadCount(await f.actorOf(noPhone.user))).unread).toBe(
      0,
    );
  });
});

describe('notifyFromSelect', () => {
  it('writes what a select yields in one statement, again: nothing new', async () => {
    const people = await Promise.all([1, 2, 3].map(() => f.buildPerson({ unit: tree.unit })));
    const ids = people.map((p) => p.user.id);
    const select = sql`select u.id as user_id, 'reminder_learner_behind'::text as kind,
        'learner-behind:2026:30'::text as dedupe_key,
        jsonb_build_object('year', 2026, 'days', 30, 'need', '还差 5 学分') as params,
        '/learner'::text as link
      from users u where u.id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`;
    expect(await db.transaction((tx) => services.notifications.notifyFromSelect(tx, select))).toBe(
      3,
    );
    expect(await db.transaction((tx) => services.notifications.notifyFromSelect(tx, select))).toBe(
      0,
    );
    const list = await services.notifications.list(await f.actorOf(people[0]!.user), { limit: 20 });
    expect(list.items).toMatchObject([
      {
        kind: 'reminder_learner_behind',
        params: { year: 2026, days: 30, need: '还差 5 学分' },
        link: '/learner',
      },
    ]);
  });

  it('addresses people through notifyPeople: a person is told on their account', async () => {
    const created = await db.transaction((tx) =>
      services.notifications.notifyPeople(tx, [
        {
          personId: withPhone.id,
          kind: 'claim_returned',
          dedupeKey: 'claim:1:returned:2',
          params: { activity: '讲座', reason: '缺少证明' },
        },
      ]),
    );
    expect(created).toBe(1);
    const list = await services.notifications.list(await f.actorOf(withPhone.user), {
      limit: 1,
    });
    expect(list.items[0]).toMatchObject({ kind: 'claim_returned', params: { reason: '缺少证明' } });
  });
});
