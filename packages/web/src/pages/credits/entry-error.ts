import { isApiError } from '../../api';
import { errorText } from '../../i18n/error-message';
import type { Translate } from '../../i18n/use-t';

/**
 * Words for an entry the server refused: a year closed to entry names the year and the day
 * it closed (credits count only in the year they are entered); anything else by its code.
 */
export function entryErrorText(t: Translate, error: unknown): string {
  if (isApiError(error, 'year_closed')) {
    const { year, closedOn } = error.details;
    if (typeof year === 'number' && typeof closedOn === 'string')
      return t('noticeRules.yearClosed', { year, closedOn });
  }
  return errorText(t, error);
}
