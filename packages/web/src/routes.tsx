import type { ComponentType } from 'react';
import { ApartmentOutlined, HomeOutlined, KeyOutlined, UserOutlined } from '@ant-design/icons';
import type { Role } from '@jijiao/contracts';
import type { RouteRule } from './access';
import type { MessageKey } from './i18n/message-key';
import { homeLabel } from './pages/home/home-title';

/**
 * The route tree and the menu in one place. A node with `path` is a page; a node with
 * `children` is a menu group. `menu` absent: reachable by URL but not in the menu.
 * Pages load lazily, so each page is its own chunk.
 */
export interface AppRoute {
  key: string;
  path?: string;
  rule?: RouteRule;
  menu?: {
    label: MessageKey | ((role: Role) => MessageKey);
    icon?: ComponentType;
  };
  load?: () => Promise<ComponentType>;
  children?: readonly AppRoute[];
}

export const appRoutes: readonly AppRoute[] = [
  {
    key: 'home',
    path: '/',
    rule: { permission: 'authenticated' },
    menu: { label: homeLabel, icon: HomeOutlined },
    load: () => import('./pages/home/RoleHome').then((m) => m.RoleHome),
  },
  {
    key: 'orgs',
    path: '/orgs',
    rule: { permission: 'org:read' },
    menu: { label: 'nav.orgs', icon: ApartmentOutlined },
    load: () => import('./pages/orgs/list').then((m) => m.OrgListPage),
  },
  {
    key: 'account',
    menu: { label: 'nav.account', icon: UserOutlined },
    children: [
      {
        key: 'account-password',
        path: '/account/password',
        rule: { permission: 'authenticated' },
        menu: { label: 'nav.changePassword', icon: KeyOutlined },
        load: () => import('./pages/account/password').then((m) => m.ChangePasswordPage),
      },
    ],
  },
];

/** Every page of the tree, depth first. */
export function flattenPages(nodes: readonly AppRoute[]): AppRoute[] {
  return nodes.flatMap((node) => [
    ...(node.path ? [node] : []),
    ...flattenPages(node.children ?? []),
  ]);
}

export function menuLabelKey(route: AppRoute, role: Role): MessageKey | undefined {
  const label = route.menu?.label;
  return typeof label === 'function' ? label(role) : label;
}
