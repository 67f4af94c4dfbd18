/**
 * One person's year under the resolved policy: every activity valued, recognised, attributed
 * to a year and capped, then the totals and the requirements. Pure: data in, report out.
 */
import type { Activity } from './activity-schema';
import { applyProjectCaps, applyYearCaps } from './apply-caps';
import type { ReasonCode } from './reasons';
import { evaluateRequirements, type RequirementResult } from './requirements';
import type { Place, ResolvedPolicy } from './resolve-policy';
import type { InputProblem } from './scenario-input';
import { evaluateStage, type StageCredit, type StageProgress } from './stage-progress';
import { sumDecimals, tenthsToCredits } from './tenths';
import { isYearSatisfyingResidency } from './value-activity';
import type { CreditClass, UnitLevel } from './vocabulary';
import { buildYearEntries, type YearEntry } from './year-entries';

export interface ActivityResult {
  id: string;
  type: Activity['type'];
  /** What the activity counts for this year, after recognition and caps. */
  credits: number;
  /** Its value under the rules before recognition, year and caps. */
  faceCredits: number;
  class: CreditClass | null;
  reasons: ReasonCode[];
}

export interface FullYearResult {
  requiredMonths: number;
  months: number;
  met: boolean;
}

export interface YearReport {
  year: number;
  /** The packs that decided, most general first, and their versions. */
  packs: string[];
  packVersions: Record<string, string>;
  compliant: boolean;
  totalCredits: number;
  /** Credits per class in force; {} under rules without classes. */
  classCredits: Partial<Record<CreditClass, number>>;
  activities: ActivityResult[];
  requirements: RequirementResult[];
  fullYear?: FullYearResult;
  stage?: StageProgress;
  /** Hours of training the annual certificate counts for (Hunan: 60); 0 when not earned. */
  certificateHours?: number;
}

export interface EvaluateYearInput {
  policy: ResolvedPolicy;
  place: Place;
  person: { unitLevel?: UnitLevel | undefined };
  activities: readonly Activity[];
}

export type EvaluateYearResult =
  { ok: true; report: YearReport } | { ok: false; problem: InputProblem };

function sumTenths(entries: readonly YearEntry[]): number {
  return entries.reduce((sum, e) => sum + e.tenths, 0);
}

function evaluateFullYear(
  policy: ResolvedPolicy,
  entries: YearEntry[],
): FullYearResult | undefined {
  const rule = policy.rules.fullYear;
  if (!rule) return undefined;
  const months = sumDecimals(
    entries
      .filter(
        (e) => e.year === policy.year && e.isRecognised && rule.types.includes(e.activity.type),
      )
      .map((e) => ('months' in e.activity ? e.activity.months : 0)),
  );
  return { requiredMonths: rule.months, months, met: months >= rule.months };
}

/** A residency year of this year, recognised and passed, where it satisfies the year. */
function hasResidencyYear(policy: ResolvedPolicy, entries: readonly YearEntry[]): boolean {
  return entries.some(
    (e) =>
      e.year === policy.year &&
      e.isRecognised &&
      isYearSatisfyingResidency(policy.rules, e.activity),
  );
}

/**
 * Credits towards a stage: this year's as counted; earlier years' recognised activities,
 * when the input carries them, at face value within their per-project caps.
 */
function stageCredits(entries: readonly YearEntry[], year: number): StageCredit[] {
  const earlier = entries
    .filter((e) => e.year < year && e.isRecognised)
    .map((e) => ({ ...e, tenths: e.faceTenths, reasons: [] }));
  applyProjectCaps(earlier);
  return [...entries.filter((e) => e.year === year), ...earlier];
}

export function evaluateYear(input: EvaluateYearInput): EvaluateYearResult {
  const { policy, place, person } = input;
  const { rules, year } = policy;
  const built = buildYearEntries(rules, year, place.province, input.activities);
  if (!built.ok) return built;
  const { entries } = built;
  const counted = entries.filter((e) => e.tenths > 0);
  applyProjectCaps(counted);
  applyYearCaps(rules, counted);

  const classTenths: Partial<Record<CreditClass, number>> = {};
  for (const name of rules.classes) {
    classTenths[name] = sumTenths(entries.filter((e) => e.class === name));
  }
  const fullYearResult = evaluateFullYear(policy, entries);
  let waivedBy: string | undefined;
  if (fullYearResult?.met) waivedBy = 'full_year';
  else if (hasResidencyYear(policy, entries)) waivedBy = 'residency';
  const requirements = evaluateRequirements(rules, sumTenths(entries), classTenths, waivedBy);
  const stage = evaluateStage(rules, person.unitLevel, year, stageCredits(entries, year));
  if (stage?.requirement) requirements.push(stage.requirement);
  const compliant = requirements.every((r) => r.met);

  const report: YearReport = {
    year,
    packs: policy.packs.map((p) => p.id),
    packVersions: Object.fromEntries(policy.packs.map((p) => [p.id, p.version])),
    compliant,
    totalCredits: tenthsToCredits(sumTenths(entries)),
    classCredits: Object.fromEntries(
      Object.entries(classTenths).map(([name, tenths]) => [name, tenthsToCredits(tenths)]),
    ),
    activities: entries.map((e) => ({
      id: e.activity.id,
      type: e.activity.type,
      credits: tenthsToCredits(e.tenths),
      faceCredits: tenthsToCredits(e.faceTenths),
      class: e.class,
      reasons: e.reasons,
    })),
    requirements,
    ...(fullYearResult ? { fullYear: fullYearResult } : {}),
    ...(stage ? { stage: stage.progress } : {}),
    ...(rules.certificate ? { certificateHours: compliant ? rules.certificate.hours : 0 } : {}),
  };
  return { ok: true, report };
}
