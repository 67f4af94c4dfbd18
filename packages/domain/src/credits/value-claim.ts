/**
 * The face value of one claimed activity for a person's place: the packs in force for the
 * year the activity belongs to, its credits, class and reasons. What a claim stores.
 */
import { activitySchema, type Activity } from '../rules/activity-schema';
import { attributeYear } from '../rules/attribute-year';
import { formatPath } from '../rules/policy-pack';
import type { PolicyRules } from '../rules/policy-schema';
import type { ReasonCode } from '../rules/reasons';
import type { Place, PolicyRegistry } from '../rules/resolve-policy';
import { tenthsToCredits } from '../rules/tenths';
import { valueActivity } from '../rules/value-activity';
import type { CreditClass } from '../rules/vocabulary';

export interface ClaimValuation {
  activity: Activity;
  year: number;
  credits: number;
  class: CreditClass | null;
  reasons: ReasonCode[];
  packs: { id: string; version: string }[];
  /** The rules the packs resolved to: the evidence and filed-project checks read them. */
  rules: PolicyRules;
  /** The packs of the year say credits count only in the year they are entered (Hunan). */
  entryYearOnly: boolean;
}

export type ClaimValuationResult =
  { ok: true; value: ClaimValuation } | { ok: false; field: string; message: string };

/** Parses the activity (the claim id becomes its `id`) and values it; problems name the field. */
export function valueClaim(
  registry: PolicyRegistry,
  place: Place,
  claimId: string,
  input: unknown,
): ClaimValuationResult {
  const raw = typeof input === 'object' && input !== null ? { ...input, id: claimId } : input;
  const parsed = activitySchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = formatPath(issue?.path ?? []);
    return {
      ok: false,
      field: field === '(root)' ? 'type' : field,
      message: issue?.message ?? 'is invalid',
    };
  }
  const activity = parsed.data;
  let year = Number(activity.date.slice(0, 4));
  let resolved = registry.resolve(place, year);
  if (resolved.ok) {
    const attributed = attributeYear(resolved.policy.rules, activity);
    if (attributed !== year) {
      year = attributed;
      resolved = registry.resolve(place, year);
    }
  }
  if (!resolved.ok) return { ok: false, field: 'date', message: resolved.message };
  const valued = valueActivity(resolved.policy.rules, activity);
  if (!valued.ok) return { ok: false, field: valued.field, message: valued.message };
  const { tenths, reasons } = valued.valuation;
  return {
    ok: true,
    value: {
      activity,
      year,
      credits: tenthsToCredits(tenths),
      class: valued.valuation.class,
      reasons: [...reasons],
      packs: resolved.policy.packs,
      rules: resolved.policy.rules,
      entryYearOnly: resolved.policy.rules.entryYear !== null,
    },
  };
}
