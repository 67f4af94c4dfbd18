export const languages = ['zh-CN', 'en-US'] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = 'zh-CN';

/** localStorage key of the language the user picked. */
export const languageStorageKey = 'jijiao.language';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/**
 * The language to start with: `?lang=` in the URL wins, then the remembered choice, then
 * the server's default, then Chinese. `explicit` tells whether the user chose it.
 */
export function detectLanguage(input: {
  search: string;
  stored: string | null;
  serverDefault?: string | null;
}): { language: Language; explicit: boolean } {
  const fromUrl = new URLSearchParams(input.search).get('lang');
  if (isLanguage(fromUrl)) return { language: fromUrl, explicit: true };
  if (isLanguage(input.stored)) return { language: input.stored, explicit: true };
  if (isLanguage(input.serverDefault)) return { language: input.serverDefault, explicit: false };
  return { language: defaultLanguage, explicit: false };
}
