import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { permissionsOf, roles, type Role } from '@jijiao/contracts';
import { accessOf, filterTree } from './access';
import { lookupMessage } from './i18n/message-key';
import { zhCN } from './i18n/zh-CN';
import { pageTitleKey, pageTrail, routeAt } from './layouts/page-trail';
import { appRoutes, flattenPages, menuLabelKey, type AppRoute } from './routes';

const accessFor = (role: Role) => accessOf({ permissions: permissionsOf([role]) }, role);

/** The entries (pages, not group headings) a role's menu shows. */
function entries(role: Role): AppRoute[] {
  return flattenPages(filterTree(appRoutes, accessFor(role))).filter(
    (r) => menuLabelKey(r, role) !== undefined,
  );
}

describe('the menu', () => {
  it.each([...roles])('gives each entry %s sees its own icon', (role) => {
    const seen = entries(role);
    expect(seen.length).toBeGreaterThan(0);
    for (const route of seen) expect(route.menu?.icon, route.key).toBeDefined();
    const icons = seen.map((r) => r.menu?.icon);
    expect(new Set(icons).size, seen.map((r) => r.key).join(', ')).toBe(icons.length);
  });

  it('puts every entry of the province admin but the home page in a group', () => {
    const visible = filterTree(appRoutes, accessFor('province_admin'));
    const topLevel = visible.filter((n) => n.path && menuLabelKey(n, 'province_admin'));
    expect(topLevel.map((n) => n.key)).toEqual(['home']);
    for (const group of visible.filter((n) => n.children)) {
      const shown = group.children?.filter((c) => menuLabelKey(c, 'province_admin')) ?? [];
      expect(shown.length, group.key).toBeGreaterThan(0);
    }
  });
});

describe('page headers', () => {
  const pages = flattenPages(appRoutes);

  it.each([...roles])('name every page %s may reach, in both its title and breadcrumb', (role) => {
    for (const route of pages) {
      const key = pageTitleKey(route, role);
      expect(key, route.key).toBeDefined();
      expect(lookupMessage(zhCN, key ?? ''), route.key).toBeDefined();
      const trail = pageTrail(route.key, role);
      expect(trail?.steps.at(-1)?.label, route.key).toBe(key);
      for (const step of trail?.steps ?? [])
        expect(lookupMessage(zhCN, step.label), `${route.key} ${step.key}`).toBeDefined();
    }
  });

  it('links a page without a menu entry back to its list', () => {
    for (const route of pages.filter((r) => r.menu === undefined)) {
      expect(route.parent, route.key).toBeDefined();
      const steps = pageTrail(route.key, 'province_admin')?.steps ?? [];
      expect(steps.at(-2)?.path, route.key).toBeDefined();
    }
  });

  it.each<[string, Role, string[]]>([
    ['/people', 'province_admin', ['人员与机构', '人员管理']],
    ['/progress/people/p1', 'unit_admin', ['人员与机构', '人员学分进度', '个人学分']],
    ['/projects/search', 'learner', ['项目查询']],
    ['/projects/p1/checkin', 'host_admin', ['项目', '我的项目', '签到管理']],
    ['/awards/b1', 'province_admin', ['审核', '授予审核', '授予批次详情']],
    ['/awards/b1', 'host_admin', ['项目', '授予批次', '授予批次详情']],
    ['/credits/c1/edit', 'learner', ['申报记录', '修改申报']],
    ['/audit/manage', 'province_admin', ['审验与证书', '审验管理']],
    ['/', 'reviewer', ['工作台']],
  ])('%s for %s reads %j', (path, role, expected) => {
    const route = routeAt(path);
    const steps = route ? (pageTrail(route.key, role)?.steps ?? []) : [];
    expect(steps.map((s) => lookupMessage(zhCN, s.label))).toEqual(expected);
  });

  /**
   * Every page component renders the shared header: the file (or folder) that defines
   * each component the route tree loads uses `<PageHeader`.
   */
  it('is used by every page the route tree loads', () => {
    const source = readFileSync(join(__dirname, 'routes.tsx'), 'utf8');
    const loads = [
      ...source.matchAll(/import\('\.\/(pages\/[^']+)'\)\.then\(\(m\) => m\.(\w+)\)/g),
    ];
    expect(loads.length).toBe(pages.length);
    const missing = loads.flatMap(([, modulePath = '', name = '']) => {
      const files = filesOf(join(__dirname, modulePath));
      const definer = files.find((f) => new RegExp(`export function ${name}\\b`).test(read(f)));
      if (definer === undefined) return [`${name}: not found`];
      return usesHeader(definer, name) ? [] : [name];
    });
    expect(missing).toEqual([]);
  });
});

const read = (file: string) => readFileSync(file, 'utf8');

/** A module path (`pages/people/list`) is a folder with an index, or a file. */
function filesOf(modulePath: string): string[] {
  for (const candidate of [modulePath, `${modulePath}.tsx`]) {
    try {
      if (statSync(candidate).isDirectory())
        return readdirSync(candidate)
          .filter((f) => f.endsWith('.tsx'))
          .map((f) => join(candidate, f));
      return [candidate];
    } catch {
      // try the next form
    }
  }
  return [];
}

/** Every exported component of the pages and shared components, by name: its body. */
const components = new Map(
  [...walk(join(__dirname, 'pages')), ...walk(join(__dirname, 'components'))].flatMap((file) => {
    const text = read(file);
    return [...text.matchAll(/export function (\w+)/g)].map((m) => {
      const start = m.index;
      const next = text.indexOf('export function', start + 1);
      return [m[1] ?? '', text.slice(start, next === -1 ? undefined : next)] as const;
    });
  }),
);

/**
 * The component renders `<PageHeader`, or a component that does (a form, a role's home
 * and its `DashboardHeader`); `RoleHome` picks its page from a record of every role's.
 */
function usesHeader(_file: string, name: string, depth = 3): boolean {
  const body = components.get(name) ?? '';
  if (/<PageHeader\b/.test(body)) return true;
  if (depth === 0) return false;
  const used =
    name === 'RoleHome'
      ? [...read(join(__dirname, 'pages/home/home-loaders.ts')).matchAll(/\b(\w+HomePage)\b/g)]
      : [...body.matchAll(/<([A-Z]\w+)/g)];
  if (used.length === 0) return false;
  const every = name === 'RoleHome';
  const check = (m: RegExpMatchArray) =>
    components.has(m[1] ?? '') && usesHeader('', m[1] ?? '', depth - 1);
  return every ? used.every(check) : used.some(check);
}

function walk(folder: string): string[] {
  return readdirSync(folder).flatMap((f) => {
    const path = join(folder, f);
    if (statSync(path).isDirectory()) return walk(path);
    return path.endsWith('.tsx') ? [path] : [];
  });
}
