import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

describe('a reviewer signs in', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reaches the reviewer workbench and sees only the reviewer menu', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'reviewer-sign-in-failure');
    });
    const url = server!.url;

    await page.goto(`${url}/`);
    await page.waitForURL(/\/login/);
    await page.getByText('继教 · 继续医学教育学分管理').waitFor();
    await page.getByTestId('demo-banner').waitFor();

    await page.getByLabel('用户名', { exact: true }).fill('demo-reviewer');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();

    await page.waitForURL(`${url}/`);
    const menu = page.getByTestId('main-menu');
    await menu.getByText('工作台', { exact: true }).waitFor();
    await menu.getByText('机构', { exact: true }).waitFor();
    for (const otherRolesItem of ['我的学分', '我的项目', '系统管理']) {
      expect(await menu.getByText(otherRolesItem).count(), otherRolesItem).toBe(0);
    }
    expect(await page.getByTestId('home-title').innerText()).toBe('工作台');
    expect(await page.getByTestId('active-role').innerText()).toContain('审核人');
    await saveScreenshot(page, 'reviewer-home');

    // The orgs page lists the reviewer's scope from the real API.
    await menu.getByText('机构', { exact: true }).click();
    await page.waitForURL(`${url}/orgs`);
    await page.getByTestId('org-table').locator('tbody tr.ant-table-row').first().waitFor();
  });
});
