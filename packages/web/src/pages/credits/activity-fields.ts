import type { ActivityFieldName, ActivityInput, ActivityType } from '@jijiao/contracts';

/** One input of the self-report form; its name is the activity field in the scenario format. */
export interface ActivityField {
  name: ActivityFieldName;
  /** `province`: a GB/T 2260 province chosen by name. */
  kind: 'number' | 'integer' | 'select' | 'text' | 'date' | 'boolean' | 'province';
  required: boolean;
  /** For `select`: the allowed values (labels in `credits.option.<name>.<value>`). */
  options?: readonly string[];
}

const words: ActivityField[] = [{ name: 'words', kind: 'integer', required: true }];
const session: ActivityField[] = [
  { name: 'role', kind: 'select', required: true, options: ['speaker', 'participant'] },
  { name: 'times', kind: 'integer', required: true },
];
const monthly: ActivityField[] = [
  { name: 'months', kind: 'number', required: true },
  { name: 'startDate', kind: 'date', required: false },
  { name: 'endDate', kind: 'date', required: false },
  { name: 'certificateDate', kind: 'date', required: false },
];

/** The fields of each activity type (the rules engine's activity schema), besides type and date. */
export const activityFields: Readonly<Record<ActivityType, readonly ActivityField[]>> = {
  project: [
    {
      name: 'level',
      kind: 'select',
      required: true,
      options: ['national', 'provincial', 'municipal', 'unit'],
    },
    { name: 'role', kind: 'select', required: true, options: ['attendee', 'speaker'] },
    { name: 'projectNumber', kind: 'text', required: false },
    { name: 'projectName', kind: 'text', required: false },
    { name: 'hours', kind: 'number', required: false },
    { name: 'awardedCredits', kind: 'number', required: false },
    { name: 'remote', kind: 'boolean', required: false },
    { name: 'hostProvince', kind: 'province', required: false },
  ],
  paper: [
    { name: 'journal', kind: 'select', required: true, options: ['foreign', 'core', 'provincial'] },
    { name: 'authorRank', kind: 'integer', required: true },
  ],
  research: [
    { name: 'level', kind: 'select', required: true, options: ['national', 'provincial', 'city'] },
    { name: 'rank', kind: 'integer', required: true },
  ],
  book: words,
  survey_report: words,
  written_review: words,
  translation: [{ name: 'characters', kind: 'integer', required: true }],
  unit_lecture: session,
  case_discussion: session,
  further_study: monthly,
  degree_study: monthly,
  aid_post: monthly,
  online_course: [
    { name: 'hours', kind: 'number', required: true },
    { name: 'platform', kind: 'text', required: false },
  ],
  self_study: [{ name: 'hours', kind: 'number', required: true }],
  // `date` is the day of the year's assessment; the final year is trainingYear = totalYears.
  residency: [
    { name: 'trainingYear', kind: 'integer', required: true },
    { name: 'totalYears', kind: 'integer', required: true },
    { name: 'assessmentPassed', kind: 'boolean', required: true },
  ],
};

export type ActivityValues = Partial<Record<ActivityField['name'], unknown>>;

const isBlank = (v: unknown) => v === undefined || v === null || v === '';

/**
 * The activity in the scenario format from the form's values: only the fields of the
 * type, blanks left out; null while a required field is missing (no preview yet).
 */
export function toActivity(
  type: ActivityType | undefined,
  date: string | undefined,
  values: ActivityValues,
): ActivityInput | null {
  if (!type || !date) return null;
  const activity: ActivityInput = { type, date };
  for (const field of activityFields[type]) {
    const raw = values[field.name];
    const value = field.kind === 'text' && typeof raw === 'string' ? raw.trim() : raw;
    // A required yes/no left unticked is a no (a failed assessment), not a missing field.
    if (field.kind === 'boolean' && field.required) {
      activity[field.name] = value === true;
      continue;
    }
    if (isBlank(value)) {
      if (field.required) return null;
      continue;
    }
    if (field.kind === 'boolean' && value === false) continue;
    activity[field.name] = value;
  }
  return activity;
}

/** The form's values of a stored activity (editing a claim). */
export function valuesOf(activity: Record<string, unknown>): ActivityValues {
  const { type: _type, date: _date, id: _id, ...rest } = activity;
  return rest;
}
