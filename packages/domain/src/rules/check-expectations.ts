/**
 * Compares a report with a scenario file's `expect`, so that scenario folders can be run
 * as tests by any package. Known keys are read through the report's activities and
 * requirements; any other key must equal the report's field of that name.
 */
import type { YearReport } from './evaluate-year';

function isDeepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  return (
    aKeys.length === bKeys.length &&
    aKeys.every((key) =>
      isDeepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

const show = (value: unknown): string =>
  value === undefined ? 'undefined' : JSON.stringify(value);

type Lookup = (report: YearReport, id: string) => unknown;

/** Expectation keys that map ids (or codes) to a field of an activity or requirement. */
const byId: Record<string, Lookup> = {
  activityCredits: (report, id) => report.activities.find((a) => a.id === id)?.credits,
  activityReasons: (report, id) => report.activities.find((a) => a.id === id)?.reasons,
  activityClasses: (report, id) => report.activities.find((a) => a.id === id)?.class,
  requirementsMet: (report, code) => report.requirements.find((r) => r.code === code)?.met,
  shortfalls: (report, code) => report.requirements.find((r) => r.code === code)?.shortfall,
  waivedBy: (report, code) => report.requirements.find((r) => r.code === code)?.waivedBy,
};

/** Every difference between the report and the expectation, as readable lines (none: match). */
export function checkExpectations(report: YearReport, expected: Record<string, unknown>): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(expected)) {
    const lookup = byId[key];
    if (lookup) {
      if (typeof value !== 'object' || value === null) {
        problems.push(`expect.${key}: must map ids to values`);
        continue;
      }
      for (const [id, want] of Object.entries(value)) {
        const got = lookup(report, id);
        if (!isDeepEqual(got, want))
          problems.push(`${key}.${id}: expected ${show(want)}, got ${show(got)}`);
      }
    } else if (!(key in report)) {
      problems.push(`${key}: the report has no such field`);
    } else {
      const got = (report as unknown as Record<string, unknown>)[key];
      if (!isDeepEqual(got, value))
        problems.push(`${key}: expected ${show(value)}, got ${show(got)}`);
    }
  }
  return problems;
}
