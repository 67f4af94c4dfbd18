import type { ComponentType } from 'react';
import type { Role } from '@jijiao/contracts';
import { useSession } from '../../session/session-context';
import { HostAdminHomePage } from './host-admin';
import { LearnerHomePage } from './learner';
import { ProvinceAdminHomePage } from './province-admin';
import { ReviewerHomePage } from './reviewer';
import { SystemAdminHomePage } from './system-admin';
import { UnitAdminHomePage } from './unit-admin';

const homes: Record<Role, ComponentType> = {
  learner: LearnerHomePage,
  unit_admin: UnitAdminHomePage,
  reviewer: ReviewerHomePage,
  host_admin: HostAdminHomePage,
  province_admin: ProvinceAdminHomePage,
  system_admin: SystemAdminHomePage,
};

/** `/`: the home page of the active role. */
export function RoleHome() {
  const { grant } = useSession();
  const Home = homes[grant.role];
  return <Home />;
}
