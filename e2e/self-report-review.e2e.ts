import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiSignIn, type ApiSession } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

interface Claim {
  id: string;
  status: string;
  version: number;
  currentReviewerOrgId: string | null;
  evidence: { sha256: string; contentType: string }[];
}

/**
 * A learner's self-reported paper with a scan (set up through the API), approved in the
 * browser by the unit admin in the review queue (bulk approve) and then by the city
 * reviewer from the claim's detail, where the scan is shown; the claim is then effective.
 */
describe('a self-reported paper walks the review chain in the browser', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let learner: ApiSession;
  let claim: Claim;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const url = server.url;

    // The hospital reports to the city directly for this journey: unit → 东湖市 → effective.
    const unitAdmin = await apiSignIn(url, 'demo-unit-admin');
    const cityReviewer = await apiSignIn(url, 'demo-reviewer');
    const province = await apiSignIn(url, 'demo-province-admin');
    const hospital = unitAdmin.roles[0]!.orgId;
    const city = cityReviewer.roles[0]!.orgId;
    await province.call('PUT', `/api/v1/orgs/${hospital}/review-chain`, { steps: [city] });

    // A real PNG (a screenshot of a small page) as the scan of the paper.
    const scanPage = await browser.newPage({ viewport: { width: 320, height: 200 } });
    await scanPage.setContent(
      '<body style="margin:0;background:#fff"><h1 style="font:24px serif;padding:24px">论文首页</h1></body>',
    );
    const png = await scanPage.screenshot({ type: 'png' });
    await scanPage.close();

    learner = await apiSignIn(url, 'demo-learner');
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
    claim = await learner.call<Claim>('POST', `/api/v1/credits/${draft.id}/submit`, {
      version: draft.version,
    });
    expect(claim.status).toBe('submitted');
    expect(claim.currentReviewerOrgId).toBe(hospital);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signInAs(username: string): Promise<Page> {
    const context = await browser!.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${server!.url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill(username);
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${server!.url}/`);
    await page.getByTestId('main-menu').getByText('审核队列', { exact: true }).click();
    await page.waitForURL(`${server!.url}/reviews`);
    return page;
  }

  it('the unit admin approves it from the queue', async ({ onTestFailed }) => {
    const page = await signInAs('demo-unit-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'review-unit-admin-failure');
    });
    const row = page.locator(`tr[data-row-key="${claim.id}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('论文');
    await row.locator('.ant-checkbox-input').check();
    await page.getByTestId('bulk-approve').click();
    const results = page.getByTestId('bulk-results');
    await results.getByText('成功').waitFor();
    expect(await results.innerText()).toContain('审核中');
    await saveScreenshot(page, 'review-unit-admin-bulk');
    await page
      .getByRole('dialog')
      .getByRole('button', { name: /close|关闭/i })
      .click();
    await row.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('the city reviewer sees the scan in the detail and approves it', async ({ onTestFailed }) => {
    const page = await signInAs('demo-reviewer');
    onTestFailed(async () => {
      await saveScreenshot(page, 'review-city-failure');
    });
    const row = page.locator(`tr[data-row-key="${claim.id}"]`);
    await row.getByTestId('queue-open').click();
    const drawer = page.getByTestId('claim-drawer');
    await drawer.getByTestId('claim-credits').waitFor();
    expect(await drawer.getByTestId('claim-credits').innerText()).toBe('6');
    const image = drawer.locator('img[alt="论文首页.png"]');
    await image.waitFor();
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    expect(await drawer.innerText()).toContain('个人申报');
    await saveScreenshot(page, 'review-city-detail');
    await drawer.getByTestId('claim-approve').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: '审核通过' }).click();
    await page.getByText('已审核通过').waitFor();
    await row.waitFor({ state: 'detached' });
    await page.context().close();

    const final = await learner.call<Claim>('GET', `/api/v1/credits/${claim.id}`);
    expect(final.status).toBe('effective');
  });
});
