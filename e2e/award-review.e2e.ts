import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/**
 * 学分授予 in a real browser: the host admin awards a filed project's attendee and submits
 * the batch; the province admin returns a line of the demo batch and approves the host's.
 */
describe('a host awards credits and the province reviews the batch', () => {
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

  async function signedIn(username: string): Promise<Page> {
    const context = await browser!.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    const url = server!.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    return page;
  }

  it('host: new batch, a line by hand, submit', async ({ onTestFailed }) => {
    const page = await signedIn('demo-host-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'award-host-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/projects`);
    const row = page.locator('tr.ant-table-row', { hasText: '基层慢性病管理规范化培训班' });
    await row.getByTestId('project-awards').click();
    await page.waitForURL(/\/projects\/[^/]+\/awards$/);
    await page.getByTestId('new-batch').click();
    await page.waitForURL(/\/awards\/[^/]+$/);

    await page.getByTestId('award-person').click();
    await page.keyboard.type('王晓明');
    await page.locator('.ant-select-item-option', { hasText: '王晓明' }).first().click();
    await page.getByTestId('add-line').click();
    const lines = page.getByTestId('award-lines').locator('tbody tr.ant-table-row');
    await expect.poll(() => lines.count()).toBe(1);
    expect(await lines.first().innerText()).toContain('未提交');

    await page.getByTestId('submit-batch').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '提交审核' }).click();
    await expect.poll(() => lines.first().innerText()).toContain('待审核');
    await saveScreenshot(page, 'award-host-submitted');
  });

  it('province: returns a line of the demo batch, approves the host’s batch', async ({
    onTestFailed,
  }) => {
    const page = await signedIn('demo-province-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'award-province-failure');
    });
    const url = server!.url;
    await page.getByTestId('main-menu').getByText('授予审核', { exact: true }).click();
    await page.waitForURL(`${url}/award-reviews`);
    const batches = page.getByTestId('award-batches');
    await batches.getByText('心血管疾病诊疗新进展学习班').waitFor();
    await saveScreenshot(page, 'award-review-list');

    // The demo batch (from the attendance of the finished project): return one line.
    await batches.getByText('心血管疾病诊疗新进展学习班').click();
    await page.waitForURL(/\/awards\/[^/]+$/);
    const lines = page.getByTestId('award-lines').locator('tbody tr.ant-table-row');
    await expect.poll(() => lines.count()).toBe(12);
    await lines.first().locator('input[type=checkbox]').check();
    await page.getByTestId('return-selected').click();
    await page.getByTestId('return-reason').fill('授课学时与日程不符');
    await page.locator('.ant-modal').getByRole('button', { name: '退回所选' }).click();
    await expect.poll(() => lines.first().innerText()).toContain('已退回');
    expect(await lines.first().innerText()).toContain('授课学时与日程不符');

    // The host's batch: approve all.
    await page.goto(`${url}/award-reviews`);
    await batches.getByText('基层慢性病管理规范化培训班').click();
    await page.waitForURL(/\/awards\/[^/]+$/);
    await page.getByTestId('approve-all').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '全部通过' }).click();
    await expect.poll(() => lines.first().innerText()).toContain('已生效');
    await saveScreenshot(page, 'award-approved');
  });
});
