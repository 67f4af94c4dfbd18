import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as playwrightRequest, type APIRequestContext } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/** A tiny PNG: the signature is what the server checks. */
const pngScan = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('scan of the paper, first page'),
]);
const htmlAsJpeg = Buffer.from('<!doctype html><html><body>not a photo</body></html>');

/** The rules' answer shown on the form (empty until there is one). */
const previewText = (page: Page): Promise<string> =>
  page
    .getByTestId('preview-credits')
    .innerText()
    .catch(() => '');

interface ClaimSeen {
  id: string;
  credits: number;
  personName: string;
  activityType: string;
  status: string;
  version: number;
  currentReviewerOrgName: string | null;
}

/** A signed-in API session of a demo account (cookie kept by the context, CSRF token sent). */
async function apiSession(url: string, username: string) {
  const context: APIRequestContext = await playwrightRequest.newContext({ baseURL: url });
  const signIn = await context.post('/api/v1/session', {
    data: { username, password: demoPassword },
  });
  expect(signIn.status(), `${username} signs in`).toBe(200);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  return {
    context,
    async approve(claim: ClaimSeen): Promise<ClaimSeen> {
      const res = await context.post(`/api/v1/credits/${claim.id}/approve`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { version: claim.version },
      });
      expect(res.status(), `${username} approves: ${await res.text()}`).toBe(200);
      return (await res.json()) as ClaimSeen;
    },
    async returnClaim(claim: ClaimSeen, reason: string): Promise<ClaimSeen> {
      const res = await context.post(`/api/v1/credits/${claim.id}/return`, {
        headers: { 'x-csrf-token': csrfToken },
        data: { version: claim.version, reason },
      });
      expect(res.status(), `${username} returns: ${await res.text()}`).toBe(200);
      return (await res.json()) as ClaimSeen;
    },
    async queue(): Promise<ClaimSeen[]> {
      const res = await context.get('/api/v1/reviews/queue');
      expect(res.status()).toBe(200);
      return ((await res.json()) as { items: ClaimSeen[] }).items;
    },
  };
}

