import { defaultPolicyRegistry } from '@jijiao/domain';
import type { Tx } from '../../platform/db/database';
import type { CertificatesService } from '../certificates/certificates.service';
import type { PersonRow } from '../people/people.repository';
import type { OrgRow } from '../orgs/orgs.repository';
import { createRandom } from './demo-people';

/** How many people of the demo learner's unit hold last year's certificate. */
const holdersPerUnit = 24;

/**
 * Last year's certificates for the demo learner and colleagues at the learner's unit,
 * issued straight through `issueCertificates` so that certificates exist at start
 * (until the annual audit files a demo year and issues them itself).
 */
export async function seedDemoCertificates(
  tx: Tx,
  certificates: CertificatesService,
  options: { province: OrgRow; unitId: string; people: readonly PersonRow[]; now: Date },
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
