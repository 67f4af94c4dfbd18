import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/**
 * 继教卡 in a real browser: the district bureau issues the demo hospital's pending card
 * order from its stock; the unit's card officer then reports one of the new cards lost
 * and has it reissued for the fee; the learner sees their card beside the check-in code.
 */
describe('a card order issued by the bureau, a card lost and reissued by the unit', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await server?.stop();
  });

  async function signIn(username: string, menu = '继教卡', path = '/cards'): Promise<Page> {
    if (!browser || !server) throw new Error('not started');
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 1000 },
    });
    contexts.push(context);
    const next = await context.newPage();
    next.setDefaultTimeout(20_000);
    await next.goto(`${server.url}/login`);
    await next.getByLabel('用户名', { exact: true }).fill(username);
    await next.getByLabel('密码', { exact: true }).fill(demoPassword);
    await next.getByRole('button', { name: '登录', exact: true }).click();
    await next.waitForURL(`${server.url}/`);
    await next.getByTestId('main-menu').getByText(menu, { exact: true }).click();
    await next.waitForURL(`${server.url}${path}`);
    return next;
  }

  it('the bureau issues the pending order from its stock', async ({ onTestFailed }) => {
    page = await signIn('demo-reviewer');
    onTestFailed(async () => {
      await saveScreenshot(page, 'card-orders-failure');
    });
    await page.getByRole('tab', { name: '领卡申请' }).click();
    const pending = page
      .getByTestId('orders-table')
      .locator('tr', { hasText: '新入职人员' })
      .filter({ hasText: '待发卡' });
    await pending.waitFor();
    expect(await pending.innerText()).toContain('东湖市江南区卫生健康局');
    await pending.getByTestId(/^fulfil-/).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText('已发卡', { exact: true }).first().waitFor();
    await page
      .getByTestId('orders-table')
      .locator('tr', { hasText: '新入职人员' })
      .filter({ hasText: '已发卡' })
      .waitFor();
    await saveScreenshot(page, 'card-order-fulfilled');
    // Blank-card intake opens the Excel import for the bureau.
    await page.getByRole('button', { name: '空白卡入库' }).click();
    await page.waitForURL(`${server!.url}/cards/import`);
    await page.getByText('空白卡入库（Excel）').first().waitFor();
  });

  it('the unit reports a card lost, then has it reissued with the fee', async ({
    onTestFailed,
  }) => {
    page = await signIn('demo-unit-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'card-loss-failure');
    });
    const table = page.getByTestId('cards-table');
    const lose = table.getByTestId(/^report-loss-/).first();
    await lose.waitFor();
    const number = ((await lose.getAttribute('data-testid')) ?? '').replace('report-loss-', '');
    expect(number).toMatch(/^[0-9A-Z]{6,20}$/);
    await lose.click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText(`已挂失 ${number}`).waitFor();

    // The lost card, found by its number, is offered for reissue.
    await page.getByPlaceholder('卡号开头').fill(number);
    await page.getByRole('button', { name: /查\s?询/ }).click();
    const row = table.locator('tr', { hasText: number });
    await row.getByTestId('card-status').filter({ hasText: '已挂失' }).waitFor();
    await row.getByTestId(`reissue-${number}`).click();
    await page.getByRole('dialog').getByTestId('reissue-number').fill('bad-no');
    await page.getByText('卡号须为 6 到 20 位数字或大写字母').waitFor();
    await page.getByRole('dialog').getByTestId('reissue-number').fill('');
    await page.getByRole('dialog').locator('.ant-btn-primary').click();
    const done = page.getByText(/已补办新卡 [0-9A-Z]+，工本费 ¥25/);
    await done.waitFor();
    await saveScreenshot(page, 'card-reissued');
  });

  it('the learner sees their card beside the check-in code', async ({ onTestFailed }) => {
    page = await signIn('demo-learner', '签到码', '/me/checkin-qr');
    onTestFailed(async () => {
      await saveScreenshot(page, 'my-cards-failure');
    });
    const mine = page.getByTestId('my-cards');
    await mine.getByText('东湖市江南区卫生健康局', { exact: false }).first().waitFor();
    expect(await mine.innerText()).toMatch(/[0-9A-Z]{6,20}/);
    expect(await mine.innerText()).toContain('正常');
  });
});
