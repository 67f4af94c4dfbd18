/**
 * The first pass of a year's evaluation: each activity valued, attributed to a year and
 * checked for recognition. Caps come after, over the entries that still count.
 */
import type { Activity } from './activity-schema';
import type { CapEntry } from './apply-caps';
import { attributeYear, isRecognised } from './attribute-year';
import type { PolicyRules } from './policy-schema';
import type { InputProblem } from './scenario-input';
import { valueActivity } from './value-activity';
import type { CreditClass } from './vocabulary';

export interface YearEntry extends CapEntry {
  /** Value before recognition, year and caps, in tenths. */
  faceTenths: number;
  class: CreditClass | null;
  /** The year the activity belongs to. */
  year: number;
  isRecognised: boolean;
}

export type YearEntriesResult =
  { ok: true; entries: YearEntry[] } | { ok: false; problem: InputProblem };

export function buildYearEntries(
  rules: PolicyRules,
  year: number,
  province: string,
  activities: readonly Activity[],
): YearEntriesResult {
  const entries: YearEntry[] = [];
  for (const [index, activity] of activities.entries()) {
    const valued = valueActivity(rules, activity);
    if (!valued.ok) {
      const field = `activities[${index}].${valued.field}`;
      return { ok: false, problem: { field, message: valued.message } };
    }
    const { tenths, reasons, projectCap } = valued.valuation;
    const entry: YearEntry = {
      activity,
      tenths,
      faceTenths: tenths,
      class: valued.valuation.class,
      reasons: [...reasons],
      projectCap,
      year: attributeYear(rules, activity),
      isRecognised: isRecognised(rules, activity, province),
    };
    if (entry.year !== year) entry.reasons.push('outside_year');
    else if (!entry.isRecognised) entry.reasons.push('not_recognised_out_of_province');
    if (entry.year !== year || !entry.isRecognised) entry.tenths = 0;
    entries.push(entry);
  }
  return { ok: true, entries };
}
