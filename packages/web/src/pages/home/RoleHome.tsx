import { lazy, Suspense, useEffect, type ComponentType } from 'react';
import type { Role } from '@jijiao/contracts';
import { PageLoading } from '../../components/PageState';
import { useSession } from '../../session/session-context';
import { loadHome, loadedHome } from './home-loaders';

/**
 * Each role's page, made once: a component made per render would mount afresh each time.
 * The page itself when the boot has already loaded it (usually: it starts with the
 * session), so the first view does not suspend: React holds back content that follows a
 * suspense fallback for up to 300 ms, which a phone would wait for (ADR 0037).
 */
const homes = new Map<Role, ComponentType>();
function homeOf(role: Role): ComponentType {
  let home = homes.get(role);
  if (home === undefined) {
    home = loadedHome(role) ?? lazy(async () => ({ default: (await loadHome(role)).Page }));
    homes.set(role, home);
  }
  return home;
}

/**
 * Tells the server whose home `/` shows in this browser, so that the next visit's page
 * names that home's modules for the browser to fetch with the shell (ADR 0030). A hint
 * only: it grants nothing, and a wrong one costs some bytes.
 */
function rememberHome(role: Role): void {
  const secure = window.location.protocol === 'https:' ? '; secure' : '';
  document.cookie = `jijiao_home=${role}; path=/; max-age=31536000; samesite=lax${secure}`;
}

/** `/`: the home page of the active role. */
export function RoleHome() {
  const { grant } = useSession();
  const Home = homeOf(grant.role);
  useEffect(() => {
    rememberHome(grant.role);
  }, [grant.role]);
  return (
    <Suspense fallback={<PageLoading />}>
      <Home />
    </Suspense>
  );
}
