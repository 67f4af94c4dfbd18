import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database';
import { queryRows, type DbOrTx } from '../../platform/db/database';
import { CreditsRepository } from './credits.repository';

/** The bulk intake's locks are the one-by-one intake's: the same key for the same person. */
const database = await createTestDatabase();
afterAll(() => database.close());
const { db } = database;
const repository = new CreditsRepository();
const people = [
  '0b0c8d2e-1f5a-4c7e-9a61-3d2f4b6a8c01',
  '7f3e2a1b-9c8d-4e6f-a5b4-c3d2e1f0a9b8',
  'c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f',
];

/** Advisory locks this backend holds inside `take`'s transaction, as (classid, objid). */
async function locksOf(take: (tx: DbOrTx) => Promise<void>): Promise<string[]> {
  let held: string[] = [];
  await db.transaction(async (tx) => {
    await take(tx);
    const rows = await queryRows<{ key: string }>(
      tx,
      sql`select classid::text || ':' || objid::text as key from pg_locks
          where locktype = 'advisory' and pid = pg_backend_pid() order by 1`,
    );
    held = rows.map((r) => r.key);
  });
  return held;
}

describe('claims intake locks', () => {
  it('locks, for many people at once, exactly the keys locked one by one', async () => {
    const oneByOne = await locksOf(async (tx) => {
      for (const id of people) await repository.lockPerson(tx, id);
    });
    const together = await locksOf((tx) => repository.lockPeople(tx, [...people, people[0]!]));
    expect(oneByOne.length).toBeGreaterThan(0);
    expect(together).toEqual(oneByOne);
  });

  it('takes nothing for nobody', async () => {
    expect(await locksOf((tx) => repository.lockPeople(tx, []))).toEqual([]);
  });
});
