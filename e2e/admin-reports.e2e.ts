import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

describe('a province admin reads the statistics and staff progress, the audit log and the rules, and creates an account', () => {
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

  it('opens 统计报表, 人员学分进度, 审计日志 and 规则', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'admin-reports-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-province-admin');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    const menu = page.getByTestId('main-menu');

    // Statistics of the demo hospital for last year (its audit is filed: some passed).
    await menu.getByText('统计报表', { exact: true }).click();
    await page.waitForURL(`${url}/statistics`);
    const lastYear = new Date().getFullYear() - 1;
    const me = await page.request.get(`${url}/api/v1/orgs?limit=500`);
    expect(me.ok()).toBe(true);
    const orgs = (await me.json()) as { items: { id: string; name: string }[] };
    const province = orgs.items[0]?.id ?? '';
    await page.goto(`${url}/statistics?unit=${province}&year=${String(lastYear)}`);
    await page.getByText('按专业', { exact: true }).waitFor();
    await page.getByText('按职称', { exact: true }).waitFor();
    await page.getByText('按单位级别', { exact: true }).waitFor();
    const rateText = await page.getByTestId('statistics-rate').innerText();
    const rate = Number(/([\d.]+)\s*%/.exec(rateText)?.[1]);
    expect(rate).toBeGreaterThan(0);
    expect(rate).toBeLessThan(100);
    // The province's children by kind (last year, only the city whose hospital had claims).
    const cities = page.getByTestId('statistics-by-city');
    await cities.getByText('东湖市卫生健康委员会').waitFor();
    // Names, never codes; 300 demo people wait for nobody, so no "as of" alert.
    const levels = await page.getByTestId('statistics-by-unit-level').innerText();
    expect(levels).not.toMatch(/provincial|county|township|none/);
    expect(await page.getByTestId('freshness-alert').count()).toBe(0);
    const buckets = await page
      .getByTestId('statistics-distribution')
      .locator('tbody tr.ant-table-row td:nth-child(2)')
      .allInnerTexts();
    expect(buckets).toHaveLength(9);
    const staffText = await page.locator('.ant-statistic-content').first().innerText();
    expect(buckets.reduce((sum, b) => sum + Number(b), 0)).toBe(Number(staffText));

    // A city's row opens its progress list for the same year.
    await cities.getByText('东湖市卫生健康委员会').click();
    await page.waitForURL(new RegExp(`/progress\\?unit=[0-9a-f-]{36}&year=${String(lastYear)}$`));
    await page.getByTestId('progress-summary').waitFor();
    expect(await page.getByTestId('progress-org').innerText()).toContain('东湖市卫生健康委员会');
    const units = await page
      .getByTestId('progress-table')
      .locator('tbody tr.ant-table-row')
      .allInnerTexts();
    expect(units.length).toBeGreaterThan(0);
    expect(units.join('\n')).not.toContain('演示省人民医院');

    // A filtered link, as a dashboard makes it, on a 1366×768 laptop.
    await page.setViewportSize({ width: 1366, height: 768 });
    const filter = `unit=${province}&compliant=false&profession=nurse&shortfallMin=10`;
    const expected = await page.request.get(
      `${url}/api/v1/units/${province}/progress?${filter}&limit=500`,
    );
    const answer = (await expected.json()) as {
      staffCount: number;
      behindCount: number;
      total: number;
      asOf: string | null;
    };
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.asOf).toBeNull();
    await page.goto(`${url}/progress?${filter}`);
    await expect
      .poll(async () => page.getByTestId('progress-summary').innerText())
      .toBe(
        `共 ${String(answer.staffCount)} 人，其中未达标 ${String(answer.behindCount)} 人；符合筛选条件 ${String(answer.total)} 人`,
      );
    expect(await page.getByTestId('freshness-alert').count()).toBe(0);
    expect(
      await page
        .getByTestId('progress-compliance')
        .locator('.ant-segmented-item-selected')
        .innerText(),
    ).toBe('未达标');
    expect(await page.getByTestId('progress-profession').innerText()).toContain('护士');
    const progressTable = page.getByTestId('progress-table');
    const rows = await progressTable.locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows).toHaveLength(Math.min(answer.total, 100));
    for (const row of rows) {
      expect(row).toContain('护士 · ');
      expect(row).toContain('未达标');
      expect(row).not.toMatch(/annual_total|class_I|nurse|junior|intermediate|senior/);
    }
    const overflow = await progressTable
      .locator('.ant-table-content, .ant-table-body')
      .first()
      .evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'progress-filtered-1366');
    // The export asks for the same filters and order.
    const [xlsx] = await Promise.all([
      page.waitForRequest(/\/progress\.xlsx/),
      page.getByTestId('export-progress').click(),
    ]);
    const sent = new URL(xlsx.url()).searchParams;
    expect(Object.fromEntries(sent)).toEqual({
      compliant: 'false',
      profession: 'nurse',
      shortfallMin: '10',
      sort: 'shortfall',
    });
    // A sort picked on the page goes to the URL and to the server.
    await page.getByTestId('progress-order').click();
    await page.locator('.ant-select-item-option', { hasText: '按姓名' }).click();
    await page.waitForURL(/sort=name/);
    await page.setViewportSize({ width: 1400, height: 900 });

    // The audit log: this sign-in is there, and a filter by family keeps only sign-ins.
    await menu.getByText('审计日志', { exact: true }).click();
    await page.waitForURL(`${url}/audit-log`);
    const table = page.getByTestId('audit-log-table');
    await table.getByText('登录成功').first().waitFor();
    await page.getByTestId('audit-log-actor').fill('demo-province-admin');
    await page.getByRole('button', { name: /查\s?询/ }).click();
    await table.getByText('demo-province-admin').first().waitFor();
    const actors = await table.locator('tbody tr.ant-table-row td:nth-child(4)').allInnerTexts();
    expect(actors.length).toBeGreaterThan(0);
    expect(new Set(actors.filter((a) => a.trim() !== ''))).toEqual(
      new Set(['demo-province-admin']),
    );

    // The rules: every pack in force, read-only, by name, its rules in words with sources.
    await menu.getByText('规则', { exact: true }).click();
    await page.waitForURL(`${url}/rules`);
    const packs = page.getByTestId('policy-packs');
    await packs.getByText('国卫办科教发〔2024〕20号', { exact: true }).click();
    await expect
      .poll(async () => page.getByTestId('pack-rules-national-2024').innerText())
      .toContain('年度总学分不少于 25 学分（折合 90 学时）');
    for (const name of [
      '继续医学教育学分授予与管理办法（2006）',
      '四川省继续医学教育学分管理办法（试行）',
      '湖南省卫生健康委关于做好卫生技术人员继续医学教育工作的通知',
      '广州市继续医学教育学分要求',
      '成都市锦江区继教学分录入指南（2020）',
    ])
      await packs.getByText(name, { exact: true }).first().waitFor();
  });

  it('creates a reviewer account whose one-time password signs in and must be changed', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'admin-accounts-failure');
    });
    const url = server!.url;
    await page.getByTestId('main-menu').getByText('账号管理', { exact: true }).click();
    await page.waitForURL(`${url}/accounts`);
    await page.getByTestId('accounts-table').getByText('demo-unit-admin').waitFor();
    await page.getByTestId('account-create').click();
    await page.getByTestId('account-username').fill('e2e-reviewer');
    await page.getByTestId('account-display-name').fill('省级审核员');
    await page.getByTestId('account-role').click();
    await page.locator('.ant-select-item-option', { hasText: '审核人' }).click();
    await page.getByTestId('account-org').click();
    await page
      .locator('.ant-select-tree-node-content-wrapper', { hasText: '演示省卫生健康委员会' })
      .first()
      .click();
    await page.getByRole('button', { name: /创\s?建/ }).click();
    const password = (await page.getByTestId('account-password').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(12);
    const signIn = await fetch(`${url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'e2e-reviewer', password }),
    });
    expect(signIn.status).toBe(200);
    const body = (await signIn.json()) as { user: { mustChangePassword: boolean } };
    expect(body.user.mustChangePassword).toBe(true);
    await page.getByRole('button', { name: '我已记下' }).click();
    await page.getByTestId('accounts-table').getByText('e2e-reviewer').waitFor();
  });
});
