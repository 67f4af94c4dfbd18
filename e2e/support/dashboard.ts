import type { Browser, Page } from 'playwright-core';
import { demoPassword } from './server';

/** The smallest laptop screen the 工作台 must fit. */
export const laptopViewport = { width: 1366, height: 768 };

/**
 * Signs a demo account in at 1366×768 and collects what Chromium reports as Content
 * Security Policy violations (console errors "Refused to …"): a chart that needed `eval`
 * or an inline script would show up here.
 */
export async function openDashboard(
  browser: Browser,
  url: string,
  username: string,
): Promise<{ page: Page; cspViolations: string[] }> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: laptopViewport });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const cspViolations: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|Refused to (execute|load|apply|evaluate|create)/i.test(text))
      cspViolations.push(text);
  });
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL(`${url}/`);
  return { page, cspViolations };
}

/** What the signed-in page's own session reads from the API (the numbers to expect). */
export async function apiGet<T>(page: Page, url: string): Promise<T> {
  const response = await page.request.get(url);
  if (!response.ok()) throw new Error(`${url}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The number a StatCard shows (antd Statistic: digits, perhaps with separators). */
export async function statValue(page: Page, testId: string): Promise<string> {
  return (await page.getByTestId(testId).locator('.ant-statistic-content').innerText()).trim();
}

/** The chart is drawn (ECharts loaded, the SVG in place), not just its container. */
export async function chartDrawn(page: Page, testId: string): Promise<void> {
  await page
    .locator(`[data-testid="${testId}"][data-ready="true"] svg path:not([fill="none"])`)
    .first()
    .waitFor({ state: 'attached' });
}

/**
 * Clicks the widest of the chart elements `selector` finds (a bar with a value: empty
 * bars are drawn too, zero wide), at its centre, as a user would.
 */
export async function clickWidest(page: Page, chartTestId: string, selector: string) {
  // A chart below the fold of a 768-pixel screen: the mouse clicks inside the viewport.
  await page.getByTestId(chartTestId).scrollIntoViewIfNeeded();
  const elements = page.getByTestId(chartTestId).locator(selector);
  const widestBox = async () => {
    let widest: { x: number; y: number; width: number; height: number } | null = null;
    for (const element of await elements.all()) {
      const box = await element.boundingBox();
      if (box && (!widest || box.width * box.height > widest.width * widest.height)) widest = box;
    }
    return widest;
  };
  // The bars grow in (ECharts' animation) and the chart may redraw as the page settles: on a
  // loaded machine a box measured too early is not where the bar ends up. Click once the
  // widest box has stayed the same for 200 ms (at most 10 s).
  let widest = await widestBox();
  for (let tries = 0; tries < 50; tries += 1) {
    await page.waitForTimeout(200);
    const again = await widestBox();
    const same = JSON.stringify(again) === JSON.stringify(widest);
    widest = again;
    if (same && widest) break;
  }
  if (!widest) throw new Error(`nothing to click in ${chartTestId}`);
  await page.mouse.click(widest.x + widest.width / 2, widest.y + widest.height / 2);
}
