import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '@jijiao/contracts';

/** A role's home page, and the reads it starts with (fetched while its modules load). */
export interface HomeModule {
  Page: ComponentType;
  prefetch?: (client: QueryClient, search: URLSearchParams) => void;
}

/**
 * Each role's home, loaded when that role opens it: a learner's phone fetches no
 * dashboard. The boot (`session/boot-prefetch.ts`) calls the same loader as soon as the
 * session says which role is active, so the page's modules and reads start before the
 * layout renders.
 */
export const homeLoaders: Record<Role, () => Promise<HomeModule>> = {
  learner: async () => {
    const m = await import('./learner');
    return { Page: m.LearnerHomePage, prefetch: m.prefetchLearnerHome };
  },
  unit_admin: async () => ({ Page: (await import('./unit-admin')).UnitAdminHomePage }),
  reviewer: async () => ({ Page: (await import('./reviewer')).ReviewerHomePage }),
  host_admin: async () => ({ Page: (await import('./host-admin')).HostAdminHomePage }),
  province_admin: async () => ({
    Page: (await import('./province-admin')).ProvinceAdminHomePage,
  }),
  system_admin: async () => ({ Page: (await import('./system-admin')).SystemAdminHomePage }),
};
