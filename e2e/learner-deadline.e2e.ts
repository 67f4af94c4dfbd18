import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { MyDeadlines } from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet } from './support/dashboard';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/** A phone held upright, as the learner holds it in WeChat. */
const phone: BrowserContextOptions = {
  locale: 'zh-CN',
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

describe('the learner sees the province calendar’s deadline on the home page (ADR 0039)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('on a 390 px phone: entry closes on the demo’s day, with the days left, nothing wider than the screen', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'learner-deadline-failure');
    });
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);

    const notice = page.getByTestId('deadline-notice');
    await notice.waitFor();
    // What the server says today is and which day closes entry (the demo's: 12-31).
    const mine = await apiGet<MyDeadlines>(page, `${url}/api/v1/calendar/mine`);
    const entry = mine.days.find((d) => d.key === 'entryCloses');
    expect(entry?.date).toBe(`${String(mine.year)}-12-31`);
    expect(mine.days.map((d) => d.key)).toEqual(['entryCloses']);
    const line = await page.getByTestId('deadline-entryCloses').innerText();
    expect(line).toContain(`学分录入截止：${String(mine.year)}-12-31`);
    const left = entry?.daysLeft ?? -1;
    expect(line).toContain(left > 0 ? `还有 ${String(left)} 天` : left === 0 ? '就是今天' : '已过');
    expect(await notice.innerText()).toContain(`${String(mine.year)} 年度关键日期`);

    const box = await notice.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await saveScreenshot(page, 'learner-deadline');
    await context.close();
  });
});
