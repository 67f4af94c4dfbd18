/**
 * The whole `jijiao rules evaluate` path: parse the input, resolve the packs for its place
 * and year, evaluate. Every way it can fail is a value naming the field.
 */
import { checkFiledProject, type FiledProject } from '../credits/filed-project';
import type { Activity } from './activity-schema';
import { evaluateYear, type ActivityResult, type YearReport } from './evaluate-year';
import type { PolicyRules } from './policy-schema';
import type { PolicyRegistry } from './resolve-policy';
import { parseScenarioInput, type InputProblem } from './scenario-input';

export type EvaluateScenarioResult =
  { ok: true; report: YearReport } | { ok: false; problem: InputProblem };

export function evaluateScenario(registry: PolicyRegistry, input: unknown): EvaluateScenarioResult {
  const parsed = parseScenarioInput(input);
  if (!parsed.ok) return parsed;
  const { year, place, person, activities, filedProjects } = parsed.value;
  const resolution = registry.resolve(place, year);
  if (!resolution.ok) return { ok: false, problem: { field: 'year', message: resolution.message } };
  const { rules } = resolution.policy;
  const checked = filedProjects ? checkFiled(rules, activities, filedProjects) : null;
  const evaluated = evaluateYear({
    policy: resolution.policy,
    place,
    person,
    activities: checked?.counted ?? activities,
  });
  if (!evaluated.ok || !checked || checked.unfiled.length === 0) return evaluated;
  // An unfiled project is refused where claims enter (422 project_not_filed); in a year's
  // evaluation it is listed at 0 with the reason, in its place among the activities.
  const unfiled = new Map(checked.unfiled.map((a) => [a.id, a]));
  const results = new Map(evaluated.report.activities.map((r) => [r.id, r]));
  const ordered = activities.map(
    (a): ActivityResult =>
      results.get(a.id) ?? {
        id: a.id,
        type: a.type,
        credits: 0,
        faceCredits: 0,
        class: null,
        reasons: unfiled.has(a.id) ? ['project_not_filed'] : [],
      },
  );
  return { ok: true, report: { ...evaluated.report, activities: ordered } };
}

/**
 * The filed-project check over a year's activities: matched projects take the registry's
 * values; unmatched ones are set apart.
 */
function checkFiled(
  rules: PolicyRules,
  activities: readonly Activity[],
  registry: readonly FiledProject[],
): { counted: Activity[]; unfiled: Activity[] } {
  const counted: Activity[] = [];
  const unfiled: Activity[] = [];
  for (const activity of activities) {
    if (activity.type !== 'project') {
      counted.push(activity);
      continue;
    }
    const check = checkFiledProject(rules, activity, registry);
    if (check.status === 'unmatched') unfiled.push(activity);
    else counted.push(check.status === 'matched' ? check.activity : activity);
  }
  return { counted, unfiled };
}

/** `field: message`, the one line a person fixing the input needs. */
export function formatInputProblem(problem: InputProblem): string {
  return `${problem.field}: ${problem.message}`;
}
