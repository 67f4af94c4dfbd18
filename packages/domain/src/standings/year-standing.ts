/**
 * A person's standing for a year: the rules engine's year over their effective claims,
 * reduced to what lists, statistics and the audit read (ADR 0018). Pure: the server
 * stores it and keeps it current; `sameStanding` is how `standings verify` compares a
 * stored standing with a fresh one.
 */
import type { UnitPlace } from '../orgs/unit-place';
import { activitySchema, type Activity } from '../rules/activity-schema';
import { evaluateYear, type FullYearResult, type YearReport } from '../rules/evaluate-year';
import type { RequirementResult } from '../rules/requirements';
import type { PolicyRegistry, ResolvedPolicy } from '../rules/resolve-policy';
import type { StageProgress } from '../rules/stage-progress';
import { creditsToTenths, tenthsToCredits } from '../rules/tenths';
import type { CreditClass } from '../rules/vocabulary';

/** Claims that count (effective) or would count once approved (still in review or to correct). */
export const pendingClaimStatuses = ['draft', 'submitted', 'returned'] as const;

export function isPendingStatus(status: string): boolean {
  return (pendingClaimStatuses as readonly string[]).includes(status);
}

/** A claim as the standing reads it: its stored activity (the id is the claim id). */
export interface StandingClaim {
  id: string;
  year: number;
  /** A `ClaimStatusCode`; stored as text. */
  status: string;
  activityDate: string;
  activity: Record<string, unknown>;
  /** The channel it first arrived by. */
  channel: string;
  /** What the year page lists of it (carried into its counted activity; ADR 0021). */
  activityType?: string;
  projectNumber?: string | null;
  /** Every channel it arrived by, in order of first arrival. */
  channels?: readonly string[];
}

/** The policy of a place and year, and the first year whose claims the evaluation needs. */
export interface YearPolicy {
  policy: ResolvedPolicy;
  /** Earlier years count towards a multi-year stage (the 2006 measures' 5-year stage). */
  fromYear: number;
}

export interface YearStanding {
  year: number;
  /** The packs that decided, most general first. */
  packs: { id: string; version: string }[];
  compliant: boolean;
  totalCredits: number;
  /** Per class in force; {} under rules without classes. */
  classCredits: Partial<Record<CreditClass, number>>;
  requirements: RequirementResult[];
  /** The annual total's required credits and shortfall (0 when the rules set none). */
  required: number;
  shortfall: number;
  /** Codes of the requirements not met. */
  unmet: string[];
  stage: StageProgress | null;
  fullYear: FullYearResult | null;
  certificateHours: number | null;
  /** Claims of the year still in review, to correct or drafts. */
  pendingCount: number;
  /** What the year's total would gain if every pending claim were approved (after caps). */
  pendingCredits: number;
  /** Counted credits of the year's claims by month of the activity (January first). */
  monthlyCredits: number[];
  /** What each of the year's effective claims counts for, after caps, and why. */
  activities: CountedActivity[];
  /** Counted credits of the year by the channel each claim first arrived by. */
  channelCredits: Record<string, number>;
}

export interface CountedActivity {
  claimId: string;
  /** The claim as the year page lists it, so that the page needs no claim read (ADR 0021). */
  activityType: string;
  activityDate: string;
  projectNumber: string | null;
  channels: string[];
  credits: number;
  /** Its value under the rules before recognition, year and caps. */
  faceCredits: number;
  class: CreditClass | null;
  reasons: string[];
}

/**
 * The policy in force for a place and year, and from which year its claims count (a
 * stage rule reaches back over the stage's years for units subject to it).
 */
export function yearPolicyOf(
  registry: PolicyRegistry,
  where: UnitPlace,
  year: number,
): { ok: true; value: YearPolicy } | { ok: false; message: string } {
  const resolved = registry.resolve(where.place, year);
  if (!resolved.ok) return { ok: false, message: resolved.message };
  const stage = resolved.policy.rules.stage;
  const fromYear = stage && where.unitLevel ? year - stage.years + 1 : year;
  return { ok: true, value: { policy: resolved.policy, fromYear } };
}

/** A stored claim's activity, as the rules engine reads it (its id is the claim id). */
export function activityOfClaim(claim: Pick<StandingClaim, 'id' | 'activity'>): Activity {
  const parsed = activitySchema.safeParse({ ...claim.activity, id: claim.id });
  // Intake stored it after parsing it with the same schema: failing here is a bug.
  if (!parsed.success) throw new Error(`claim ${claim.id}: stored activity no longer parses`);
  return parsed.data;
}

/**
 * The rules engine's year over the effective claims of `year` (and, for a stage rule, of
 * the stage's earlier years). With `includePending`, the year's pending claims count too.
 */
