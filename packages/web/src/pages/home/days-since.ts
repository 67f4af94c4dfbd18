const dayMs = 86_400_000;

/** Whole days from `iso` until now (never negative): how long something has waited. */
export function daysSince(iso: string, now: number = Date.now()): number {
  return Math.max(0, Math.floor((now - Date.parse(iso)) / dayMs));
}
