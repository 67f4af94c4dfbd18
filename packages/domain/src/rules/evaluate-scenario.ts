/**
 * The whole `jijiao rules evaluate` path: parse the input, resolve the packs for its place
 * and year, evaluate. Every way it can fail is a value naming the field.
 */
import { evaluateYear, type YearReport } from './evaluate-year';
import type { PolicyRegistry } from './resolve-policy';
import { parseScenarioInput, type InputProblem } from './scenario-input';

export type EvaluateScenarioResult =
  { ok: true; report: YearReport } | { ok: false; problem: InputProblem };

export function evaluateScenario(registry: PolicyRegistry, input: unknown): EvaluateScenarioResult {
  const parsed = parseScenarioInput(input);
  if (!parsed.ok) return parsed;
  const { year, place, person, activities } = parsed.value;
  const resolution = registry.resolve(place, year);
  if (!resolution.ok) return { ok: false, problem: { field: 'year', message: resolution.message } };
  return evaluateYear({ policy: resolution.policy, place, person, activities });
}

/** `field: message`, the one line a person fixing the input needs. */
export function formatInputProblem(problem: InputProblem): string {
  return `${problem.field}: ${problem.message}`;
}
