import { addDays, daysBetween } from '../calendar/province-calendar';

/**
 * The reminder rules' pure part (ADR 0039): which milestone before a deadline is due on a
 * day, and what counts as behind. The server applies them set-based over the stored
 * standings; each rule fires once per person, rule and milestone date, whatever the runs.
 */

/** Learners behind (and their unit officers) are reminded 90, 30 and 7 days before entry closes. */
export const entryReminderOffsetsDays = [90, 30, 7] as const;
/** Unit officers are reminded 30 and 7 days before their unit's audit is due. */
export const auditReminderOffsetsDays = [30, 7] as const;

export interface DueMilestone {
  /** Days before the deadline the milestone stands. */
  offsetDays: number;
  /** The milestone's day (deadline − offset): part of the dedupe key. */
  on: string;
  deadline: string;
  /** Days left from `asOf` to the deadline. */
  daysLeft: number;
}

/**
 * The milestone due on `asOf`: the nearest one to the deadline whose day has come, while
 * the deadline has not passed. A run that missed a day still sends it (catch-up); once a
 * later milestone's day comes, the earlier one is no longer due.
 */
export function dueMilestone(
  deadline: string,
  asOf: string,
  offsetsDays: readonly number[],
): DueMilestone | null {
  const daysLeft = daysBetween(asOf, deadline);
  if (daysLeft < 0) return null;
  const reached = offsetsDays.filter((offset) => offset >= daysLeft);
  if (reached.length === 0) return null;
  const offsetDays = Math.min(...reached);
  return { offsetDays, on: addDays(deadline, -offsetDays), deadline, daysLeft };
}

/** A rule's dedupe key: the rule, its milestone (or day) and the subject it is about. */
export function reminderDedupeKey(rule: string, on: string, subject: string): string {
  return `${rule}:${on}:${subject}`;
}

/** A standing as the rules read it. */
export interface StandingForReminder {
  compliant: boolean;
  shortfall: number;
  requirements: readonly { code: string; met: boolean; shortfall: number }[];
}

/** Behind: not compliant with the year's requirements as stored. */
export function isBehind(standing: Pick<StandingForReminder, 'compliant'>): boolean {
  return !standing.compliant;
}

/**
 * What a learner still needs, compact (`code:credits` joined by `;`), as the set-based
 * query builds it in SQL from the standing's unmet requirements.
 */
export function needsOf(standing: StandingForReminder): string {
  return standing.requirements
    .filter((r) => !r.met && r.shortfall > 0)
    .map((r) => `${r.code}:${String(r.shortfall)}`)
    .join(';');
}

/** The requirements' names in Chinese, for reminders written without the web's words. */
export const requirementWordsZh: Readonly<Record<string, string>> = {
  annual_total: '年度总学分',
  class_I_minimum: 'Ⅰ类学分',
  class_II_minimum: 'Ⅱ类学分',
  stage_national_projects: '周期内国家级项目学分',
  stage_provincial_projects: '周期内省级项目学分',
  stage_municipal_projects: '周期内市级项目学分',
  stage_unit_projects: '周期内院级项目学分',
};

/** `needsOf`'s text in one line for people: 「年度总学分还差 12.5 学分；Ⅰ类学分还差 5 学分」. */
export function needsLineZh(needs: string): string {
  if (needs === '') return '已达标';
  return needs
    .split(';')
    .map((part) => {
      const [code = '', credits = ''] = part.split(':');
      return `${requirementWordsZh[code] ?? code}还差 ${credits} 学分`;
    })
    .join('；');
}

/** Hosts are reminded 7 and 30 days after a project ended without its report (ACCME: 30 days). */
export const hostReportOffsetsDays = [7, 30] as const;

/**
 * The reminder rules and the notification kind each writes. `reviews_waiting` and
 * `host_unreported` do not hang on the calendar: they run for every province every day.
 */
export const reminderRules = {
  learner_behind: 'reminder_learner_behind',
  unit_staff_behind: 'reminder_unit_staff_behind',
  unit_audit_due: 'reminder_unit_audit_due',
  reviews_waiting: 'reminder_reviews_waiting',
  host_unreported: 'reminder_host_unreported',
} as const;
export type ReminderRule = keyof typeof reminderRules;
export type ReminderKind = (typeof reminderRules)[ReminderRule];

/**
 * The first day whose arrivals have not yet waited longer than `waitingDays` on `asOf`:
 * a claim waiting at a reviewer since a China day before it is overdue.
 */
export function overdueBefore(asOf: string, waitingDays: number): string {
  return addDays(asOf, -waitingDays);
}

/**
 * Milestones after a day (a project's end): the latest `day + offset` reached on `asOf`,
 * or null before the first. Like `dueMilestone`, a missed run still sends it.
 */
export function dueAfter(day: string, asOf: string, offsetsDays: readonly number[]): string | null {
  const reached = offsetsDays.filter((offset) => addDays(day, offset) <= asOf);
  return reached.length === 0 ? null : addDays(day, Math.max(...reached));
}
