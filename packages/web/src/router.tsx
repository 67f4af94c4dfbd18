import { createBrowserRouter, type RouteObject } from 'react-router';
import type { ComponentType } from 'react';
import { canOpen, type RouteRule } from './access';
import { RouteError } from './components/RouteError';
import { PageLoading } from './components/PageState';
import { AppLayout } from './layouts/AppLayout';
import { LoginPage } from './pages/auth/login';
import { ForbiddenPage } from './pages/exception/forbidden';
import { NotFoundPage } from './pages/exception/not-found';
import { appRoutes, flattenPages, type AppRoute } from './routes';
import { SessionGuard } from './session/SessionGuard';
import { useSession } from './session/session-context';

/** Renders the page only if the active role may open it (the server checks again). */
function guarded(rule: RouteRule, Page: ComponentType): ComponentType {
  return function GuardedPage() {
    const { access } = useSession();
    return canOpen(rule, access) ? <Page /> : <ForbiddenPage />;
  };
}

function toRouteObject(route: AppRoute): RouteObject {
  const { load, rule = { permission: 'authenticated' } } = route;
  if (load === undefined) throw new Error(`route ${route.key} has a path but nothing to load`);
  return {
    path: route.path,
    lazy: async () => ({ Component: guarded(rule, await load()) }),
  };
}

export function createAppRouter() {
  return createBrowserRouter([
    {
      HydrateFallback: PageLoading,
      ErrorBoundary: RouteError,
      children: [
        // Eager: it is the first page everyone signed out sees.
        { path: '/login', Component: LoginPage },
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
        // The check-in kiosk: signed in by its device token, not by a user session.
        {
          path: '/kiosk',
          lazy: async () => ({ Component: (await import('./pages/kiosk')).KioskPage }),
        },
        {
          Component: SessionGuard,
          children: [
            {
              Component: AppLayout,
              children: [
                ...flattenPages(appRoutes).map(toRouteObject),
                { path: '*', Component: NotFoundPage },
              ],
            },
          ],
        },
      ],
    },
  ]);
}
