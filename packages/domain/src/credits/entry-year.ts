/**
 * Where a pack says credits count only in the year they are entered (Hunan: 继续医学教育学分
 * 按年度录入，方可视为当年有效学分), a credit year closes with its last day, as the annual
 * audit of it may open only once it has ended: after that day, no activity of the year may
 * be entered by any channel.
 */

/** A credit year closed to entry, and the day it closed. */
export interface ClosedEntryYear {
  year: number;
  /** The year's last day (YYYY-MM-DD), after which its activities are refused. */
  closedOn: string;
}

/** The last day on which an activity of `year` may be entered where entry decides the year. */
export function entryYearClosedOn(year: number): string {
  return `${String(year)}-12-31`;
}

/**
 * The closed year refusing this entry, or null when it may be entered: always where the
 * packs do not tie credits to the year of entry, else only until the year's last day.
 * `today` is the calendar day of entry (YYYY-MM-DD, the province's calendar).
 */
export function findClosedEntryYear(
  valuation: { year: number; entryYearOnly: boolean },
  today: string,
): ClosedEntryYear | null {
  if (!valuation.entryYearOnly) return null;
  const closedOn = entryYearClosedOn(valuation.year);
  return today > closedOn ? { year: valuation.year, closedOn } : null;
}
