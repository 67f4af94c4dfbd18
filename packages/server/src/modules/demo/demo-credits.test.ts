import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database';
import { testConfig } from '../../../test/test-config';
import { FakeClock } from '../../../test/build-app';
import { orgIdByName } from '../../../test/fixtures';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { queryRows } from '../../platform/db/database';
import { buildServices } from '../../services';
import type { Actor } from '../../platform/auth/actor';
import { seedDemoCreditsAtStart } from './demo-credits';

const database = await createTestDatabase();
afterAll(() => database.close());
const services = buildServices({
  config: testConfig(),
  database,
  clock: new FakeClock('2026-05-20T08:00:00Z'),
  hasher: argon2Hasher,
});
const jiangnanHospital = await orgIdByName(database.db, '江南区人民医院');

describe('demo credits at start', () => {
  it('gives the learner and some colleagues effective credits of this year, once', async () => {
    const written = await seedDemoCreditsAtStart(services);
    expect(written).toBeGreaterThan(10);
    const rows = await queryRows<{ status: string; year: number; n: number }>(
      database.db,
      sql`select c.status, c.year, count(*)::int n from credit_claims c join credit_provenances p on p.claim_id = c.id where p.source_ref = 'demo data' group by c.status, c.year`,
    );
    expect(rows).toEqual([{ status: 'effective', year: 2026, n: written }]);
    expect(await seedDemoCreditsAtStart(services)).toBe(0);

    // A unit admin's view: the learner has credits, some staff are compliant, most behind.
    const actor = {
      userId: '00000000-0000-0000-0000-000000000000',
      grants: [
        {
          role: 'unit_admin',
          orgId: jiangnanHospital,
          orgPath: (
            await queryRows<{ path: string }>(
              database.db,
              sql`select path from orgs where id = ${jiangnanHospital}`,
            )
          )[0]!.path,
          orgName: '江南区人民医院',
          orgKind: 'unit',
        },
      ],
    } as unknown as Actor;
    const progress = await services.learnerYear.unitProgress(actor, jiangnanHospital, {
      year: 2026,
      behind: false,
      sort: 'shortfall',
      limit: 500,
    });
    const learner = progress.items.find((i) => i.name === '王晓明');
    expect(learner?.totalCredits).toBeGreaterThan(0);
    expect(progress.behindCount).toBeGreaterThan(0);
    expect(progress.behindCount).toBeLessThan(progress.staffCount ?? 0);
  });
});
