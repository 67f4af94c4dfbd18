import { lazy, Suspense, type ComponentType } from 'react';
import type { Role } from '@jijiao/contracts';
import { PageLoading } from '../../components/PageState';
import { useSession } from '../../session/session-context';

/** A role's home, loaded when that role opens it: a learner's phone fetches no dashboard. */
function home(load: () => Promise<ComponentType>) {
  return lazy(async () => ({ default: await load() }));
}

const homes: Record<Role, ComponentType> = {
  learner: home(() => import('./learner').then((m) => m.LearnerHomePage)),
  unit_admin: home(() => import('./unit-admin').then((m) => m.UnitAdminHomePage)),
  reviewer: home(() => import('./reviewer').then((m) => m.ReviewerHomePage)),
  host_admin: home(() => import('./host-admin').then((m) => m.HostAdminHomePage)),
  province_admin: home(() => import('./province-admin').then((m) => m.ProvinceAdminHomePage)),
  system_admin: home(() => import('./system-admin').then((m) => m.SystemAdminHomePage)),
};

/** `/`: the home page of the active role. */
export function RoleHome() {
  const { grant } = useSession();
  const Home = homes[grant.role];
  return (
    <Suspense fallback={<PageLoading />}>
      <Home />
    </Suspense>
  );
}
