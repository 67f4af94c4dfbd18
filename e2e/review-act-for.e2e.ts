import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSignIn } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

interface Claim {
  id: string;
  currentReviewerOrgName: string | null;
  history: { action: string; actedFor: boolean; reviewerOrgName: string | null }[];
}

/**
 * 代审 in the browser (ADR 0023): the city reviewer's own queue holds the demo's claims at
 * the city; the 代审 tab those waiting at the bodies below. Approving one of the district
 * medical association's claims there asks for confirmation naming the association, and
 * the history reads 由 X 代 江南区医学会 审核; the same reviewer is then refused the
 * city's own approval of that claim (one person, one step).
 */
describe('the city reviewer acts for the district medical association', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the claim under 代审, confirms for whom, and cannot approve it twice', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'review-act-for-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-reviewer');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    await page.getByTestId('main-menu').getByText('审核队列', { exact: true }).click();
    await page.waitForURL(`${url}/reviews`);

    // The own queue: the demo's claims at the city, none of the association's.
    const rows = page.getByTestId('review-queue').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await page.getByTestId('review-queue').innerText()).not.toContain('江南区医学会');

    await page.getByTestId('tab-act-for').click();
    const below = rows.filter({ hasText: '江南区医学会' }).first();
    await below.waitFor();
    const id = (await below.getAttribute('data-row-key')) ?? '';
    await below.getByTestId('queue-open').click();
    const drawer = page.getByTestId('claim-drawer');
    expect(await drawer.getByTestId('act-for-alert').innerText()).toContain('江南区医学会');
    await saveScreenshot(page, 'review-act-for-drawer');
    await drawer.getByTestId('claim-approve').click();
    const confirm = page.locator('.ant-popconfirm:visible');
    await confirm.getByText('确定代 江南区医学会 审核通过该学分吗？').waitFor();
    // A click while the popconfirm is still zooming in can be lost on a loaded machine (the
    // failure screenshot: the popconfirm open 20 s later, nothing sent): click once it is in.
    await expect
      .poll(async () => (await confirm.getAttribute('class')) ?? '', { timeout: 5000 })
      .not.toMatch(/-appear/);
    await confirm.getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已审核通过').waitFor();

    const api = await apiSignIn(url, 'demo-reviewer');
    const claim = await api.call<Claim>('GET', `/api/v1/credits/${id}`);
    expect(claim.currentReviewerOrgName).toBe('东湖市卫生健康委员会');
    expect(claim.history.at(-1)).toMatchObject({
      action: 'approve',
      actedFor: true,
      reviewerOrgName: '江南区医学会',
    });

    // Now at the city, in the own queue: the history names the 代审, approving is refused.
    await page.getByRole('tab', { name: '待我审核' }).click();
    const own = page.locator(`tr[data-row-key="${id}"]`);
    await own.getByTestId('queue-open').click();
    expect(await drawer.getByTestId('history-acted-for').innerText()).toBe(
      '由 张审核（东湖市卫健委）（东湖市卫生健康委员会）代 江南区医学会 审核',
    );
    await drawer.getByTestId('claim-approve').click();
    await confirm.getByRole('button', { name: '审核通过' }).click();
    await page
      .getByText('您已在本次申报的前一级审核中通过了该申报，同一人不能在两级审核中重复通过。')
      .waitFor();
    await saveScreenshot(page, 'review-act-for-refused');
  });
});
