import type { Translate } from './use-t';
import { labelOf } from './vocabulary';

/**
 * Names of the codes a list or statistic carries as plain strings: a code this build does
 * not know shows as a dash, never raw.
 */
export const professionLabel = (t: Translate, code: string) => labelOf(t, 'profession', code);
export const titleGradeLabel = (t: Translate, code: string) => labelOf(t, 'titleGrade', code);
export const unitLevelLabel = (t: Translate, code: string) => labelOf(t, 'unitLevel', code);
