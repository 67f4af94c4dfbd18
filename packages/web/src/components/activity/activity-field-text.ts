import type { ActivityType } from '@jijiao/contracts';
import type { Translate } from '../../i18n/use-t';
import { isCodeOf, labelOf } from '../../i18n/vocabulary';
// The codes' messages alone: importing all of zhCN would bring every page's messages.
import { codesMessages } from '../../i18n/zh-CN/codes';

/** The name of an activity's field (hours, role …); undefined for one this build does not know. */
export function activityFieldLabel(t: Translate, field: string): string | undefined {
  return isCodeOf('activityField', field) ? t(`credits.field.${field}`) : undefined;
}

/** A province, city or county by its GB/T 2260 code: the province's name where known. */
export function regionText(t: Translate, code: string): string {
  const province = code.slice(0, 2);
  return province in codesMessages.codes.province && /^\d{6}$/.test(code)
    ? t(`codes.province.${province as keyof typeof codesMessages.codes.province}`)
    : t('codes.unknownRegion', { code });
}

/**
 * One field's value in words, as the self-report form offers it: choices by their labels,
 * yes or no, the host province by name; numbers, dates and text as they are.
 */
export function activityFieldText(
  t: Translate,
  type: ActivityType,
  field: string,
  value: unknown,
): string {
  if (typeof value === 'boolean') return t(value ? 'codes.yes' : 'codes.no');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return '—';
  switch (field) {
    case 'level':
      return type === 'research'
        ? labelOf(t, 'researchLevel', value)
        : isCodeOf('projectLevel', value)
          ? t(`credits.option.level.${value}`)
          : '—';
    case 'role':
      return type === 'project'
        ? labelOf(t, 'projectRole', value)
        : labelOf(t, 'sessionRole', value);
    case 'journal':
      return labelOf(t, 'journalKind', value);
    case 'hostProvince':
      return regionText(t, value);
    default:
      return value;
  }
}
