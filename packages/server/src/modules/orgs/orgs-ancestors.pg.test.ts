import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database';
import { createFactories } from '../../../test/factories';
import { OrgsRepository } from './orgs.repository';

/** An org and the orgs above it in one query: what a claim's place is resolved from. */
const database = await createTestDatabase();
afterAll(() => database.close());
const repository = new OrgsRepository();
const tree = await createFactories({ database }).buildOrgTree();

describe('OrgsRepository.findWithAncestors', () => {
  it('returns the org and every org on its path, nothing else', async () => {
    const unit = tree.unit.id;
    const rows = await repository.findWithAncestors(database.db, unit);
    const self = rows.find((o) => o.id === unit);
    expect(self).toBeDefined();
    const pathIds = (self?.path ?? '').split('/').filter(Boolean);
    expect(pathIds).toEqual([tree.province.id, tree.city.id, tree.district.id, unit]);
    expect(new Set(rows.map((o) => o.id))).toEqual(new Set(pathIds));
    expect(rows.map((o) => o.kind).sort()).toEqual(['city', 'district', 'province', 'unit']);
  });

  it('returns the province alone for the province, nothing for an unknown id', async () => {
    const alone = await repository.findWithAncestors(database.db, tree.province.id);
    expect(alone.map((o) => o.id)).toEqual([tree.province.id]);
    expect(
      await repository.findWithAncestors(database.db, '00000000-0000-4000-8000-000000000000'),
    ).toEqual([]);
  });
});
