import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { apiSignIn } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

interface Claim {
  id: string;
  status: string;
  version: number;
}

const reason = '请补充论文检索证明';

/**
 * A learner's self-reported paper is returned by the unit admin (through the API); on a
 * phone, the learner sees the year's entry deadline and the bell's count, reads the reason
 * in the notification and opens the claim, where the correction form shows the same reason
 * (ADR 0038, ADR 0039).
 */
describe('a learner is told of a returned claim by the bell', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let claim: Claim;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const url = server.url;
    const scanPage = await browser.newPage({ viewport: { width: 320, height: 200 } });
    await scanPage.setContent(
      '<body><h1 style="font:24px serif;padding:24px">论文首页</h1></body>',
    );
    const png = await scanPage.screenshot({ type: 'png' });
    await scanPage.close();

    const learner = await apiSignIn(url, 'demo-learner');
    const uploaded = await learner.upload<{ sha256: string }>(
      '/api/v1/evidence',
      png,
      '论文首页.png',
      'image/png',
    );
    const draft = await learner.call<Claim>('POST', '/api/v1/credits', {
      activity: { type: 'paper', date: '2026-02-10', journal: 'core', authorRank: 1 },
      evidence: [
        { sha256: uploaded.sha256, fileName: '论文首页.png', kind: 'article_or_retrieval' },
      ],
    });
    const submitted = await learner.call<Claim>('POST', `/api/v1/credits/${draft.id}/submit`, {
      version: draft.version,
    });
    const unitAdmin = await apiSignIn(url, 'demo-unit-admin');
    claim = await unitAdmin.call<Claim>('POST', `/api/v1/credits/${submitted.id}/return`, {
      version: submitted.version,
      reason,
    });
    expect(claim.status).toBe('returned');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the reason from the notification and opens the claim (390 px)', async ({
    onTestFailed,
  }) => {
    const context = await browser!.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'learner-notifications-failure');
    });
    await page.goto(`${server!.url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${server!.url}/`);

    // The year's deadline on the home, with the days left.
    const deadline = page.getByTestId('deadline-entryCloses');
    await deadline.waitFor();
    expect(await deadline.innerText()).toMatch(
      /学分录入截止：\d{4}-\d{2}-\d{2}.*(还有 \d+ 天|就是今天|已过)/,
    );

    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/^通知，\d+ 条未读$/);
    await saveScreenshot(page, 'learner-notifications-bell');
    await bell.click();
    await page.waitForURL(`${server!.url}/notifications`);
    const item = page.getByTestId('notification-item').filter({ hasText: reason });
    await item.waitFor();
    expect(await item.innerText()).toContain('学分申请被退回');
    expect(await item.getAttribute('data-unread')).toBe('true');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await saveScreenshot(page, 'learner-notifications-list');

    await item.click();
    await page.waitForURL(`${server!.url}/credits/${claim.id}/edit`);
    const shown = page.getByTestId('returned-reason');
    await shown.waitFor();
    expect(await shown.innerText()).toContain(reason);

    await page.goBack();
    await page.waitForURL(`${server!.url}/notifications`);
    const read = page.getByTestId('notification-item').filter({ hasText: reason });
    await expect.poll(() => read.getAttribute('data-unread')).toBe('false');
    await context.close();
  });
});
