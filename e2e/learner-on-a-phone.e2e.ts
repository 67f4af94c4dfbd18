import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { apiSignIn } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { settle, trackRequests } from './support/page-walk';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/** A phone held upright, as the learner holds it in WeChat. */
const phone: BrowserContextOptions = {
  locale: 'zh-CN',
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** The learner's pages the bottom tab bar leads to, in its order. */
const tabPages = ['/', '/credits/new', '/credits', '/me/certificates', '/me/checkin-qr'];
/** The rest of the learner's menu, behind the header's menu button. */
const drawerPages = [
  { path: '/projects/search', label: '项目查询' },
  { path: '/account/password', label: '修改密码' },
];

/**
 * What is wrong with the page's layout at phone width: sideways scrolling, and controls
 * of the content that something else covers (a fixed bar, a floating button). Each
 * control is first scrolled into view as focus would, then it must be what a tap at its
 * centre reaches, and no fixed or sticky box may overlap it.
 */
function layoutProblems(page: Page, contentSelector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > 390) problems.push(`scrollWidth ${String(root.scrollWidth)} > 390`);
    const content = document.querySelector(selector);
    if (content === null) return [...problems, `no ${selector}`];
    const shown = (e: Element) => {
      const r = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      return r.width > 0 && r.height > 0 && style.visibility !== 'hidden';
    };
    // A closed drawer leaves its empty root, fixed over the screen but untouchable.
    const pinned = Array.from(document.querySelectorAll('body *')).filter((e) => {
      const { position, pointerEvents } = getComputedStyle(e);
      return (
        (position === 'fixed' || position === 'sticky') && pointerEvents !== 'none' && shown(e)
      );
    });
    const controls = Array.from(
      content.querySelectorAll(
        'a[href], button, input:not([type=hidden]), select, textarea, [role=button], [role=combobox]',
      ),
    ).filter(shown);
    const name = (e: Element) =>
      `${e.tagName.toLowerCase()} "${e.textContent.trim().slice(0, 20)}"`;
    for (const control of controls) {
      control.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      const r = control.getBoundingClientRect();
      for (const box of pinned) {
        if (box.contains(control)) continue;
        const b = box.getBoundingClientRect();
        if (r.left < b.right && b.left < r.right && r.top < b.bottom && b.top < r.bottom)
          problems.push(`${name(box)} (${getComputedStyle(box).position}) covers ${name(control)}`);
      }
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (hit !== null && !control.contains(hit) && !hit.contains(control))
        problems.push(`a tap on ${name(control)} reaches ${name(hit)}`);
    }
    window.scrollTo(0, 0);
    return problems;
  }, contentSelector);
}

