/** The year's requirements, each with what was required, earned, met and the shortfall. */
import type { PolicyRules } from './policy-schema';
import { creditsToTenths, tenthsToCredits } from './tenths';
import type { CreditClass } from './vocabulary';

export interface RequirementResult {
  code: string;
  required: number;
  earned: number;
  met: boolean;
  shortfall: number;
  /** Hours the measures set beside the credits (the 2024 measures: 90 hours). */
  requiredHours?: number;
  /** Met by a rule that satisfies the whole year (three months of further study …). */
  waivedBy?: string;
}

export function buildRequirement(
  code: string,
  requiredCredits: number,
  earnedTenths: number,
  waivedBy?: string,
): RequirementResult {
  const requiredTenths = creditsToTenths(requiredCredits);
  const shortfall = waivedBy ? 0 : Math.max(0, requiredTenths - earnedTenths);
  return {
    code,
    required: requiredCredits,
    earned: tenthsToCredits(earnedTenths),
    met: shortfall === 0,
    shortfall: tenthsToCredits(shortfall),
    ...(waivedBy ? { waivedBy } : {}),
  };
}

/** The annual total and the per-class minimums; classes do not substitute for each other. */
export function evaluateRequirements(
  rules: PolicyRules,
  totalTenths: number,
  classTenths: Partial<Record<CreditClass, number>>,
  waivedBy: string | undefined,
): RequirementResult[] {
  const { annualTotal, classMinimums } = rules.requirements;
  const total = buildRequirement('annual_total', annualTotal.credits, totalTenths, waivedBy);
  if (annualTotal.hours !== undefined) total.requiredHours = annualTotal.hours;
  const results = [total];
  for (const creditClass of rules.classes) {
    const minimum = classMinimums[creditClass];
    if (!minimum) continue;
    results.push(
      buildRequirement(
        `class_${creditClass}_minimum`,
        minimum.credits,
        classTenths[creditClass] ?? 0,
        waivedBy,
      ),
    );
  }
  return results;
}
