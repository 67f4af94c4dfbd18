import type { EvidenceDocumentKind } from '@jijiao/contracts';
import type { ActivityField } from '../activity-fields';

/** Today as `YYYY-MM-DD` in the browser's time zone (where the person is). */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(now.getFullYear())}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type DateProblem = 'future' | 'closedYear';

/**
 * What is wrong with an activity date on a self-report: later than today, or in a year that
 * no longer takes self-reports (only the open years do; credits count in the year entered).
 */
export function dateProblemOf(
  date: string,
  today: string,
  openYears: readonly number[],
): DateProblem | null {
  if (date > today) return 'future';
  if (openYears.length > 0 && !openYears.includes(Number(date.slice(0, 4)))) return 'closedYear';
  return null;
}

export type CountProblem = 'wholeNumber' | 'positive' | 'notNegative';

/** What is wrong with a number typed into a field of this kind (blank is the required rule's). */
export function countProblemOf(field: ActivityField, value: unknown): CountProblem | null {
  if (typeof value !== 'number' || Number.isNaN(value)) return null;
  if (field.kind === 'integer') return Number.isInteger(value) && value >= 1 ? null : 'wholeNumber';
  if (field.kind !== 'number') return null;
  if (field.name === 'awardedCredits') return value >= 0 ? null : 'notNegative';
  return value > 0 ? null : 'positive';
}

/**
 * The documents asked for that no file is yet: each file says which document it is, and a
 * document is there once one file is it.
 */
export function missingDocumentsOf(
  asked: readonly EvidenceDocumentKind[],
  files: readonly { kind?: EvidenceDocumentKind | undefined }[],
): EvidenceDocumentKind[] {
  const there = new Set(files.map((f) => f.kind));
  return asked.filter((kind) => !there.has(kind));
}
