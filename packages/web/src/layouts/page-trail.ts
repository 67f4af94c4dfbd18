import { matchPath } from 'react-router';
import type { Role } from '@jijiao/contracts';
import type { CurrentTrail, TrailStep } from '../components/page-trail-context';
import type { MessageKey } from '../i18n/message-key';
import { appRoutes, flattenPages, menuLabelKey, type AppRoute } from '../routes';

export interface PageTrail {
  route: AppRoute;
  /** group › parent list › this page; the last step is the page. */
  steps: TrailStep[];
}

interface Located {
  route: AppRoute;
  group: AppRoute | undefined;
}

function locate(nodes: readonly AppRoute[], group?: AppRoute): Located[] {
  return nodes.flatMap((node) => [
    ...(node.path ? [{ route: node, group }] : []),
    ...locate(node.children ?? [], node.children ? node : group),
  ]);
}

const located = locate(appRoutes);

/** The page's own name for a role: its menu label, else its title. */
export function pageTitleKey(route: AppRoute, role: Role): MessageKey | undefined {
  const title = route.title;
  if (title !== undefined) return typeof title === 'function' ? title(role) : title;
  const label = route.menu?.label;
  return typeof label === 'function' ? label(role) : label;
}

/** The page a URL shows: a literal path wins over a pattern (/projects/search, not :id). */
export function routeAt(pathname: string): AppRoute | undefined {
  const matches = flattenPages(appRoutes).filter(
    (r) => r.path !== undefined && matchPath({ path: r.path, end: true }, pathname) !== null,
  );
  return matches.sort((a, b) => params(a) - params(b))[0];
}

const params = (r: AppRoute) => (r.path ?? '').split('/').filter((s) => s.startsWith(':')).length;

/** The breadcrumb of a page for a role, derived from the route tree. */
export function pageTrail(routeKey: string, role: Role): PageTrail | undefined {
  const here = located.find((l) => l.route.key === routeKey);
  if (here === undefined) return undefined;
  const parentKey =
    typeof here.route.parent === 'function' ? here.route.parent(role) : here.route.parent;
  const parent = located.find((l) => l.route.key === parentKey);
  const group = (parent ?? here).group;
  const steps: TrailStep[] = [];
  // A group the role sees no entry of (the menu hides it) is no place to point at.
  const groupLabel = group && menuLabelKey(group, role);
  if (group && groupLabel && group.children?.some((c) => menuLabelKey(c, role) !== undefined))
    steps.push({ key: group.key, label: groupLabel });
  if (parent?.route.path !== undefined) {
    const label = pageTitleKey(parent.route, role);
    if (label) steps.push({ key: parent.route.key, label, path: parent.route.path });
  }
  const label = pageTitleKey(here.route, role);
  if (label) steps.push({ key: here.route.key, label });
  return { route: here.route, steps };
}

/** The trail of the page at a URL, for the page header. */
export function currentTrail(pathname: string, role: Role): CurrentTrail {
  const route = routeAt(pathname);
  const trail = route && pageTrail(route.key, role);
  if (route?.path === undefined || trail === undefined) return { steps: [] };
  return { steps: trail.steps, path: route.path };
}