describe('a learner self-reports a paper and sees it count once approved', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const contexts: APIRequestContext[] = [];

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
    for (const c of contexts) await c.dispose();
    await browser?.close();
    await server?.stop();
  });

  const earnedTotal = async () =>
    Number(
      (await page.getByTestId('requirement-annual_total').getByTestId('earned').innerText()).trim(),
    );

  it('reports with a PNG scan, waits in review, then counts after the unit and the city approve', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'learner-self-report-failure');
    });
    const url = server!.url;

    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    await page.getByTestId('requirement-annual_total').waitFor();
    const before = await earnedTotal();
    const pendingRows = page.getByTestId('year-pending').locator('tbody tr.ant-table-row');
    const pendingBefore = await pendingRows.count();

    await page.getByTestId('report-credit').click();
    await page.waitForURL(`${url}/credits/new`);
    await page.getByLabel('活动类型').click();
    await page.locator('.ant-select-item-option[title="论文"]').click();
    // The form adapts: a paper asks for the journal and the author rank.
    await page.getByLabel('期刊类别').click();
    await page.locator('.ant-select-item-option[title="核心期刊"]').click();
    await page.getByLabel('作者排名').fill('1');
    const year = new Date().getFullYear();
    await page.getByLabel('日期', { exact: true }).fill(`${String(year)}-01-15`);
    // The rules' answer before submitting: a core-journal first author gets 6.
    await expect.poll(() => previewText(page), { timeout: 20_000 }).toContain('6');

    // A paper asks for its page or a retrieval report: the slot of that document takes it.
    const slot = page.getByTestId('evidence-slot-article_or_retrieval');
    const fileInput = slot.locator('input[type=file]');
    await fileInput.setInputFiles({ name: '伪装.jpg', mimeType: 'image/jpeg', buffer: htmlAsJpeg });
    const rejected = page.getByTestId('upload-rejected');
    await rejected.waitFor();
    expect(await rejected.innerText()).toContain('伪装.jpg 未被接受');
    expect(await rejected.innerText()).toContain('只接受 JPEG、PNG 或 PDF 文件');
    await fileInput.setInputFiles({ name: '论文扫描.png', mimeType: 'image/png', buffer: pngScan });
    await page.getByTestId('upload-ok').waitFor();
    expect(await slot.innerText()).toContain('论文扫描.png');
    await saveScreenshot(page, 'learner-self-report-form');

    await page.getByTestId('submit-claim').click();
    await page.waitForURL(`${url}/`);
    await expect.poll(() => pendingRows.count(), { timeout: 20_000 }).toBe(pendingBefore + 1);
    const pendingText = await page.getByTestId('year-pending').innerText();
    expect(pendingText).toContain('论文');
    expect(pendingText).toContain('审核中');
    expect(await earnedTotal()).toBe(before); // pending: not counted

    // The review chain (江南区人民医院 → 江南区医学会 → 东湖市卫健委 → 省继教办), through the API.
    // Each step by its own body's reviewer (ADR 0023).
    const unitAdmin = await apiSession(url, 'demo-unit-admin');
    const association = await apiSession(url, 'demo-association-reviewer');
    const city = await apiSession(url, 'demo-reviewer');
    const province = await apiSession(url, 'demo-province-reviewer');
    contexts.push(unitAdmin.context, association.context, city.context, province.context);
    let claim = (await unitAdmin.queue()).find(
      (c) => c.personName === '王晓明' && c.activityType === 'paper',
    );
    expect(claim, 'the claim waits for the unit').toBeDefined();
    claim = await unitAdmin.approve(claim!);
    expect(claim.currentReviewerOrgName).toBe('江南区医学会');
    claim = await association.approve(claim);
    expect(claim.currentReviewerOrgName).toBe('东湖市卫生健康委员会');
    claim = await city.approve(claim);
    expect(claim.currentReviewerOrgName).toBe('演示省继续医学教育委员会办公室');
    claim = await province.approve(claim);
    expect(claim.status).toBe('effective');

    await page.reload();
    await page.getByTestId('requirement-annual_total').waitFor();
    await expect.poll(earnedTotal, { timeout: 20_000 }).toBe(before + 6);
    expect(await pendingRows.count()).toBe(pendingBefore);
    const credits = await page.getByTestId('year-credits').innerText();
    expect(credits).toContain('论文');
    expect(credits).toContain('自主申报');
    expect(credits).toContain('已生效');
    await saveScreenshot(page, 'learner-home-after-approval');

    // The unit admin sees the learner among the staff and opens the same year view.
    const admin = await browser!.newPage({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    admin.setDefaultTimeout(20_000);
    await admin.goto(`${url}/login`);
    await admin.getByLabel('用户名', { exact: true }).fill('demo-unit-admin');
    await admin.getByLabel('密码', { exact: true }).fill(demoPassword);
    await admin.getByRole('button', { name: '登录', exact: true }).click();
    await admin.waitForURL(`${url}/`);
    await admin.getByTestId('main-menu').getByText('人员学分进度', { exact: true }).click();
    await admin.waitForURL(`${url}/progress`);
    await admin.getByTestId('progress-summary').waitFor();
    await admin.getByTestId('progress-table').getByRole('link', { name: '王晓明' }).click();
    await admin.waitForURL(/\/progress\/people\//);
    await admin.getByTestId('year-credits').getByText('论文').waitFor();
    expect(
      Number(await admin.getByTestId('requirement-annual_total').getByTestId('earned').innerText()),
    ).toBe(before + 6);
    await saveScreenshot(admin, 'unit-admin-person-year');
  });

  it('corrects a returned claim and resubmits it', async ({ onTestFailed }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'learner-correction-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/credits/new`);
    await page.getByLabel('活动类型').click();
    await page.locator('.ant-select-item-option[title="论文"]').click();
    await page.getByLabel('期刊类别').click();
    await page.locator('.ant-select-item-option[title="省级期刊"]').click();
    await page.getByLabel('作者排名').fill('3');
    await page
      .getByLabel('日期', { exact: true })
      .fill(`${String(new Date().getFullYear())}-02-01`);
    // The rules' answer for that date first (a provincial journal, third author: 1).
    await expect.poll(() => previewText(page), { timeout: 20_000 }).toMatch(/\d/);
    // A paper is submitted with its evidence (the form refuses it otherwise).
    await page
      .getByTestId('evidence-slot-article_or_retrieval')
      .locator('input[type=file]')
      .setInputFiles({
        name: '论文首页.png',
        mimeType: 'image/png',
        buffer: Buffer.concat([pngScan, Buffer.from(', second paper')]),
      });
    await page.getByTestId('upload-ok').waitFor();
    await page.getByTestId('submit-claim').click();
    await page.waitForURL(`${url}/`);

    const unitAdmin = await apiSession(url, 'demo-unit-admin');
    contexts.push(unitAdmin.context);
    const claim = (await unitAdmin.queue()).find(
      (c) => c.personName === '王晓明' && c.activityType === 'paper',
    );
    expect(claim, 'the second paper waits for the unit').toBeDefined();
    await unitAdmin.returnClaim(claim!, '作者排名与期刊不符，请核对');

    await page.goto(`${url}/credits`);
    const reason = page.getByTestId('return-reason');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('作者排名与期刊不符，请核对');
    await page.getByRole('link', { name: '修改后重新提交' }).click();
    await page.waitForURL(/\/credits\/.+\/edit$/);
    expect(await page.getByTestId('returned-reason').innerText()).toContain('作者排名与期刊不符');
    await page.getByLabel('作者排名').fill('1');
    await expect.poll(() => previewText(page), { timeout: 20_000 }).toContain('5');
    await page
      .getByTestId('evidence-slot-article_or_retrieval')
      .locator('input[type=file]')
      .setInputFiles({ name: '期刊封面.png', mimeType: 'image/png', buffer: pngScan });
    await page.getByTestId('upload-ok').waitFor();
    await page.getByTestId('submit-claim').click();
    await page.waitForURL(`${url}/`);
    const pending = page.getByTestId('year-pending');
    await expect.poll(() => pending.innerText(), { timeout: 20_000 }).toMatch(/论文[\s\S]*审核中/);
    const queued = (await unitAdmin.queue()).find((c) => c.id === claim!.id);
    expect(queued?.credits).toBe(5);
  });
});
