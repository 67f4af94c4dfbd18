import type { ActivityType, CreditChannel, YearCredit, YearReportView } from '@jijiao/contracts';
import {
  activitySchema,
  evaluateYear,
  type Activity,
  type PolicyRegistry,
  type ResolvedPolicy,
  type YearReport,
} from '@jijiao/domain';
import { AppError } from '../../platform/errors/app-error';
import type { UnitPlace } from '../credits/claim-place';
import type { YearClaimRow } from './learner-year.repository';

/** The policy of a place and year, and the first year whose claims the evaluation needs. */
export interface YearPolicy {
  policy: ResolvedPolicy;
  /** Earlier years count towards a multi-year stage (the 2006 measures' 5-year stage). */
  fromYear: number;
}

export function policyFor(registry: PolicyRegistry, where: UnitPlace, year: number): YearPolicy {
  const resolved = registry.resolve(where.place, year);
  if (!resolved.ok) {
    throw new AppError('validation_failed', `year: ${resolved.message}`, undefined, [
      { path: 'year', message: resolved.message },
    ]);
  }
  const stage = resolved.policy.rules.stage;
  const fromYear = stage && where.unitLevel ? year - stage.years + 1 : year;
  return { policy: resolved.policy, fromYear };
}

/** A stored claim's activity, as the rules engine reads it (its id is the claim id). */
export function activityOf(claim: Pick<YearClaimRow, 'id' | 'activity'>): Activity {
  const parsed = activitySchema.safeParse({ ...claim.activity, id: claim.id });
  // Intake stored it after parsing it with the same schema: failing here is a bug.
  if (!parsed.success) throw new Error(`claim ${claim.id}: stored activity no longer parses`);
  return parsed.data;
}

/**
 * The rules engine's year over a person's effective claims of `year` (and, for a stage
 * rule, of the stage's earlier years). Pending claims are never passed in.
 */
export function evaluateClaims(
  yp: YearPolicy,
  where: UnitPlace,
  year: number,
  claims: readonly YearClaimRow[],
): YearReport {
  const counted = claims.filter(
    (c) => c.status === 'effective' && c.year >= yp.fromYear && c.year <= year,
  );
  const result = evaluateYear({
    policy: yp.policy,
    place: where.place,
    person: { unitLevel: where.unitLevel },
    activities: counted.map(activityOf),
  });
  if (!result.ok) throw new Error(`year ${String(year)}: ${result.problem.message}`);
  return result.report;
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
