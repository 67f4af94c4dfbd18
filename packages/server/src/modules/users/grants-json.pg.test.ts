import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database';
import { createFactories } from '../../../test/factories';
import { users } from '../../platform/db/tables/users';
import { UsersRepository } from './users.repository';
import { grantsFromJson, grantsJsonSql } from './user-grants';

/**
 * The session lookup reads a user's grants as json in the same query; for every account
 * (one with several roles among them) they equal `grantsOf`, in the same order.
 */
const database = await createTestDatabase();
afterAll(() => database.close());
const repository = new UsersRepository();
const f = createFactories({ database });

describe('grantsJsonSql', () => {
  it('gives every user the grants grantsOf gives, in its order', async () => {
    // A second and a third grant for one account, at orgs of different depth.
    const tree = await f.buildOrgTree();
    const learner = (await f.buildPerson({ unit: tree.unit })).user;
    await f.buildUser({ role: 'reviewer', org: tree.city });
    await f.buildUser({ role: 'host_admin', org: tree.host });
    await repository.addRole(database.db, learner.id, 'reviewer', tree.unit.id);
    await repository.addRole(database.db, learner.id, 'reviewer', tree.cmeOffice.id);
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
