import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Request } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const pngScan = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from('attendance certificate of a national project'),
]);

/** `YYYY-MM-DD` of a day `offset` days from today, in local time (as the form reads it). */
function localDay(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(d.getFullYear())}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

describe('the self-report form prevents mistakes before anything is sent', () => {
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
    // Creating or submitting a claim; the preview (…/credits/preview) is not a save.
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

  /** The error text shown under the form item that holds `control`. */
  const errorBeside = (control: ReturnType<Page['getByTestId']>) =>
    page
      .locator('.ant-form-item')
      .filter({ has: control })
      .locator('.ant-form-item-explain-error')
      .first();

  it('fills a filed project by its number, takes the province by name, and refuses a future date, a negative count and a missing file beside their fields', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'self-report-form-failure');
    });
    const url = server!.url;
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    await page.goto(`${url}/credits/new`);

    await page.getByLabel('活动类型').click();
    await page.locator('.ant-select-item-option[title="继续医学教育项目"]').click();
    await page.getByLabel('身份').click();
    await page.locator('.ant-select-item-option[title="学员"]').click();

    // The number of a filed project fills the level, the date and an attendee's credits.
    await page.getByLabel('项目编号').fill('2026-04-08-001（国）');
    await page.getByRole('button', { name: '查找备案项目' }).click();
    const note = page.getByTestId('project-lookup-note');
    await note.waitFor();
    expect(await note.innerText()).toContain('心血管疾病诊疗新进展学习班');
    expect(await page.getByTestId('activity-date').inputValue()).toBe('2026-03-10');
    expect(Number(await page.getByLabel('授予学分').inputValue())).toBe(8);
    const level = page.locator('.ant-form-item').filter({ has: page.getByLabel('级别') });
    expect(await level.innerText()).toContain('国家级');

    // The host province is chosen by its name, never typed as a code.
    await page.getByLabel('举办地（省份）').click();
    await page.keyboard.type('北京');
    await page.locator('.ant-select-item-option[title="北京市"]').click();
    expect(
      await page
        .locator('.ant-form-item')
        .filter({ has: page.getByLabel('举办地（省份）') })
        .innerText(),
    ).toContain('北京市');

    // Tomorrow, a negative count of hours, and no evidence file.
    await page.getByTestId('activity-date').fill(localDay(1));
    await page.getByLabel('学时').fill('-3');
    await page.getByTestId('submit-claim').click();

    await expect
      .poll(() =>
        errorBeside(page.getByTestId('activity-date'))
          .innerText()
          .catch(() => ''),
      )
      .toBe('日期不能晚于今天');
    await expect
      .poll(() =>
        errorBeside(page.getByLabel('学时'))
          .innerText()
          .catch(() => ''),
      )
      .toBe('学时须大于 0');
    expect(Number(await page.getByLabel('学时').inputValue()), 'the count is kept as typed').toBe(
      -3,
    );
    const evidenceError = page
      .getByTestId('evidence-field')
      .locator('.ant-form-item-explain-error');
    // A project asks for its credit certificate, by name.
    await expect.poll(() => evidenceError.innerText().catch(() => '')).toBe('请上传：学分证书');
    await saveScreenshot(page, 'self-report-form-refused');
    expect(await page.locator('body').innerText()).not.toContain('服务器出错');
    expect(saves, 'nothing was sent').toEqual([]);

    // Corrected: a past date, a positive count, the certificate attached — then it is sent.
    await page.getByTestId('activity-date').fill('2026-03-10');
    await page.getByLabel('学时').fill('6');
    await page
      .getByTestId('evidence-slot-credit_certificate')
      .locator('input[type=file]')
      .setInputFiles({ name: '学分证书.png', mimeType: 'image/png', buffer: pngScan });
    await page.getByTestId('upload-ok').waitFor();
    await expect.poll(() => evidenceError.count()).toBe(0);
    await page.getByTestId('submit-claim').click();
    await page.waitForURL(`${url}/`);
    expect(saves).toEqual(['/api/v1/credits']);
  });
});
