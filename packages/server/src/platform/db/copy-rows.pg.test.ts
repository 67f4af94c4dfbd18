import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database';
import { copyOf, insertRows } from './copy-rows';
import { queryRows } from './database';
import { auditLog } from './tables/audit-log';

const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;

/** What a COPY line must survive: tabs, newlines, backslashes, quotes, nulls, nested JSON. */
const awkward = {
  action: 'credit.matched' as const,
  at: new Date('2026-06-01T08:00:00.123Z'),
  actorUserId: null,
  actorUsername: 'a\tb\\c\nd\r"e"',
  targetType: 'credit_claim' as const,
  targetId: 'x',
  orgPath: '/一/二/',
  ip: null,
  details: { reason: 'line\none\ttab \\ back', list: [1, 'two', null], nested: { ok: true } },
};

describe('insertRows', () => {
  it('copies inside a transaction, on this engine’s own connection', async () => {
    expect(copyOf(db)).toBeUndefined();
    const inside = await db.transaction((tx) => Promise.resolve(copyOf(tx)));
    expect(inside).toBeDefined();
  });

  it('stores every value as an INSERT would, inside and outside a transaction', async () => {
    await db.transaction((tx) =>
      insertRows(tx, auditLog, [awkward, { ...awkward, targetId: 'y' }]),
    );
    await insertRows(db, auditLog, [{ ...awkward, targetId: 'z' }]);
    const rows = await queryRows<{
      target_id: string;
      actor_username: string;
      at: Date | string;
      details: unknown;
      ip: string | null;
    }>(
      db,
      sql`select target_id, actor_username, at, details, ip from audit_log
          where target_id in ('x', 'y', 'z') order by id`,
    );
    expect(rows.map((r) => r.target_id)).toEqual(['x', 'y', 'z']);
    for (const r of rows) {
      expect(r.actor_username).toBe(awkward.actorUsername);
      expect(new Date(r.at).toISOString()).toBe('2026-06-01T08:00:00.123Z');
      expect(r.details).toEqual(awkward.details);
      expect(r.ip).toBeNull();
    }
  });

  it('writes nothing when the transaction rolls back', async () => {
    await expect(
      db.transaction(async (tx) => {
        await insertRows(tx, auditLog, [{ ...awkward, targetId: 'rolled-back' }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    const rows = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int n from audit_log where target_id = 'rolled-back'`,
    );
    expect(rows[0]?.n).toBe(0);
  });
});
