import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '@jijiao/contracts';

/** The reads a role's home starts with. */
export type HomePrefetch = (client: QueryClient, search: URLSearchParams) => void;

/** A role's home page. */
export interface HomeModule {
  Page: ComponentType;
}

/**
 * Each role's home, loaded when that role opens it: a learner's phone fetches no
 * dashboard. The boot (`session/boot-prefetch.ts`) calls the same loader as soon as the
 * session says which role is active, so the page's modules and reads start before the
 * layout renders.
 */
export const homeLoaders: Record<Role, () => Promise<HomeModule>> = {
  learner: async () => ({ Page: (await import('./learner')).LearnerHomePage }),
  unit_admin: async () => ({ Page: (await import('./unit-admin')).UnitAdminHomePage }),
  reviewer: async () => ({ Page: (await import('./reviewer')).ReviewerHomePage }),
  host_admin: async () => ({ Page: (await import('./host-admin')).HostAdminHomePage }),
  province_admin: async () => ({
    Page: (await import('./province-admin')).ProvinceAdminHomePage,
  }),
  system_admin: async () => ({ Page: (await import('./system-admin')).SystemAdminHomePage }),
};

/**
 * The reads of a home that has any, in a module apart from the page: the boot starts them
 * as soon as this small module arrives, not after the page's components.
 */
export const homePrefetchLoaders: Partial<Record<Role, () => Promise<HomePrefetch>>> = {
  learner: async () => (await import('./learner/reads')).prefetchLearnerHome,
};
