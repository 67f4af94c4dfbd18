/**
 * Face value of one activity under the rules in force, before recognition and caps:
 * credits in tenths (rounded half up once, here), the class, and why it is below face.
 */
import type { Activity, ProjectActivity, ResidencyActivity } from './activity-schema';
import type { PolicyRules, ProjectRule, RateRule, ResidencyRule } from './policy-schema';
import type { ReasonCode } from './reasons';
import { creditsToTenths, hasRemainder, rateToTenths } from './tenths';
import type { CreditClass } from './vocabulary';

export interface Valuation {
  tenths: number;
  class: CreditClass | null;
  reasons: ReasonCode[];
  /** Activities sharing `key` share the cap: one project recorded session by session. */
  projectCap?: { key: string; tenths: number };
}

export type ValuationResult =
  { ok: true; valuation: Valuation } | { ok: false; field: string; message: string };

const unvalued: Valuation = { tenths: 0, class: null, reasons: ['not_valued_by_policy'] };

function valued(valuation: Valuation): ValuationResult {
  return { ok: true, valuation };
}

function valueRate(rule: RateRule | undefined, quantity: number): ValuationResult {
  if (!rule) return valued(unvalued);
  const whole = rule.whole ?? false;
  const tenths = rateToTenths(quantity, rule.credits, rule.per, whole);
  const reasons: ReasonCode[] = whole && hasRemainder(quantity, rule.per) ? ['below_unit'] : [];
  return valued({ tenths, class: rule.class, reasons });
}

function valueRank(
  rule: { class: CreditClass | null; table: Partial<Record<string, number[]>> } | undefined,
  category: string,
  rank: number,
): ValuationResult {
  const row = rule?.table[category];
  if (!rule || !row) return valued(unvalued);
  const credits = row[rank - 1];
  if (credits === undefined)
    return valued({ tenths: 0, class: rule.class, reasons: ['rank_not_credited'] });
  return valued({ tenths: creditsToTenths(credits), class: rule.class, reasons: [] });
}

function pickProjectRule(
  rules: PolicyRules,
  activity: ProjectActivity,
): { rule: ProjectRule; name: string } | undefined {
  const levelRules = rules.valuation.project?.[activity.level];
  if (!levelRules) return undefined;
  if (activity.role === 'speaker') {
    return levelRules.speaker && { rule: levelRules.speaker, name: 'speaker' };
  }
  if (activity.remote && levelRules.remote) return { rule: levelRules.remote, name: 'remote' };
  return levelRules.attendee && { rule: levelRules.attendee, name: 'attendee' };
}

function valueProject(rules: PolicyRules, activity: ProjectActivity): ValuationResult {
  const picked = pickProjectRule(rules, activity);
  if (!picked) return valued(unvalued);
  const { rule, name } = picked;
  const described = `a ${activity.level} project ${name === 'remote' ? 'attended remotely' : name}`;
  const { awardedCredits, hours } = activity;
  // `hours` rules rate the hours; a record that only has the certificate's credits still
  // counts by them (within the cap) rather than being refused.
  const useAwarded =
    awardedCredits !== undefined && (rule.basis !== 'hours' || hours === undefined);
  let tenths: number;
  if (useAwarded) {
    tenths = creditsToTenths(awardedCredits);
  } else if (rule.basis === 'awarded') {
    return { ok: false, field: 'awardedCredits', message: `is required for ${described}` };
  } else if (hours === undefined) {
    return { ok: false, field: 'hours', message: `is required for ${described}` };
  } else {
    // The schema makes credits and per present for every basis but `awarded`.
    tenths = rateToTenths(hours, rule.credits ?? 0, rule.per ?? 1);
  }
  const valuation: Valuation = { tenths, class: rule.class, reasons: [] };
  if (rule.perProjectCap !== undefined) {
    const project = activity.projectNumber ?? `#${activity.id}`;
    valuation.projectCap = {
      key: `${project}|${activity.level}|${name}`,
      tenths: creditsToTenths(rule.perProjectCap),
    };
  }
  return valued(valuation);
}

/**
 * A residency year counts by its assessment: passed, it is worth what the rule says (nothing
 * in credits when it satisfies the year, see `evaluateYear`); failed, nothing. The final
 * year is no exception: it counts only with the final assessment passed (Jinjiang guide 七).
 */
function valueResidency(
  rule: ResidencyRule | undefined,
  activity: ResidencyActivity,
): ValuationResult {
  if (!rule) return valued(unvalued);
  if (!activity.assessmentPassed) {
    return valued({ tenths: 0, class: null, reasons: ['residency_assessment_failed'] });
  }
  if (rule.basis === 'satisfies_year') return valued({ tenths: 0, class: null, reasons: [] });
  // The schema makes credits and class present for `credits`.
  return valued({
    tenths: creditsToTenths(rule.credits ?? 0),
    class: rule.class ?? null,
    reasons: [],
  });
}

/** Whether the activity is a residency year that satisfies its year under these rules. */
export function isYearSatisfyingResidency(rules: PolicyRules, activity: Activity): boolean {
  return (
    activity.type === 'residency' &&
    activity.assessmentPassed &&
    rules.valuation.residency?.basis === 'satisfies_year'
  );
}

/** Values one activity; a field it needs but lacks under these rules is a problem. */
export function valueActivity(rules: PolicyRules, activity: Activity): ValuationResult {
  const v = rules.valuation;
  switch (activity.type) {
    case 'project':
      return valueProject(rules, activity);
    case 'paper':
      return valueRank(v.paper, activity.journal, activity.authorRank);
    case 'research':
      return valueRank(v.research, activity.level, activity.rank);
    case 'book':
    case 'survey_report':
    case 'written_review':
      return valueRate(v[activity.type], activity.words);
    case 'translation':
      return valueRate(v.translation, activity.characters);
    case 'unit_lecture':
    case 'case_discussion':
      return valueRate(v[activity.type]?.[activity.role], activity.times);
    case 'further_study':
    case 'degree_study':
    case 'aid_post':
      return valueRate(v[activity.type], activity.months);
    case 'online_course':
    case 'self_study':
      return valueRate(v[activity.type], activity.hours);
    case 'residency':
      return valueResidency(v.residency, activity);
  }
}
