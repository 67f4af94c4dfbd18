import type { Role } from '@jijiao/contracts';
import type { MessageKey } from './i18n/message-key';

/** One projects page, named after what each role does there; the heading uses it too. */
export const projectsLabel = (role: Role): MessageKey =>
  role === 'host_admin'
    ? 'nav.projects.mine'
    : role === 'province_admin'
      ? 'nav.projects.filing'
      : 'nav.projects.manage';

/** Those who may edit review chains find them on the organisations page. */
export const orgsLabel = (role: Role): MessageKey =>
  role === 'province_admin' || role === 'system_admin' ? 'nav.orgsAndChains' : 'nav.orgs';
