import { lazy, Suspense, use, useMemo, useState, type ReactNode } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import type { RoleGrant } from '@jijiao/contracts';
import { accessOf, grantKey, pickActiveGrant } from '../access';
import { FeedbackProvider } from '../components/feedback';
import { PageError, PageLoading } from '../components/PageState';
import { readActiveGrantKey, storeActiveGrantKey } from './active-grant-storage';
import { loadAdminMessages } from '../i18n/setup';
import { loginPathFor } from './next-path';
import { useMe } from './queries';
import { SessionContext, type Session } from './session-context';

const passwordPath = '/account/password';
const twoFactorPath = '/account/two-factor';

// Rare (an account without a role): its 403 illustration loads only then.
const NoRole = lazy(async () => ({ default: (await import('./NoRole')).NoRole }));

/**
 * Wraps every signed-in page: no session → sign-in page (returning here afterwards); a
 * password that must change → the change-password page; a role that requires two-step
 * verification not set up yet → its set-up page; otherwise provides the session
 * with the active role, and the messages and confirm dialogs of the signed-in pages
 * (components/feedback.tsx).
 */
export function SessionGuard() {
  return (
    <FeedbackProvider>
      <GuardedPages />
    </FeedbackProvider>
  );
}

function GuardedPages() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const [storedKey, setStoredKey] = useState(readActiveGrantKey);

  const session = useMemo((): Session | null => {
    if (!me.data) return null;
    const grant = pickActiveGrant(me.data.roles, storedKey);
    if (grant === null) return null;
    return {
      me: me.data,
      grant,
      access: accessOf(me.data, grant.role),
      switchGrant: (next: RoleGrant) => {
        storeActiveGrantKey(grantKey(next));
        setStoredKey(grantKey(next));
        void navigate('/');
      },
    };
  }, [me.data, storedKey, navigate]);

  if (me.isPending) return <PageLoading />;
  if (me.isError) return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  if (me.data === null)
    return <Navigate to={loginPathFor(location.pathname, location.search)} replace />;
  if (me.data.user.mustChangePassword && location.pathname !== passwordPath)
    return <Navigate to={passwordPath} replace />;
  if (
    me.data.user.twoFactor.required &&
    !me.data.user.twoFactor.enrolled &&
    location.pathname !== twoFactorPath
  )
    return <Navigate to={twoFactorPath} replace />;
  if (session === null)
    return (
      <Suspense fallback={<PageLoading />}>
        <NoRole />
      </Suspense>
    );
  return (
    <SessionContext value={session}>
      {session.grant.role === 'learner' ? (
        <Outlet />
      ) : (
        <Suspense fallback={<PageLoading />}>
          <WithAdminMessages>
            <Outlet />
          </WithAdminMessages>
        </Suspense>
      )}
    </SessionContext>
  );
}

/**
 * An admin's layout (its menu names admin pages) and pages speak the admin pages' messages:
 * they render once those are in (ADR 0030). A learner's do without them.
 */
function WithAdminMessages({ children }: { children: ReactNode }) {
  use(loadAdminMessages());
  return children;
}
