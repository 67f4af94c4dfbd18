import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/test-database';
import { testConfig } from '../../../test/test-config';
import { FakeClock } from '../../../test/build-app';
import { queryRows } from '../../platform/db/database';
import { completeDemo } from './demo-at-start';

const database = await createTestDatabase();
afterAll(() => database.close());
const clock = new FakeClock('2026-05-20T08:00:00Z');

describe('the demo at start', () => {
  it('files last year’s audit through the chain, with certificates for those who pass', async () => {
    const done = await completeDemo(database, testConfig(), clock);
    expect(done.credits).toBeGreaterThan(10);
    expect(done.audit).toMatchObject({ year: 2025 });
    const audit = done.audit!;
    // Last year on the demo's curve: most pass, a tail falls short; each pass has its certificate.
    expect(audit.people).toBe(300);
    expect(audit.compliant / audit.people).toBeGreaterThan(0.65);
    expect(audit.compliant / audit.people).toBeLessThan(0.85);
    expect(audit.certificates).toBe(audit.compliant);
    // As before: the learner and the first 24 colleagues pass with 30 credits, 12 fall short.
    const story = await queryRows<{ compliant: boolean; total: number }>(
      database.db,
      sql`with learner as (select p.id, p.unit_id from people p join users u on u.id = p.user_id
                           where u.username = 'demo-learner'),
               colleagues as (select p.id from people p, learner l
                              where p.unit_id = l.unit_id and p.user_id is null
                              order by p.name, p.id limit 36)
          select r.compliant, s.total_credits::float total from audit_results r
          join person_standings s on s.person_id = r.person_id and s.year = 2025
          where r.audit_id = (select id from audits where year = 2025)
            and r.person_id in (select id from learner union all select id from colleagues)
          order by r.compliant desc, s.total_credits desc`,
    );
    expect(story.map((r) => [r.compliant, r.total])).toEqual([
      ...Array.from({ length: 25 }, () => [true, 30]),
      ...Array.from({ length: 6 }, () => [false, 20]),
      ...Array.from({ length: 6 }, () => [false, 10]),
    ]);

    const [row] = await queryRows<{ status: string; reports: number; approved: number }>(
      database.db,
      sql`select a.status,
                 (select count(*)::int from audit_unit_reports r where r.audit_id = a.id) reports,
                 (select count(*)::int from audit_unit_reports r where r.audit_id = a.id
                    and r.status = 'filed') approved
          from audits a where a.year = 2025`,
    );
    expect(row?.status).toBe('filed');
    expect(row?.approved).toBe(row?.reports);
    const learnerCertificate = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int n from certificates c join people p on p.id = c.person_id
          join users u on u.id = p.user_id where u.username = 'demo-learner' and c.year = 2025
          and c.revoked_at is null`,
    );
    expect(learnerCertificate[0]?.n).toBe(1);
    const shortOnes = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int n from audit_results r where not r.compliant
          and exists (select 1 from certificates c where c.person_id = r.person_id and c.year = 2025)
          and r.audit_id = (select id from audits where year = 2025)
          and exists (select 1 from credit_claims cc where cc.person_id = r.person_id and cc.year = 2025)`,
    );
    expect(shortOnes[0]?.n).toBe(0);
  });

  it('does nothing the second time', async () => {
    const again = await completeDemo(database, testConfig(), clock);
    expect(again).toEqual({ credits: 0, audit: null });
  });
});
