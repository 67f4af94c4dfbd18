import { useTranslation } from 'react-i18next';
import { isLanguage, defaultLanguage, type Language } from './languages';
import type { MessageKey } from './message-key';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

/** Typed translation: only keys that exist in the message tree compile. */
export function useT(): { t: Translate; language: Language } {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : defaultLanguage;
  return { t: (key, values) => t(key, values ?? {}), language };
}
