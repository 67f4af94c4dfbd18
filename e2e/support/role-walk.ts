import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Me, Role } from '@jijiao/contracts';
import { laptopViewport } from './dashboard';
import {
  findRawValues,
  linksOnPage,
  navigateInApp,
  settle,
  trackRequests,
  visibleText,
  type RawValue,
} from './page-walk';

/** The part of the web app's route tree (packages/web/src/routes.tsx) the walk reads. */
interface WebRoute {
  key: string;
  path?: string;
  rule?: { permission: string; roles?: readonly Role[] };
  children?: readonly WebRoute[];
}
interface WebModules {
  pages: WebRoute[];
  canOpen: (rule: NonNullable<WebRoute['rule']>, access: unknown) => boolean;
  accessOf: (me: Pick<Me, 'permissions'>, role: Role) => unknown;
}

/**
 * The route tree itself, so that a page added to the app is walked without editing this
 * test. Imported at run time (vitest compiles it): type-checking the web app's pages is
 * the web package's business, not the e2e project's.
 */
export async function loadWebRoutes(): Promise<WebModules> {
  const web = fileURLToPath(new URL('../../packages/web/src', import.meta.url));
  const routes = (await import(/* @vite-ignore */ `${web}/routes.tsx`)) as {
    appRoutes: readonly WebRoute[];
    flattenPages: (nodes: readonly WebRoute[]) => WebRoute[];
  };
  const access = (await import(/* @vite-ignore */ `${web}/access.ts`)) as Pick<
    WebModules,
    'canOpen' | 'accessOf'
  >;
  return { pages: routes.flattenPages(routes.appRoutes), ...access };
}

/** What the walk saw on one page. */
export interface PageVisit {
  role: Role | 'public';
  routeKey: string;
  url: string;
  raw: RawValue[];
  /** How long the page took to open and read, drawers included. */
  ms: number;
}

/** `/projects/:id/checkin` matches `/projects/3f…/checkin?x=1`. */
export function routePattern(path: string): RegExp {
  const escaped = path
    .split('/')
    .map((part) => (part.startsWith(':') ? '[^/?#]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${escaped}(?:[?#]|$)`);
}

/**
 * Opens what a page hides (drawers, dialogs, tabs, panels) so that it is read too; `read`
 * reads the page as it is now, for openers that open several things in turn.
 */
export type Opener = (page: Page, read: () => Promise<void>) => Promise<void>;

export interface RoleWalkOptions {
  browser: Browser;
  url: string;
  username: string;
  password: string;
  web: WebModules;
  openers?: Partial<Record<string, Opener>>;
}

async function signIn(context: BrowserContext, url: string, username: string, password: string) {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${url}/`);
  return page;
}

/**
 * Signs one account in (zh-CN, 1366×768) and opens every page its role may open: first
 * the pages without an id, collecting the app's links they show, then each page with an
 * id through the first link to it found on a list. Answers the visits and the routes
 * with an id that no list offered.
 */
export async function walkRole(
  options: RoleWalkOptions,
): Promise<{ role: Role; visits: PageVisit[]; unreached: string[] }> {
  const { browser, url, web } = options;
  const context = await browser.newContext({ locale: 'zh-CN', viewport: laptopViewport });
  try {
    const page = await signIn(context, url, options.username, options.password);
    const inFlight = trackRequests(page);
    const meResponse = await page.request.get(`${url}/api/v1/me`);
    const me = (await meResponse.json()) as Me;
    const role = me.roles[0]?.role;
    if (role === undefined) throw new Error(`${options.username} holds no role`);
    const access = web.accessOf(me, role);
    const pages = web.pages.filter(
      (r) => r.path && web.canOpen(r.rule ?? { permission: 'authenticated' }, access),
    );
    const fixed = pages.filter((r) => !r.path?.includes(':'));
    const withId = pages.filter((r) => r.path?.includes(':'));
    const links: string[] = [];
    const visits: PageVisit[] = [];

    const visit = async (routeKey: string, path: string) => {
      const started = Date.now();
      await navigateInApp(page, path);
      const raw: RawValue[] = [];
      const read = async () => {
        await settle(page, inFlight);
        raw.push(...findRawValues(await visibleText(page)));
      };
      await read();
      // A page's other tabs (调入审核, 订单 …) are part of it; the first one is shown again after.
      const tabs = await page.locator('.ant-layout-content .ant-tabs-tab').all();
      for (const tab of [...tabs.slice(1), ...tabs.slice(0, 1)]) {
        await tab.click();
        await read();
      }
      const opener = options.openers?.[routeKey];
      if (opener !== undefined) {
        await opener(page, read);
        await read();
      }
      const seen = new Set<string>();
      visits.push({
        role,
        routeKey,
        url: path,
        raw: raw.filter((r) => !seen.has(r.text) && seen.add(r.text)),
        ms: Date.now() - started,
      });
      links.push(...(await linksOnPage(page)));
    };

    for (const route of fixed) await visit(route.key, route.path ?? '/');
    const unreached: string[] = [];
    for (const route of withId) {
      const pattern = routePattern(route.path ?? '');
      // Lists come first, and a page with an id may link on (a batch to its roster).
      const target = links.find((l) => pattern.test(l));
      if (target === undefined) unreached.push(route.key);
      else await visit(route.key, target);
    }
    return { role, visits, unreached };
  } finally {
    await context.close();
  }
}
