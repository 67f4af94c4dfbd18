import { createBrowserRouter, type RouteObject } from 'react-router';
import { lazy, Suspense, type ComponentType } from 'react';
import { canOpen, type RouteRule } from './access';
import { RouteError } from './components/RouteError';
import { PageLoading } from './components/PageState';
import { appRoutes, flattenPages, type AppRoute } from './routes';
import { useSession } from './session/session-context';
import { loadAdminMessages, loadConsoleMessages } from './i18n/setup';

/**
 * Everything but the shell loads lazily (ADR 0022): a public page or the sign-in page on a
 * phone fetches its own modules, never the console's layout, menu or other pages.
 */
// Loaded only when a role opens a page it may not (its 403 illustration is ~9 kB br).
const ForbiddenPage = lazy(async () => ({
  default: (await import('./pages/exception/forbidden')).ForbiddenPage,
}));

/** Renders the page only if the active role may open it (the server checks again). */
function guarded(rule: RouteRule, Page: ComponentType): ComponentType {
  return function GuardedPage() {
    const { access } = useSession();
    return canOpen(rule, access) ? (
      <Page />
    ) : (
      <Suspense fallback={<PageLoading />}>
        <ForbiddenPage />
      </Suspense>
    );
  };
}

function toRouteObject(route: AppRoute): RouteObject {
  const { load, rule = { permission: 'authenticated' } } = route;
  if (load === undefined) throw new Error(`route ${route.key} has a path but nothing to load`);
  return {
    path: route.path,
    lazy: async () => {
      // The admin pages' messages come with every page but home, whose role decides
      // (home-loaders.ts): the learner's home does without them (ADR 0030).
      const [Page] = await Promise.all([
        load(),
        route.key === 'home' ? undefined : loadAdminMessages(),
      ]);
      return { Component: guarded(rule, Page) };
    },
  };
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      HydrateFallback: PageLoading,
      ErrorBoundary: RouteError,
      children: [
        {
          path: '/login',
          lazy: async () => ({ Component: (await import('./pages/auth/login')).LoginPage }),
        },
        // Public: the filed-project search needs no session.
        {
          path: '/public/projects',
          lazy: async () => ({
            Component: (await import('./pages/public/projects')).PublicProjectSearchPage,
          }),
        },
        // Public: what a certificate's QR code opens, and a serial typed from the paper.
        ...['/verify', '/verify/:serial'].map((path) => ({
          path,
          lazy: async () => ({
            Component: (await import('./pages/public/verify')).VerifyPage,
          }),
        })),
        // Public: what an email's unsubscribe link opens (ADR 0038).
        {
          path: '/unsubscribe',
          lazy: async () => ({
            Component: (await import('./pages/public/unsubscribe')).UnsubscribePage,
          }),
        },
        // The check-in kiosk: signed in by its device token, not by a user session.
        {
          path: '/kiosk',
          lazy: async () => ({ Component: (await import('./pages/kiosk')).KioskPage }),
        },
        {
          // The console's messages come with the guard (the public pages do without them).
          lazy: async () => {
            const [{ SessionGuard }] = await Promise.all([
              import('./session/SessionGuard'),
              loadConsoleMessages(),
            ]);
            return { Component: SessionGuard };
          },
          children: [
            {
              lazy: async () => ({ Component: (await import('./layouts/AppLayout')).AppLayout }),
              children: [
                ...flattenPages(appRoutes).map(toRouteObject),
                {
                  path: '*',
                  lazy: async () => ({
                    Component: (await import('./pages/exception/not-found')).NotFoundPage,
                  }),
                },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
