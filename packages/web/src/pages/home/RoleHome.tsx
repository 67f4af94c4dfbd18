import { lazy, Suspense, type ComponentType } from 'react';
import type { Role } from '@jijiao/contracts';
import { PageLoading } from '../../components/PageState';
import { useSession } from '../../session/session-context';
import { homeLoaders } from './home-loaders';

/** Each role's page, made once: a component made per render would mount afresh each time. */
const homes = new Map<Role, ComponentType>();
function homeOf(role: Role): ComponentType {
  let home = homes.get(role);
  if (home === undefined) {
    home = lazy(async () => ({ default: (await homeLoaders[role]()).Page }));
    homes.set(role, home);
  }
  return home;
}

/** `/`: the home page of the active role. */
export function RoleHome() {
  const { grant } = useSession();
  const Home = homeOf(grant.role);
  return (
    <Suspense fallback={<PageLoading />}>
      <Home />
    </Suspense>
  );
}