export function evaluateClaimsOfYear(
  yp: YearPolicy,
  where: UnitPlace,
  year: number,
  claims: readonly Pick<StandingClaim, 'id' | 'year' | 'status' | 'activity'>[],
  includePending = false,
): YearReport {
  const counted = claims.filter(
    (c) =>
      (c.status === 'effective' && c.year >= yp.fromYear && c.year <= year) ||
      (includePending && c.year === year && isPendingStatus(c.status)),
  );
  const result = evaluateYear({
    policy: yp.policy,
    place: where.place,
    person: { unitLevel: where.unitLevel },
    activities: counted.map(activityOfClaim),
  });
  if (!result.ok) throw new Error(`year ${String(year)}: ${result.problem.message}`);
  return result.report;
}

function monthOf(date: string, year: number): number {
  const y = Number(date.slice(0, 4));
  if (y < year) return 0;
  if (y > year) return 11;
  return Number(date.slice(5, 7)) - 1;
}

/** The standing of `year` from the person's claims (effective of the stage's years, pending of the year). */
export function yearStanding(
  yp: YearPolicy,
  where: UnitPlace,
  year: number,
  claims: readonly StandingClaim[],
): { standing: YearStanding; report: YearReport } {
  const report = evaluateClaimsOfYear(yp, where, year, claims);
  const thisYear = claims.filter((c) => c.year === year);
  const pending = thisYear.filter((c) => isPendingStatus(c.status));
  let pendingCredits = 0;
  if (pending.length > 0) {
    const hoped = evaluateClaimsOfYear(yp, where, year, claims, true);
    pendingCredits = Math.max(
      0,
      tenthsToCredits(creditsToTenths(hoped.totalCredits) - creditsToTenths(report.totalCredits)),
    );
  }
  const claimOf = new Map(thisYear.map((c) => [c.id, c]));
  const dateOf = new Map(thisYear.map((c) => [c.id, c.activityDate]));
  const monthlyTenths = new Array<number>(12).fill(0);
  for (const a of report.activities) {
    const date = dateOf.get(a.id);
    if (date === undefined) continue;
    const m = monthOf(date, year);
    monthlyTenths[m] = (monthlyTenths[m] ?? 0) + creditsToTenths(a.credits);
  }
  const channelOf = new Map(thisYear.map((c) => [c.id, c.channel]));
  const channelTenths = new Map<string, number>();
  for (const a of report.activities) {
    const channel = channelOf.get(a.id);
    if (channel === undefined || a.credits === 0) continue;
    channelTenths.set(channel, (channelTenths.get(channel) ?? 0) + creditsToTenths(a.credits));
  }
  const total = report.requirements.find((r) => r.code === 'annual_total');
  return {
    report,
    standing: {
      year,
      packs: report.packs.map((id) => ({ id, version: report.packVersions[id] ?? '' })),
      compliant: report.compliant,
      totalCredits: report.totalCredits,
      classCredits: report.classCredits,
      requirements: report.requirements,
      required: total?.required ?? 0,
      shortfall: total?.shortfall ?? 0,
      unmet: report.requirements.filter((r) => !r.met).map((r) => r.code),
      stage: report.stage ?? null,
      fullYear: report.fullYear ?? null,
      certificateHours: report.certificateHours ?? null,
      pendingCount: pending.length,
      pendingCredits,
      monthlyCredits: monthlyTenths.map(tenthsToCredits),
      activities: report.activities.flatMap((a) => {
        const claim = claimOf.get(a.id);
        if (!claim) return [];
        return [
          {
            claimId: a.id,
            activityType: claim.activityType ?? a.type,
            activityDate: claim.activityDate,
            projectNumber: claim.projectNumber ?? null,
            channels: [...(claim.channels ?? [claim.channel])],
            credits: a.credits,
            faceCredits: a.faceCredits,
            class: a.class,
            reasons: a.reasons,
          },
        ];
      }),
      channelCredits: Object.fromEntries(
        [...channelTenths]
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([k, v]) => [k, tenthsToCredits(v)]),
      ),
    },
  };
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
  }
  return value;
}

/** The standing as one comparable string (key order and absent keys do not matter). */
export function standingKey(standing: YearStanding): string {
  return JSON.stringify(sortKeys(standing));
}

/** The fields where two standings differ (empty when they are the same). */
export function standingDifferences(a: YearStanding, b: YearStanding): string[] {
  const keys = Object.keys(a) as (keyof YearStanding)[];
  return keys.filter((k) => JSON.stringify(sortKeys(a[k])) !== JSON.stringify(sortKeys(b[k])));
}
