/** Which year an activity belongs to, and whether it is recognised where the person works. */
import type { Activity } from './activity-schema';
import type { PolicyRules } from './policy-schema';

const yearOf = (date: string): number => Number(date.slice(0, 4));

/**
 * Normally the year of `date`. Where the rules say so (Sichuan: further study spanning two
 * years), an activity whose period crosses a new year belongs to its certificate's year.
 */
export function attributeYear(rules: PolicyRules, activity: Activity): number {
  const crossYear = rules.crossYearByCertificate;
  if (
    crossYear?.types.includes(activity.type) &&
    'certificateDate' in activity &&
    activity.certificateDate !== undefined
  ) {
    const start = yearOf(activity.startDate ?? activity.date);
    const end = yearOf(activity.endDate ?? activity.date);
    if (start !== end) return yearOf(activity.certificateDate);
  }
  return yearOf(activity.date);
}

/** A project hosted in another province counts only at the levels the rules recognise. */
export function isRecognised(rules: PolicyRules, activity: Activity, province: string): boolean {
  if (activity.type !== 'project') return true;
  const host = activity.hostProvince ?? province;
  return host === province || rules.recognition.outOfProvinceProjectLevels.includes(activity.level);
}
