import type { ActivityInput, ProjectLevel } from '@jijiao/contracts';

/** The activity types a unit enters for many staff at once. */
export const bulkActivityTypes = [
  'unit_lecture',
  'case_discussion',
  'project',
  'online_course',
  'residency',
] as const;
export type BulkActivityType = (typeof bulkActivityTypes)[number];

export interface BulkActivityValues {
  type: BulkActivityType;
  date?: string;
  sessionRole?: 'participant' | 'speaker';
  times?: number | null;
  hours?: number | null;
  level?: ProjectLevel;
  projectRole?: 'attendee' | 'speaker';
  projectNumber?: string;
  awardedCredits?: number | null;
  /** Residency (规培): the year assessed, of how many; the date is the assessment's. */
  trainingYear?: number | null;
  totalYears?: number | null;
  assessmentPassed?: boolean;
}

/** The form's values as one activity in the scenario format (the server checks it). */
export function toActivity(v: BulkActivityValues): ActivityInput | null {
  if (!v.date) return null;
  switch (v.type) {
    case 'unit_lecture':
    case 'case_discussion':
      return {
        type: v.type,
        date: v.date,
        role: v.sessionRole ?? 'participant',
        ...(v.times ? { times: v.times } : {}),
      };
    case 'online_course':
      return { type: v.type, date: v.date, ...(v.hours ? { hours: v.hours } : {}) };
    case 'project':
      return {
        type: 'project',
        date: v.date,
        level: v.level ?? 'unit',
        role: v.projectRole ?? 'attendee',
        ...(v.hours ? { hours: v.hours } : {}),
        ...(v.awardedCredits != null ? { awardedCredits: v.awardedCredits } : {}),
        ...(v.projectNumber?.trim() ? { projectNumber: v.projectNumber.trim() } : {}),
      };
    case 'residency':
      return {
        type: 'residency',
        date: v.date,
        ...(v.trainingYear ? { trainingYear: v.trainingYear } : {}),
        ...(v.totalYears ? { totalYears: v.totalYears } : {}),
        assessmentPassed: v.assessmentPassed === true,
      };
  }
}

/** ID numbers from pasted text or a text file: split on lines, commas, spaces, tabs. */
export function splitIdNumbers(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,，;；]+/)
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}
