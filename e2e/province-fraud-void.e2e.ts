import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { CertificateRegister, VoidPreview, YearReportView } from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, openDashboard } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

/**
 * 作弊处理 end to end: the province office finds the demo learner, who holds last year's
 * certificate, voids one credit of that year after reading the consequences, and then
 * finds the certificate revoked in 证书登记 and the HR delivery queued in 人社投递记录.
 */
describe('a province admin voids a credit of a certificate holder', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees what the void does, confirms it, and finds the certificate revoked and HR told', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    ({ page } = await openDashboard(browser!, url, 'demo-province-admin'));
    onTestFailed(async () => {
      await saveScreenshot(page, 'fraud-void-failure');
    });
    const register = await apiGet<CertificateRegister>(
      page,
      `${url}/api/v1/certificates?q=${encodeURIComponent('王晓明')}&status=valid`,
    );
    const certificate = register.items[0];
    if (!certificate) throw new Error('the demo learner holds no valid certificate');
    const { serial, year } = certificate;

    // 作弊处理 → find the person → their year.
    const menu = page.getByTestId('main-menu');
    await menu.getByText('作弊处理', { exact: true }).click();
    await page.waitForURL(`${url}/fraud`);
    await page.getByTestId('fraud-year').click();
    await page.locator(`.ant-select-item-option[title="${String(year)}"]`).click();
    const search = page.getByPlaceholder('输入姓名查找');
    await search.fill('王晓明');
    await search.press('Enter');
    await page.getByTestId('fraud-people').getByText('王晓明', { exact: true }).waitFor();
    await page.getByTestId('fraud-people').getByRole('link', { name: '查看学分并处理' }).click();
    await page.waitForURL(
      new RegExp(`/progress/people/${certificate.personId}\\?year=${String(year)}`),
    );

    // One credit of the year (the first row): the consequences come before anything changes.
    const yearPath = `${url}/api/v1/people/${certificate.personId}/years/${String(year)}`;
    const first = (await apiGet<YearReportView>(page, yearPath)).credits[0];
    if (!first) throw new Error('the demo learner has no credit that year');
    const preview = await apiGet<VoidPreview>(
      page,
      `${yearPath}/void-preview?claimId=${first.claimId}`,
    );
    await page.getByTestId('year-credits').getByTestId('void-credit').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('void-consequences').waitFor();
    expect(preview.claims).toHaveLength(1);
    expect(preview.before.compliant).toBe(true);
    expect(preview.after.compliant).toBe(false);
    await expect
      .poll(() => dialog.getByTestId('void-certificate').innerText())
      .toContain(`将撤销 ${String(year)} 年度证书 ${serial}`);
    expect(await dialog.getByTestId('void-hr').innerText()).toContain('人社');
    expect(await dialog.getByTestId('standing-before').innerText()).toContain(
      `${String(preview.before.totalCredits)} 学分`,
    );
    const after = await dialog.getByTestId('standing-after').innerText();
    expect(after).toContain('未达标');
    expect(after).toContain(`${String(preview.after.totalCredits)} 学分`);
    await saveScreenshot(page, 'fraud-void-consequences');

    // The reason is required; then the void.
    await dialog.getByTestId('confirm-void').click();
    await dialog.getByText('请填写作废原因').waitFor();
    await dialog.getByTestId('void-reason').fill('经核查，该学分系他人代签到取得');
    await dialog.getByTestId('confirm-void').click();
    const outcome = page.getByTestId('void-outcome');
    await outcome.waitFor();
    expect(await outcome.innerText()).toContain(`证书 ${serial} 已撤销`);
    await page.getByTestId('year-compliant').getByText('未达标').waitFor();
    await saveScreenshot(page, 'fraud-void-outcome');

    // The register shows it revoked, with the reason.
    await outcome.getByTestId('outcome-register').click();
    await page.waitForURL(new RegExp('/certificates\\?q='));
    const row = page.getByTestId('register-table').locator('tr', { hasText: serial });
    await row.getByText('已撤销', { exact: true }).waitFor();
    expect(await row.innerText()).toContain('经核查，该学分系他人代签到取得');
    await saveScreenshot(page, 'fraud-void-register');

    // The HR delivery log holds the queued notice about this certificate.
    await menu.getByText('人社投递记录', { exact: true }).click();
    await page.waitForURL(`${url}/hr-deliveries`);
    const delivery = page.getByTestId('deliveries-table').locator('tr', { hasText: serial });
    await delivery.getByText('学分作废', { exact: true }).waitFor();
    expect(await delivery.getByTestId('delivery-status').innerText()).toBe('待发送');
    expect(await page.getByTestId('receiver-settings').innerText()).toContain('未配置');
    await saveScreenshot(page, 'fraud-void-deliveries');
  });
});
