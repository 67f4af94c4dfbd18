import { chinaDay } from '../../platform/clock';

/** China Standard Time is UTC+8 all year (no daylight saving). */
const chinaOffsetHours = 8;
export const quietFromHour = 22;
export const quietUntilHour = 8;

/** Whether `at` falls in the quiet hours, 22:00–08:00 China time. */
export function isQuietHour(at: Date): boolean {
  const hour = (at.getUTCHours() + chinaOffsetHours) % 24;
  return hour >= quietFromHour || hour < quietUntilHour;
}

/**
 * When a message held for the quiet hours may go: `at` itself outside them, else the next
 * 08:00 China time (which is 00:00 UTC of that China day).
 */
export function quietHoursEnd(at: Date): Date {
  if (!isQuietHour(at)) return at;
  const hour = (at.getUTCHours() + chinaOffsetHours) % 24;
  return new Date(`${chinaDay(at, hour >= quietFromHour ? 1 : 0)}T00:00:00.000Z`);
}
