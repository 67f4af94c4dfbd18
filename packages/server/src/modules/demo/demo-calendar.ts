import { chinaYear } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { CalendarRepository } from '../calendar/calendar.repository';

/**
 * The demo province's calendar of the seeding year (ADR 0039), so the home pages show days
 * left and the reminders have a deadline: entry closes with the year (as Hunan's notice
 * counts credits in the year entered), units audit in January, cities in February, the
 * province files in March; the early-audit window for title applicants is Chengdu
 * Jinjiang's of 2020 (entry and review until 10-14) moved to this year.
 */
export function demoCalendarDays(year: number) {
  const next = String(year + 1);
  const y = String(year);
  return {
    year,
    entryCloses: `${y}-12-31`,
    unitAuditDue: `${next}-01-31`,
    cityAuditDue: `${next}-02-28`,
    provinceFiling: `${next}-03-31`,
    earlyAuditOpens: `${y}-09-24`,
    earlyAuditCloses: `${y}-10-14`,
  };
}

export async function seedDemoCalendar(
  tx: Tx,
  provinceId: string,
  seededAt: Date,
  userId: string | null,
): Promise<void> {
  await new CalendarRepository().upsert(tx, {
    ...demoCalendarDays(chinaYear(seededAt)),
    provinceId,
    updatedBy: userId,
    updatedAt: seededAt,
    note: '演示数据：省继教办设置的年度日历',
  });
}
