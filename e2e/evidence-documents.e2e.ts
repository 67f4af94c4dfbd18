import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const scan = (words: string) =>
  Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.from(words),
  ]);

/** `YYYY-MM-DD` of a day `offset` days from today, in local time (as the form reads it). */
function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('对口支援 asks for its two documents (pack `evidence`)', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let page: Page;
  const saves: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const context = await browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1400, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    page.on('request', (request: Request) => {
      const path = new URL(request.url()).pathname;
      if (request.method() === 'POST' && /^\/api\/v1\/credits(\/[^/]+\/submit)?$/.test(path))
        saves.push(path);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the dispatch document and the evaluation, refuses to send without both, and sends once both are attached', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'evidence-documents-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    await page.goto(`${url}/credits/new`);

    await page.getByLabel('活动类型').click();
    // The list is virtual: move down it until 对口支援 is drawn.
    const aidPost = page.locator('.ant-select-item-option[title="对口支援"]');
    for (let i = 0; i < 20 && !(await aidPost.isVisible()); i += 1)
      await page.keyboard.press('ArrowDown');
    await aidPost.click();

    // The two documents the rules ask for, each with its own upload, named in Chinese.
    const dispatch = page.getByTestId('evidence-slot-dispatch_document');
    const evaluation = page.getByTestId('evidence-slot-receiving_unit_evaluation');
    await dispatch.waitFor();
    await evaluation.waitFor();
    expect(await dispatch.innerText()).toContain('派出文件');
    expect(await evaluation.innerText()).toContain('接收单位考核/鉴定意见');
    expect(await page.locator('[data-testid^="evidence-slot-"]').count()).toBe(2);
    const field = await page.getByTestId('evidence-field').innerText();
    expect(field).not.toMatch(/dispatch_document|receiving_unit_evaluation/);

    await page.getByTestId('activity-date').fill(localDay(-20));
    await page.getByLabel('月数').fill('2');

    const evidenceError = page
      .getByTestId('evidence-field')
      .locator('.ant-form-item-explain-error');
    // Nothing attached: both named beside the field, nothing sent.
    await page.getByTestId('submit-claim').click();
    await expect
      .poll(() => evidenceError.innerText().catch(() => ''))
      .toBe('请上传：派出文件、接收单位考核/鉴定意见');
    expect(saves, 'nothing was sent').toEqual([]);

    // The dispatch document alone: the evaluation is still asked for.
    await dispatch
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '派遣文件.png', mimeType: 'image/png', buffer: scan('dispatch') });
    await expect.poll(() => dispatch.innerText()).toContain('派遣文件.png');
    await page.getByTestId('submit-claim').click();
    await expect
      .poll(() => evidenceError.innerText().catch(() => ''))
      .toBe('请上传：接收单位考核/鉴定意见');
    await saveScreenshot(page, 'evidence-documents-refused');
    expect(saves, 'still nothing sent').toEqual([]);

    // Both attached: the claim is sent and submitted.
    await evaluation
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: '考核意见.png', mimeType: 'image/png', buffer: scan('evaluation') });
    await expect.poll(() => evaluation.innerText()).toContain('考核意见.png');
    await expect.poll(() => evidenceError.count()).toBe(0);
    await page.getByTestId('submit-claim').click();
    await page.waitForURL(`${url}/`);
    expect(saves).toEqual(['/api/v1/credits']);
  });
});
