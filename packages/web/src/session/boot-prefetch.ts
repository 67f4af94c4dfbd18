import type { QueryClient } from '@tanstack/react-query';
import { roles, type Role } from '@jijiao/contracts';
import { pickActiveGrant } from '../access';
import { fetchMe } from '../api/session';
import { phoneQuery } from '../components/use-is-phone';
import { homePrefetchLoaders, loadHome } from '../pages/home/home-loaders';
import { readActiveGrantKey } from './active-grant-storage';
import { meQueryKey } from './queries';

/** Pages that need no session: nothing to ask before they render. */
const publicPaths = [/^\/verify(\/|$)/, /^\/public\//, /^\/kiosk(\/|$)/];

/**
 * The role whose home `/` will most likely show, before the session says: the one this
 * browser last chose, else a learner on a phone (only learners have a phone layout).
 */
function likelyRole(): Role | null {
  const chosen = readActiveGrantKey()?.split('@')[0];
  const known = roles.find((role) => role === chosen);
  if (known) return known;
  return window.matchMedia(phoneQuery).matches ? 'learner' : null;
}

/**
 * What the first page will ask for, asked at once (ADR 0022). Without this, a phone waits
 * for the shell, then the session guard's module, before asking who is signed in, and
 * for the session's answer (checked by its schema, which loads zod), the layout and the
 * home's module before asking for the home's data: one round trip (150 ms or more on a
 * phone network) after another. Here the session is asked for while those modules load,
 * and on `/` the likely role's home module loads and starts its reads at the same time;
 * when the session answers with another role, that role's home follows. The components
 * still run their own queries: these only fill the same cache entries sooner, and a
 * guess that was wrong costs one refused read. A failure is left to the pages to show.
 */
export function prefetchAtBoot(client: QueryClient, { pathname, search }: Location): void {
  if (publicPaths.some((path) => path.test(pathname))) return;
  const me = client.query({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000 });
  if (pathname !== '/') {
    me.catch(() => undefined);
    return;
  }
  const params = new URLSearchParams(search);
  const startHome = async (role: Role) => {
    const page = loadHome(role);
    const prefetch = await homePrefetchLoaders[role]?.();
    prefetch?.(client, params);
    await page;
  };
  const guessed = likelyRole();
  if (guessed) startHome(guessed).catch(() => undefined);
  me.then(async (session) => {
    if (
      session === null ||
      session.user.mustChangePassword ||
      (session.user.twoFactor.required && !session.user.twoFactor.enrolled)
    )
      return;
    const grant = pickActiveGrant(session.roles, readActiveGrantKey());
    if (grant !== null && grant.role !== guessed) await startHome(grant.role);
  }).catch(() => undefined);
}
