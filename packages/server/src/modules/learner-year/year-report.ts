import type { ActivityType, CreditChannel, YearCredit, YearReportView } from '@jijiao/contracts';
import {
  activityOfClaim,
  evaluateClaimsOfYear,
  yearPolicyOf,
  type Activity,
  type PolicyRegistry,
  type UnitPlace,
  type YearPolicy,
  type YearReport,
} from '@jijiao/domain';
import { AppError } from '../../platform/errors/app-error';
import type { YearClaimRow } from './learner-year.repository';

export type { YearPolicy } from '@jijiao/domain';

/** The policy of a place and year (the domain's resolution), or a 400 naming the year. */
export function policyFor(registry: PolicyRegistry, where: UnitPlace, year: number): YearPolicy {
  const resolved = yearPolicyOf(registry, where, year);
  if (!resolved.ok) {
    throw new AppError('validation_failed', `year: ${resolved.message}`, undefined, [
      { path: 'year', message: resolved.message },
    ]);
  }
  return resolved.value;
}

/** A stored claim's activity, as the rules engine reads it (its id is the claim id). */
export function activityOf(claim: Pick<YearClaimRow, 'id' | 'activity'>): Activity {
  return activityOfClaim(claim);
}

/**
 * The rules engine's year over a person's effective claims of `year` (and, for a stage
 * rule, of the stage's earlier years): the same evaluation the stored standings hold.
 */
export function evaluateClaims(
  yp: YearPolicy,
  where: UnitPlace,
  year: number,
  claims: readonly YearClaimRow[],
): YearReport {
  return evaluateClaimsOfYear(yp, where, year, claims);
}

/** The report's numbers in the contract's shape; `credits` and `pending` filled by the caller. */
export function reportView(
  person: { id: string; name: string },
  year: number,
  report: YearReport,
  claims: readonly YearClaimRow[],
  channels: ReadonlyMap<string, string[]>,
): Omit<YearReportView, 'pending'> {
  const byId = new Map(claims.map((c) => [c.id, c]));
  const credits: YearCredit[] = [];
  for (const a of report.activities) {
    const claim = byId.get(a.id);
    // Earlier years' claims only feed the stage rule; the list shows this year's.
    if (!claim || claim.year !== year) continue;
    credits.push({
      claimId: claim.id,
      activityType: claim.activityType as ActivityType,
      activityDate: claim.activityDate,
      projectNumber: claim.projectNumber,
      channels: (channels.get(claim.id) ?? []) as CreditChannel[],
      status: 'effective',
      credits: a.credits,
      faceCredits: a.faceCredits,
      class: a.class,
      reasons: a.reasons,
    });
  }
  return {
    personId: person.id,
    personName: person.name,
    year,
    packs: report.packs.map((id) => ({ id, version: report.packVersions[id] ?? '' })),
    compliant: report.compliant,
    totalCredits: report.totalCredits,
    classCredits: report.classCredits,
    requirements: report.requirements,
    credits,
    ...(report.certificateHours === undefined ? {} : { certificateHours: report.certificateHours }),
    ...(report.stage ? { stage: report.stage } : {}),
    ...(report.fullYear ? { fullYear: report.fullYear } : {}),
  };
}
