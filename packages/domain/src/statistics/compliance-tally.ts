/**
 * Compliance statistics (统计报表): how many people of a group meet the year's requirements,
 * overall and broken down by any grouping (profession, title grade, unit). Pure arithmetic
 * over results the rules engine already gave.
 */
export interface TallyPerson<D extends string> {
  compliant: boolean;
  totalCredits: number;
  groups: Readonly<Record<D, string>>;
}

export interface Tally {
  staff: number;
  compliant: number;
  /** Percent of staff compliant, one decimal (0 when there is nobody). */
  rate: number;
  /** Mean credits per person, one decimal (0 when there is nobody). */
  averageCredits: number;
}

export type GroupTally = Tally & { key: string };

/** A non-negative ratio as one decimal, half up. */
function oneDecimal(numerator: number, denominator: number): number {
  return Math.floor((numerator * 20 + denominator) / (2 * denominator)) / 10;
}

/**
 * The tally of a group from its counts (what a `GROUP BY` gives): staff, compliant and
 * the sum of their credits in whole tenths.
 */
export function tallyOfCounts(counts: {
  staff: number;
  compliant: number;
  creditTenths: number;
}): Tally {
  const { staff, compliant, creditTenths } = counts;
  return {
    staff,
    compliant,
    rate: staff === 0 ? 0 : oneDecimal(compliant * 100, staff),
    averageCredits: staff === 0 ? 0 : oneDecimal(creditTenths, staff * 10),
  };
}

/** Groups where attention is needed first: lowest rate, then most staff, then key. */
export function byAttention(a: GroupTally, b: GroupTally): number {
  return a.rate - b.rate || b.staff - a.staff || a.key.localeCompare(b.key);
}

function tallyOf(people: readonly TallyPerson<string>[]): Tally {
  return tallyOfCounts({
    staff: people.length,
    compliant: people.filter((p) => p.compliant).length,
    // Credits carry one decimal: sum them as whole tenths.
    creditTenths: people.reduce((sum, p) => sum + Math.round(p.totalCredits * 10), 0),
  });
}

/**
 * The overall tally and one list per dimension, groups ordered by lowest rate first (where
 * attention is needed), then most staff, then key.
 */
export function tallyCompliance<D extends string>(
  people: readonly TallyPerson<D>[],
  dimensions: readonly D[],
): { overall: Tally; by: Record<D, GroupTally[]> } {
  const by = {} as Record<D, GroupTally[]>;
  for (const dimension of dimensions) {
    const groups = new Map<string, TallyPerson<D>[]>();
    for (const person of people) {
      const key = person.groups[dimension];
      const members = groups.get(key);
      if (members) members.push(person);
      else groups.set(key, [person]);
    }
    by[dimension] = [...groups]
      .map(([key, members]) => ({ key, ...tallyOf(members) }))
      .sort(byAttention);
  }
  return { overall: tallyOf(people), by };
}
