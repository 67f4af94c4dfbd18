/** Why an activity counts for less than its face value (or not at all) this year. */
export const reasonCodes = [
  /** The project's credits reached its per-project cap. */
  'capped_per_project',
  /** A yearly cap over a kind of activity was reached. */
  'capped_per_year',
  /** Hosted in another province, at a level the rules here do not recognise. */
  'not_recognised_out_of_province',
  /** The activity belongs to another year. */
  'outside_year',
  /** Only whole units count (1 per whole 1,000 words): the rest is dropped. */
  'below_unit',
  /** An author or team rank beyond those the table credits. */
  'rank_not_credited',
  /** The policy in force gives no credit for this kind of activity. */
  'not_valued_by_policy',
  /** A residency year (规培) whose assessment was not passed: no credit for it. */
  'residency_assessment_failed',
  /**
   * A project of a level the packs ask to be filed (备案) that the registry does not hold:
   * refused where claims enter, shown at 0 in an evaluation given the registry.
   */
  'project_not_filed',
] as const;

export type ReasonCode = (typeof reasonCodes)[number];
