import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database';
import { orgIdByName } from '../../../test/fixtures';
import { users } from '../../platform/db/tables/users';
import { UsersRepository } from './users.repository';
import { grantsFromJson, grantsJsonSql } from './user-grants';

/**
 * The session lookup reads a user's grants as json in the same query; for every demo
 * account (one with several roles among them) they equal `grantsOf`, in the same order.
 */
const database = await createTestDatabase();
afterAll(() => database.close());
const repository = new UsersRepository();

describe('grantsJsonSql', () => {
  it('gives every user the grants grantsOf gives, in its order', async () => {
    // A second and a third grant for one account, at orgs of different depth.
    const learner = await repository.findByUsername(database.db, 'demo-learner');
    if (!learner) throw new Error('no demo-learner');
    const [unit, province] = await Promise.all([
      orgIdByName(database.db, '江南区人民医院'),
      orgIdByName(database.db, '演示省继续医学教育委员会办公室'),
    ]);
    await repository.addRole(database.db, learner.id, 'reviewer', unit);
    await repository.addRole(database.db, learner.id, 'reviewer', province);
    const rows = await database.db
      .select({ id: users.id, username: users.username, grants: grantsJsonSql() })
      .from(users);
    expect(rows.length).toBeGreaterThan(3);
    let several = 0;
    for (const row of rows) {
      const expected = await repository.grantsOf(database.db, row.id);
      if (expected.length > 1) several += 1;
      expect(grantsFromJson(row.grants), row.username).toEqual(expected);
    }
    expect(several).toBeGreaterThanOrEqual(1);
    const mine = rows.find((r) => r.id === learner.id);
    expect(mine?.grants.length).toBeGreaterThanOrEqual(3);
  });
});
