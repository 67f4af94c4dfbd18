import { professions, titleGrades } from '@jijiao/contracts';
import type { Translate } from './use-t';

/**
 * Names of the codes a list or statistic carries as plain strings: a code this build does
 * not know shows as a dash, never raw.
 */
const label =
  <T extends string>(values: readonly T[], name: (t: Translate, value: T) => string) =>
  (t: Translate, code: string): string => {
    const known = values.find((v) => v === code);
    return known === undefined ? '—' : name(t, known);
  };

export const professionLabel = label(professions, (t, p) => t(`profession.${p}`));
export const titleGradeLabel = label(titleGrades, (t, g) => t(`titleGrade.${g}`));

/** The level a unit reports at (ADR 0018); `none` for units outside every level. */
export const unitLevels = ['provincial', 'city', 'county', 'township', 'none'] as const;
export const unitLevelLabel = label(unitLevels, (t, l) => t(`unitLevel.${l}`));
