import { sql } from 'drizzle-orm';
import { defaultPolicyRegistry } from '@jijiao/domain';
import { queryRows, type Database, type Tx } from '../src/platform/db/database';
import type { Config } from '../src/platform/config/config';
import { argon2Hasher } from '../src/platform/auth/password-hasher';
import { buildServices } from '../src/services';
import { systemClock } from '../src/platform/clock';
import type { CertificatesService } from '../src/modules/certificates/certificates.service';
import { createRandom } from '../src/modules/demo/demo-people';
import { demoAccounts } from '../src/modules/demo/demo-tree';

interface Holder {
  id: string;
  unitId: string;
  userId: string | null;
  name: string;
}

/** How many people of the demo learner's unit hold last year's certificate. */
const holdersPerUnit = 24;

/**
 * The tests' template: last year's certificates for the demo learner and colleagues at the
 * learner's unit, issued straight through `issueCertificates` (the app's demo gets them from
 * a filed demo audit instead, which the audit tests would collide with).
 */
export async function seedTestCertificates(database: Database, config: Config): Promise<number> {
  const services = buildServices({ config, database, clock: systemClock, hasher: argon2Hasher });
  const learner = demoAccounts.find((a) => a.role === 'learner');
  const [province] = await queryRows<{ id: string; region_code: string | null }>(
    database.db,
    sql`select id, region_code from orgs where kind = 'province' and parent_id is null limit 1`,
  );
  const [unit] = await queryRows<{ unit_id: string }>(
    database.db,
    sql`select p.unit_id from people p join users u on u.id = p.user_id where u.username = ${learner?.username ?? ''}`,
  );
  if (!province || !unit) return 0;
  const people = await queryRows<{
    id: string;
    unit_id: string;
    user_id: string | null;
    name: string;
  }>(
    database.db,
    sql`select id, unit_id, user_id, name from people where unit_id = ${unit.unit_id}`,
  );
  return database.db.transaction((tx) =>
    seedDemoCertificates(tx, services.certificates, {
      province: { id: province.id, regionCode: province.region_code },
      unitId: unit.unit_id,
      people: people.map((p) => ({ id: p.id, unitId: p.unit_id, userId: p.user_id, name: p.name })),
      now: services.clock.now(),
    }),
  );
}

async function seedDemoCertificates(
  tx: Tx,
  certificates: CertificatesService,
  options: {
    province: { id: string; regionCode: string | null };
    unitId: string;
    people: readonly Holder[];
    now: Date;
  },
): Promise<number> {
  const year = options.now.getUTCFullYear() - 1;
  const resolved = defaultPolicyRegistry.resolve(
    { province: options.province.regionCode ?? '' },
    year,
  );
  if (!resolved.ok) return 0;
  const { policy } = resolved;
  const random = createRandom(year);
  const holders = options.people
    .filter((p) => p.unitId === options.unitId)
    .sort(
      (a, b) =>
        Number(b.userId !== null) - Number(a.userId !== null) || a.name.localeCompare(b.name),
    )
    .slice(0, holdersPerUnit);
  const classes = policy.rules.classes;
  const result = await certificates.issueCertificates(tx, {
    provinceId: options.province.id,
    year,
    issuedAt: options.now,
    people: holders.map((p) => {
      const total = 25 + Math.round(random() * 150) / 10;
      return {
        personId: p.id,
        unitId: p.unitId,
        totalCredits: total,
        classCredits: classes.length > 0 ? { I: 10, II: Math.round((total - 10) * 10) / 10 } : {},
        packs: policy.packs,
        hoursEquivalent: policy.rules.certificate?.hours ?? null,
      };
    }),
  });
  return result.issued.length;
}
