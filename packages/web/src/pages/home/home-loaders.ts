import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import type { Role } from '@jijiao/contracts';
import { loadAdminMessages } from '../../i18n/setup';

/** The reads a role's home starts with. */
export type HomePrefetch = (client: QueryClient, search: URLSearchParams) => void;

/** A role's home page. */
export interface HomeModule {
  Page: ComponentType;
}

/** An admin's home, with the admin pages' messages it speaks (ADR 0030). */
async function adminHome<M>(
  module: Promise<M>,
  page: (m: M) => ComponentType,
): Promise<HomeModule> {
  const [loaded] = await Promise.all([module, loadAdminMessages()]);
  return { Page: page(loaded) };
}

/**
 * Each role's home, loaded when that role opens it: a learner's phone fetches no
 * dashboard. The boot (`session/boot-prefetch.ts`) calls the same loader as soon as the
 * session says which role is active, so the page's modules and reads start before the
 * layout renders.
 */
export const homeLoaders: Record<Role, () => Promise<HomeModule>> = {
  learner: async () => ({ Page: (await import('./learner')).LearnerHomePage }),
  unit_admin: async () => adminHome(import('./unit-admin'), (m) => m.UnitAdminHomePage),
  reviewer: async () => adminHome(import('./reviewer'), (m) => m.ReviewerHomePage),
  host_admin: async () => adminHome(import('./host-admin'), (m) => m.HostAdminHomePage),
  province_admin: async () => adminHome(import('./province-admin'), (m) => m.ProvinceAdminHomePage),
  system_admin: async () => adminHome(import('./system-admin'), (m) => m.SystemAdminHomePage),
};

/**
 * The reads of a home that has any, in a module apart from the page: the boot starts them
 * as soon as this small module arrives, not after the page's components.
 */
export const homePrefetchLoaders: Partial<Record<Role, () => Promise<HomePrefetch>>> = {
  learner: async () => (await import('./learner/reads')).prefetchLearnerHome,
};

const loading = new Map<Role, Promise<HomeModule>>();
const loaded = new Map<Role, ComponentType>();

/**
 * Loads a role's home once (the boot and the page share the load), and remembers the page
 * once it is in, so that `RoleHome` can render it without suspending.
 */
export function loadHome(role: Role): Promise<HomeModule> {
  let promise = loading.get(role);
  if (promise === undefined) {
    promise = homeLoaders[role]().then((home) => {
      loaded.set(role, home.Page);
      return home;
    });
    // A failed load may be tried again.
    promise.catch(() => loading.delete(role));
    loading.set(role, promise);
  }
  return promise;
}

/** The role's home page if it has already loaded. */
export function loadedHome(role: Role): ComponentType | undefined {
  return loaded.get(role);
}
