import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { zhCNStartup } from './zh-CN-startup';
import { detectLanguage, languageStorageKey, type Language } from './languages';

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(languageStorageKey);
  } catch {
    return null;
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(languageStorageKey, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

const initial = detectLanguage({ search: window.location.search, stored: readStoredLanguage() });
let chosenExplicitly = initial.explicit;
if (initial.explicit) rememberLanguage(initial.language);

/**
 * Chinese, the default and the fallback, is in the start-up bundle; English loads when
 * chosen (ADR 0022), so a phone on a slow network does not fetch both languages.
 */
async function loadMessages(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, 'translation')) return;
  if (language === 'en-US') {
    const { enUS } = await import('./en-US');
    i18n.addResourceBundle(language, 'translation', enUS);
  }
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCNStartup } },
  partialBundledLanguages: true,
  lng: initial.language,
  fallbackLng: 'zh-CN',
  initAsync: false,
  interpolation: { escapeValue: false }, // React escapes.
  // Messages added after a page rendered (the console's, the admin pages') re-render it.
  react: { bindI18nStore: 'added' },
});
document.documentElement.lang = initial.language;

/**
 * The console's Chinese messages, loaded with the session guard (router.tsx): the public
 * pages and the sign-in page say only what zh-CN-startup.ts holds. English is complete
 * when it loads.
 */
let consoleMessages: Promise<void> | undefined;
export function loadConsoleMessages(): Promise<void> {
  consoleMessages ??= import('./zh-CN-console').then(({ zhCNConsole }) => {
    i18n.addResourceBundle('zh-CN', 'translation', zhCNConsole, true, false);
  });
  return consoleMessages;
}

/**
 * The admin pages' Chinese messages (zh-CN-admin.ts): every signed-in route but the
 * learner's home waits for them (router.tsx, home-loaders.ts), so a learner's phone opens
 * its home without them (ADR 0030).
 */
let adminMessages: Promise<void> | undefined;
export function loadAdminMessages(): Promise<void> {
  adminMessages ??= import('./zh-CN-admin').then(({ zhCNAdmin }) => {
    i18n.addResourceBundle('zh-CN', 'translation', zhCNAdmin, true, false);
  });
  return adminMessages;
}

/** Resolves once the first language's messages are in: the app renders after it. */
export const languageReady: Promise<void> = loadMessages(initial.language);
i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language;
});

/** Switches language; a user's choice is remembered, the server default is not. */
export function setLanguage(language: Language, options: { remember: boolean }): void {
  if (options.remember) {
    chosenExplicitly = true;
    rememberLanguage(language);
  }
  void loadMessages(language).then(() => i18n.changeLanguage(language));
}

/** Applies the server's default language unless the user already chose one. */
export function applyServerDefaultLanguage(serverDefault: string): void {
  if (chosenExplicitly) return;
  const { language } = detectLanguage({ search: '', stored: null, serverDefault });
  if (language !== i18n.language) setLanguage(language, { remember: false });
}
