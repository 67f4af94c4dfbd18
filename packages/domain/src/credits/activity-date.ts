/**
 * Whether an activity dated `date` lies after `today` (both `YYYY-MM-DD`, the same calendar):
 * a person reports what has happened, never what is yet to come.
 */
export function isActivityInFuture(date: string, today: string): boolean {
  return date > today;
}