describe('the learner on a phone: every page fits 390 px, one tap away, nothing covered', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  /** Last year's certificate of the demo learner, read off 我的证书. */
  let serial = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the tab bar and the menu drawer reach every learner page; each fits, with a one-line header and cards for records', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const inFlight = trackRequests(page);
    onTestFailed(async () => {
      await saveScreenshot(page, 'learner-on-a-phone-failure');
    });
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);

    // No side menu and its floating trigger: a tab bar of the learner's five pages.
    const tabBar = page.getByTestId('phone-tab-bar');
    await tabBar.waitFor();
    expect(await page.locator('.ant-layout-sider').count()).toBe(0);
    const tabLinks = await tabBar
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(tabLinks).toEqual(tabPages);

    const checkPage = async (path: string) => {
      await settle(page, inFlight);
      expect(new URL(page.url()).pathname).toBe(path);
      const header = await page.getByTestId('app-header').evaluate((h) => ({
        height: h.getBoundingClientRect().height,
        overflows: h.scrollHeight > h.clientHeight,
      }));
      expect(header.height, `${path}: the header is one line`).toBeLessThan(64);
      expect(header.overflows, `${path}: nothing spills out of the header`).toBe(false);
      expect(await layoutProblems(page, '.ant-layout-content'), path).toEqual([]);
    };

    for (const path of tabPages) {
      await tabBar.locator(`a[href="${path}"]`).click();
      await page.waitForURL(`${url}${path}`);
      await checkPage(path);
      expect(await tabBar.locator('a[aria-current=page]').getAttribute('href')).toBe(path);
      if (path === '/') {
        // This year's credits as cards, not a table of two-character columns.
        const credits = page.getByTestId('year-credits');
        expect(await credits.locator('table').count()).toBe(0);
        expect(await credits.getByTestId('credit-item').count()).toBeGreaterThan(0);
      }
      if (path === '/credits') {
        const claims = page.getByTestId('my-claims');
        expect(await claims.locator('table').count()).toBe(0);
        expect(await claims.getByTestId('claim-item').count()).toBeGreaterThan(0);
      }
      if (path === '/credits/new') {
        // The camera as the source of evidence, beside choosing a file.
        const camera = page.locator('input[type=file][capture=environment]');
        expect(await camera.getAttribute('accept')).toBe('image/*,application/pdf');
        await page.getByTestId('evidence-camera').waitFor();
        await page.getByTestId('evidence-upload').waitFor();
      }
      if (path === '/me/certificates') {
        const text = await page.locator('.ant-layout-content').innerText();
        serial = /\d{6}-\d{4}-[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(text)?.[0] ?? '';
      }
      // No data table anywhere (a certificate's label-value list may be laid out as one).
      expect(await page.locator('.ant-layout-content .ant-table').count(), path).toBe(0);
    }

    // The rest of the menu, the language and signing out behind the header's one button.
    for (const { path, label } of drawerPages) {
      await page.getByTestId('phone-menu-button').click();
      const drawer = page.getByTestId('phone-drawer');
      await drawer.getByText('退出登录').waitFor();
      expect(await drawer.getByText('王晓明').count()).toBe(1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        390,
      );
      await drawer.getByTestId('main-menu').getByText(label, { exact: true }).click();
      await page.waitForURL(`${url}${path}`);
      // Closed once the page changed, and gone once its slide-out has run.
      await page.locator('.ant-drawer-content-wrapper').waitFor({ state: 'hidden' });
      await checkPage(path);
    }
    expect(await page.locator('.ant-layout-content .ant-table').count()).toBe(0);
    await context.close();
  });

  it('the public verification pages fit a phone without signing in', async ({ onTestFailed }) => {
    const url = server!.url;
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const inFlight = trackRequests(page);
    onTestFailed(async () => {
      await saveScreenshot(page, 'public-on-a-phone-failure');
    });
    expect(serial, 'the first journey read the certificate').not.toBe('');
    for (const path of ['/verify', `/verify/${serial}`, '/verify/990000-2025-AAAAA-AAAAA']) {
      await page.goto(`${url}${path}`);
      await page.getByTestId(path === '/verify' ? 'verify-form' : 'verify-status').waitFor();
      await settle(page, inFlight);
      expect(await layoutProblems(page, 'body'), path).toEqual([]);
    }
    await context.close();
  });

  it('the first views come with their antd styles: the phone generates none of them (ADR 0037)', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    // A phone's user agent: the server picks the learner's home for `/` by it.
    const context = await browser!.newContext({
      ...phone,
      userAgent:
        'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const inFlight = trackRequests(page);
    onTestFailed(async () => {
      await saveScreenshot(page, 'first-view-styles-failure');
    });
    /**
     * The component styles antd's CSS-in-JS still had to generate on this page (it marks
     * each with `data-css-hash`; the design tokens' variables, `data-token-hash`, are always
     * registered at run time), and the view's stylesheet. A generated style means a
     * component the view renders is missing from packages/web/first-view-styles.tsx.
     */
    const styles = () =>
      page.evaluate(() => ({
        generated: Array.from(document.querySelectorAll('style[data-css-hash]'))
          .filter((s) => !s.hasAttribute('data-token-hash'))
          .map((s) => s.textContent.slice(0, 60)),
        sheets: Array.from(document.styleSheets)
          .map((sheet) => sheet.href ?? '')
          .filter((href) => href.includes('/assets/first-view-'))
          .map((href) => new URL(href).pathname.replace(/-[\w-]{8}\.css$/, '.css')),
      }));
    const mine = await (
      await apiSignIn(url, 'demo-learner')
    ).call<{ serial: string }[] | { items: { serial: string }[] }>(
      'GET',
      '/api/v1/certificates/mine',
    );
    const certificate = (Array.isArray(mine) ? mine : mine.items)[0];
    expect(certificate, 'the demo learner holds a certificate').toBeDefined();
    await page.goto(`${url}/verify/${certificate?.serial ?? ''}`);
    await page.getByTestId('verify-status').waitFor();
    await settle(page, inFlight);
    expect(await styles(), 'the certificate page').toEqual({
      generated: [],
      sheets: ['/assets/first-view-verify.css'],
    });

    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).waitFor();
    await settle(page, inFlight);
    expect(await styles(), 'the sign-in page').toEqual({
      generated: [],
      sheets: ['/assets/first-view-login.css'],
    });
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);

    // The home as a phone opens it: a fresh load of `/` with the session.
    await page.goto(`${url}/`);
    await page.getByTestId('year-credits').waitFor();
    await settle(page, inFlight);
    expect(await styles(), "the learner's home").toEqual({
      generated: [],
      sheets: ['/assets/first-view-home-learner.css'],
    });
    await context.close();
  });
});
