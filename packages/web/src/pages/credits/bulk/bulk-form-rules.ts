import type { FormRule } from 'antd';
import type { Translate } from '../../../i18n/use-t';
import type { ActivityField } from '../activity-fields';
import { countProblemOf, localToday } from '../report/claim-form-rules';

/** A picked day (dayjs) as `YYYY-MM-DD`, or null. */
const dayOf = (value: unknown): string | null =>
  value && typeof (value as { format?: unknown }).format === 'function'
    ? (value as { format: (f: string) => string }).format('YYYY-MM-DD')
    : null;

/** Whether a day may not be picked: after today. */
export const isFutureDay = (value: unknown) => (dayOf(value) ?? '') > localToday();

/** The bulk entry's checks, in Chinese beside each field: the date, and no negative count. */
export function bulkFormRules(t: Translate) {
  const date: FormRule[] = [
    { required: true, message: t('form.select', { field: t('bulkEntry.date') }) },
    {
      validator: (_, value: unknown) =>
        isFutureDay(value)
          ? Promise.reject(new Error(t('selfReportForm.dateFuture')))
          : Promise.resolve(),
    },
  ];
  const count = (name: ActivityField['name'], kind: 'integer' | 'number', label: string) => [
    {
      validator: (_: unknown, value: unknown) => {
        const problem = countProblemOf({ name, kind, required: false }, value);
        return problem
          ? Promise.reject(new Error(t(`selfReportForm.${problem}`, { field: label })))
          : Promise.resolve();
      },
    },
  ];
  return {
    date,
    times: count('times', 'integer', t('bulkEntry.times')),
    hours: count('hours', 'number', t('bulkEntry.hours')),
    awardedCredits: count('awardedCredits', 'number', t('bulkEntry.awardedCredits')),
    trainingYear: [
      { required: true, message: t('form.required', { field: t('credits.field.trainingYear') }) },
      ...count('trainingYear', 'integer', t('credits.field.trainingYear')),
    ],
    totalYears: [
      { required: true, message: t('form.required', { field: t('credits.field.totalYears') }) },
      ...count('totalYears', 'integer', t('credits.field.totalYears')),
    ],
  };
}

/** The bulk form's field for a server issue path (`activity.times` → `times`), or null. */
export function bulkFieldOf(path: string): string | null {
  const name = path.replace(/^activity\./, '').split('.')[0] ?? '';
  const fields: Record<string, string> = {
    date: 'dateValue',
    times: 'times',
    hours: 'hours',
    level: 'level',
    projectNumber: 'projectNumber',
    awardedCredits: 'awardedCredits',
    trainingYear: 'trainingYear',
    totalYears: 'totalYears',
  };
  return fields[name] ?? null;
}
