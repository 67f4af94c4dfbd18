import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/test-database';
import { orgIdByName } from '../../../test/fixtures';
import { OrgsRepository } from './orgs.repository';

/** An org and the orgs above it in one query: what a claim's place is resolved from. */
const database = await createTestDatabase();
afterAll(() => database.close());
const repository = new OrgsRepository();

describe('OrgsRepository.findWithAncestors', () => {
  it('returns the org and every org on its path, nothing else', async () => {
    const unit = await orgIdByName(database.db, '江南区人民医院');
    const rows = await repository.findWithAncestors(database.db, unit);
    const self = rows.find((o) => o.id === unit);
    expect(self).toBeDefined();
    const pathIds = (self?.path ?? '').split('/').filter(Boolean);
    expect(pathIds.length).toBeGreaterThanOrEqual(3);
    expect(new Set(rows.map((o) => o.id))).toEqual(new Set(pathIds));
    expect(rows.map((o) => o.kind)).toContain('province');
  });

  it('returns the province alone for the province, nothing for an unknown id', async () => {
    const unit = await orgIdByName(database.db, '江南区人民医院');
    const province = (await repository.findWithAncestors(database.db, unit)).find(
      (o) => o.kind === 'province',
    );
    const alone = await repository.findWithAncestors(database.db, province?.id ?? '');
    expect(alone.map((o) => o.id)).toEqual([province?.id]);
    expect(
      await repository.findWithAncestors(database.db, '00000000-0000-4000-8000-000000000000'),
    ).toEqual([]);
  });
});
