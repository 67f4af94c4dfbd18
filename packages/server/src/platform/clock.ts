/** The server's only source of time, so tests can move it (idle timeouts, lockouts). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const chinaOffsetMs = 8 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in China Standard Time (UTC+8, no daylight saving), plus days. */
export function chinaDay(at: Date, plusDays = 0): string {
  return new Date(at.getTime() + chinaOffsetMs + plusDays * 86_400_000).toISOString().slice(0, 10);
}

/** The credit year (the calendar year in China Standard Time) at `at`. */
export function chinaYear(at: Date): number {
  return new Date(at.getTime() + chinaOffsetMs).getUTCFullYear();
}

/** Milliseconds from `now` to the next `minute` after midnight in China (UTC+8, no DST). */
export function msUntilChinaMinute(now: Date, minute: number): number {
  const chinaOffset = 8 * 60 * 60_000;
  const day = 86_400_000;
  const sinceChinaMidnight = (now.getTime() + chinaOffset) % day;
  const wait = (minute * 60_000 - sinceChinaMidnight + day) % day;
  return wait === 0 ? day : wait;
}
