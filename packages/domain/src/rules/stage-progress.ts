/**
 * The 2006 measures' stage rule: staff of provincial-level units earn at least 10 credits
 * from national projects within each 5-year stage. A year's evaluation sees one year, so
 * before the stage's last year this is progress; in the last year it is a requirement.
 */
import type { Activity } from './activity-schema';
import type { PolicyRules } from './policy-schema';
import { buildRequirement, type RequirementResult } from './requirements';
import { tenthsToCredits } from './tenths';
import type { UnitLevel } from './vocabulary';

export interface StageProgress {
  /** `stage_national_projects` under the 2006 measures. */
  code: string;
  firstYear: number;
  lastYear: number;
  required: number;
  earned: number;
  shortfall: number;
  met: boolean;
  /** True in the stage's last year, when the shortfall can no longer be made up. */
  isFinalYear: boolean;
}

export interface StageCredit {
  activity: Activity;
  year: number;
  tenths: number;
}

export function evaluateStage(
  rules: PolicyRules,
  unitLevel: UnitLevel | undefined,
  year: number,
  credits: readonly StageCredit[],
): { progress: StageProgress; requirement?: RequirementResult } | undefined {
  const stage = rules.stage;
  if (!stage || !unitLevel || !stage.unitLevels.includes(unitLevel)) return undefined;
  // Stages run firstYear … firstYear + years − 1, then the next, also backwards in time.
  const offset = (((year - stage.firstYear) % stage.years) + stage.years) % stage.years;
  const firstYear = year - offset;
  const lastYear = firstYear + stage.years - 1;
  const earnedTenths = credits
    .filter(
      ({ activity, year: y }) =>
        activity.type === 'project' &&
        activity.level === stage.projectLevel &&
        y >= firstYear &&
        y <= year,
    )
    .reduce((sum, credit) => sum + credit.tenths, 0);
  const code = `stage_${stage.projectLevel}_projects`;
  const result = buildRequirement(code, stage.credits, earnedTenths);
  const isFinalYear = year === lastYear;
  const progress: StageProgress = {
    code,
    firstYear,
    lastYear,
    required: result.required,
    earned: tenthsToCredits(earnedTenths),
    shortfall: result.shortfall,
    met: result.met,
    isFinalYear,
  };
  return isFinalYear ? { progress, requirement: result } : { progress };
}
