import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/** 批量录入 in a real browser: two staff, one in-house lecture, a preview, then entry. */
describe('a unit admin enters one activity for several staff', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('picks staff, previews the credits and enters them', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'bulk-entry-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-unit-admin');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    await page.getByTestId('main-menu').getByText('批量录入', { exact: true }).click();
    await page.waitForURL(`${url}/credits/bulk`);

    // Two staff from the unit's list.
    await page.getByTestId('bulk-staff').click();
    const options = page.locator('.ant-select-item-option');
    await options.first().waitFor();
    await options.nth(0).click();
    await options.nth(1).click();
    await page.keyboard.press('Escape');
    await page.getByText('已选 2 人').waitFor();

    // An ID number that is nobody of this unit is reported, not silently dropped.
    await page.getByTestId('bulk-paste').fill('110105198803070241');
    await page.getByTestId('bulk-match').click();
    await page.getByTestId('bulk-not-found').waitFor();

    await page.getByTestId('bulk-date').click();
    await page.keyboard.type('2026-02-20');
    await page.keyboard.press('Enter');
    // A negative count is refused beside its field, in Chinese, and nothing is sent.
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/v1/'))
        sent.push(request.url());
    });
    await page.getByTestId('bulk-times').fill('-2');
    await page.getByTestId('bulk-submit').click();
    const timesError = page
      .locator('.ant-form-item')
      .filter({ has: page.getByTestId('bulk-times') })
      .locator('.ant-form-item-explain-error');
    await expect.poll(() => timesError.innerText().catch(() => '')).toBe('次数须为正整数');
    expect(sent, 'nothing was sent').toEqual([]);
    await page.getByTestId('bulk-times').fill('2');

    await page.getByTestId('bulk-preview').click();
    const preview = page.getByTestId('bulk-preview-result');
    await preview.waitFor();
    expect(await preview.innerText()).toMatch(/每人 [\d.]+ 学分/);

    await page.getByTestId('bulk-submit').click();
    await page.getByText('已为 2 人录入').waitFor();
    await page.getByText('已选 0 人').waitFor();
    await saveScreenshot(page, 'bulk-entry-done');
  });
});
