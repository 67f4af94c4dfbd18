import { createElement } from 'react';
import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router';
import type { Role } from '@jijiao/contracts';
import { filterTree } from '../access';
import { useT, type Translate } from '../i18n/use-t';
import { appRoutes, flattenPages, menuLabelKey, type AppRoute } from '../routes';
import { useSession } from '../session/session-context';
import { routeIcons } from './route-icons';

type MenuItem = NonNullable<MenuProps['items']>[number];

function toItems(nodes: readonly AppRoute[], role: Role, t: Translate): MenuItem[] {
  return nodes.flatMap((node): MenuItem[] => {
    const labelKey = menuLabelKey(node, role);
    if (labelKey === undefined) return [];
    const label = t(labelKey);
    if (node.children !== undefined) {
      // A group shows only with an entry of this role in it.
      const children = toItems(node.children, role, t);
      return children.length > 0 ? [{ type: 'group', key: node.key, label, children }] : [];
    }
    if (node.path === undefined) return [];
    return [
      {
        key: node.path,
        icon: node.menu?.icon ? createElement(routeIcons[node.menu.icon]) : undefined,
        label: <Link to={node.path}>{label}</Link>,
      },
    ];
  });
}

/** The page a path belongs to: the longest menu path that prefixes it. */
function selectedPath(pathname: string, paths: readonly string[]): string | undefined {
  return paths
    .filter((p) => pathname === p || (p !== '/' && pathname.startsWith(`${p}/`)))
    .sort((a, b) => b.length - a.length)[0];
}

export function MainMenu() {
  const { access } = useSession();
  const { t } = useT();
  const { pathname } = useLocation();
  const visible = filterTree(appRoutes, access);
  const selected = selectedPath(
    pathname,
    flattenPages(visible).flatMap((r) => (r.path ? [r.path] : [])),
  );
  return (
    <Menu
      data-testid="main-menu"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={toItems(visible, access.role, t)}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
