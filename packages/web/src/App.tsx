import { useEffect, useState } from 'react';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { RouterProvider } from 'react-router/dom';
import type { Language } from './i18n/languages';
import { applyServerDefaultLanguage } from './i18n/setup';
import { useT } from './i18n/use-t';
import { createQueryClient } from './query-client';
import { createAppRouter } from './router';
import { prefetchAtBoot } from './session/boot-prefetch';
import { useAppInfo } from './session/queries';

const antdLocales: Record<Language, typeof zhCN> = { 'zh-CN': zhCN, 'en-US': enUS };

/** Follows the server's default language until the user picks one. */
function ServerLanguage() {
  const appInfo = useAppInfo();
  const defaultLocale = appInfo.data?.defaultLocale;
  useEffect(() => {
    if (defaultLocale) applyServerDefaultLanguage(defaultLocale);
  }, [defaultLocale]);
  return null;
}

export function App() {
  const [queryClient] = useState<QueryClient>(() => {
    const client = createQueryClient();
    prefetchAtBoot(client, window.location);
    return client;
  });
  const [router] = useState(createAppRouter);
  const { language } = useT();
  return (
    <ConfigProvider
      locale={antdLocales[language]}
      // antd would space two-character Chinese labels ("登 录"); keep the words as written.
      button={{ autoInsertSpace: false }}
    >
      {/* antd's App (message, modal, notification) is under the session guard: the public
          pages and the sign-in page never load it (ADR 0022). */}
      <QueryClientProvider client={queryClient}>
        <ServerLanguage />
        <RouterProvider router={router} />
      </QueryClientProvider>
    </ConfigProvider>
  );
}
