import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const demoKey = 'e2e-demo-platform-key-0123456789';

/** Pushes an empty credit with a key: 422 means the key was accepted, 401 that it was not. */
async function pushWith(url: string, secret: string): Promise<number> {
  const response = await fetch(`${url}/api/v1/provider/credits`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${secret}`,
      'content-type': 'application/json',
      'idempotency-key': `e2e-${String(Date.now())}`,
    },
    body: JSON.stringify({}),
  });
  return response.status;
}

describe('a province admin manages platform API keys', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ env: { JIJIAO_DEMO_PLATFORM_KEY: demoKey } });
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

  it('sees the demo key, issues a key shown once, and revokes it', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'platform-keys-failure');
    });
    const url = server!.url;
    expect(await pushWith(url, demoKey)).toBe(422);

    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-province-admin');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    await page.getByTestId('main-menu').getByText('平台接入', { exact: true }).click();
    await page.waitForURL(`${url}/platforms`);

    const card = page.locator('.ant-card', { hasText: '好医生在线教育平台' }).last();
    await card.getByText(demoKey.slice(0, 8), { exact: false }).waitFor();
    expect(await page.content()).not.toContain(demoKey);

    await card.getByRole('button', { name: '签发密钥' }).click();
    await page.getByLabel('用途').fill('端到端测试');
    await page.getByRole('dialog').getByRole('button', { name: '签发密钥' }).click();
    const secretBox = page.getByTestId('platform-secret');
    await secretBox.waitFor();
    const secret = (await secretBox.innerText()).trim();
    expect(secret).toMatch(/^jjk_/);
    expect(await pushWith(url, secret)).toBe(422);
    await saveScreenshot(page, 'platform-key-issued');
    await page.getByRole('button', { name: '我已保存' }).click();
    await secretBox.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    const row = card.locator('tr', { hasText: '端到端测试' });
    await row.getByRole('button', { name: '吊销' }).click();
    await page.getByRole('button', { name: /确\s*定|OK/ }).click();
    await row.getByText('已于', { exact: false }).waitFor();
    expect(await pushWith(url, secret)).toBe(401);
    expect(await pushWith(url, demoKey)).toBe(422);
  });
});
