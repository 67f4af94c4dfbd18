/**
 * The province's calendar of a credit year (ADR 0039) and what each of its days closes.
 * All days are China-time calendar days (YYYY-MM-DD); a day named is the last day
 * something is allowed, so it closes the day after.
 */

export interface ProvinceCalendarDays {
  year: number;
  /** Last day a claim of the year may enter (any channel) or be submitted for the first time. */
  entryCloses: string;
  /** Last day units audit their staff, and the last day claims already in review may be decided. */
  unitAuditDue: string;
  cityAuditDue: string;
  provinceFiling: string;
  earlyAuditOpens: string | null;
  earlyAuditCloses: string | null;
}

/**
 * What a claim act needs open. `enter`: a new claim, a first submit, correcting a draft.
 * `finish`: resubmitting or correcting a claim already in review (returned). `review`:
 * approving, returning, rejecting or confirming a claim in review. Withdrawing and
 * voiding are never closed by date.
 */
export type CalendarAct = 'enter' | 'finish' | 'review';

export interface CalendarRefusal {
  code: 'entry_closed' | 'review_closed';
  year: number;
  /** The last day the act was allowed. */
  closedOn: string;
}

/** The day that last allows an act. */
export function lastDayFor(calendar: ProvinceCalendarDays, act: CalendarAct): string {
  return act === 'enter' ? calendar.entryCloses : calendar.unitAuditDue;
}

/** Why the calendar refuses `act` on a claim of the calendar's year `today`, or null if open. */
export function calendarRefusal(
  calendar: ProvinceCalendarDays | null,
  act: CalendarAct,
  today: string,
): CalendarRefusal | null {
  if (!calendar) return null;
  const closedOn = lastDayFor(calendar, act);
  if (today <= closedOn) return null;
  return {
    code: act === 'review' ? 'review_closed' : 'entry_closed',
    year: calendar.year,
    closedOn,
  };
}

const dayMs = 86_400_000;

function dayNumber(day: string): number {
  return (
    Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / dayMs
  );
}

/** Whole days from `today` to `day`: 0 on the day itself, negative once it has passed. */
export function daysBetween(today: string, day: string): number {
  return dayNumber(day) - dayNumber(today);
}

/** `day` moved by `days` (negative for earlier). */
export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * dayMs).toISOString().slice(0, 10);
}

export const calendarDayKeys = [
  'entryCloses',
  'unitAuditDue',
  'cityAuditDue',
  'provinceFiling',
  'earlyAuditOpens',
  'earlyAuditCloses',
] as const;
export type CalendarDayKey = (typeof calendarDayKeys)[number];

/**
 * What is wrong with a calendar as set, field by field: the days must follow each other
 * (entry closes ≤ unit audit ≤ city audit ≤ province filing; an early-audit window opens
 * before it closes, both or neither), and entry cannot close before the year begins.
 */
export function calendarProblems(
  calendar: ProvinceCalendarDays,
): { field: CalendarDayKey; message: string }[] {
  const problems: { field: CalendarDayKey; message: string }[] = [];
  const order: CalendarDayKey[] = ['entryCloses', 'unitAuditDue', 'cityAuditDue', 'provinceFiling'];
  if (calendar.entryCloses < `${String(calendar.year)}-01-01`)
    problems.push({ field: 'entryCloses', message: 'must not be before the year begins' });
  for (let i = 1; i < order.length; i += 1) {
    const before = order[i - 1];
    const key = order[i];
    if (before && key && calendar[key] !== null && calendar[before] !== null) {
      if ((calendar[key] ?? '') < (calendar[before] ?? ''))
        problems.push({ field: key, message: `must not be before ${before}` });
    }
  }
  const { earlyAuditOpens: opens, earlyAuditCloses: closes } = calendar;
  if ((opens === null) !== (closes === null))
    problems.push({
      field: opens === null ? 'earlyAuditOpens' : 'earlyAuditCloses',
      message: 'the early-audit window needs both days or neither',
    });
  else if (opens !== null && closes !== null && closes < opens)
    problems.push({ field: 'earlyAuditCloses', message: 'must not be before earlyAuditOpens' });
  return problems;
}

const daysByRole: Readonly<Record<string, readonly CalendarDayKey[]>> = {
  learner: ['entryCloses'],
  host_admin: ['entryCloses'],
  unit_admin: ['entryCloses', 'unitAuditDue', 'earlyAuditOpens', 'earlyAuditCloses'],
  reviewer: ['entryCloses', 'unitAuditDue', 'cityAuditDue', 'earlyAuditCloses'],
  province_admin: calendarDayKeys,
};

/** The calendar days that concern someone holding these roles, in the calendar's order. */
export function calendarDaysFor(roles: readonly string[]): CalendarDayKey[] {
  const wanted = new Set(roles.flatMap((role) => daysByRole[role] ?? []));
  return calendarDayKeys.filter((key) => wanted.has(key));
}

/** The days that concern these roles with days left from `today`, soonest first; unset ones left out. */
export function deadlinesFor(
  calendar: ProvinceCalendarDays,
  roles: readonly string[],
  today: string,
): { key: CalendarDayKey; date: string; daysLeft: number }[] {
  return calendarDaysFor(roles)
    .flatMap((key) => {
      const date = calendar[key];
      return date === null ? [] : [{ key, date, daysLeft: daysBetween(today, date) }];
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
