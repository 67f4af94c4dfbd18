import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { apiSignIn } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet } from './support/dashboard';
import { demoPassword, startTestServer, type TestServer } from './support/server';

/** A phone held upright: what the public and learners scan and read certificates on. */
const phone: BrowserContextOptions = {
  locale: 'zh-CN',
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

/** The text of the QR code in a PNG image, or null when none is found. */
function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

/** Nothing wider than the phone: no sideways scrolling, no table squeezed off the screen. */
async function pageWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

describe('a certificate on a phone: the learner downloads it, the public checks its QR code', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let workDir = '';
  let serial = '';
  let qrUrl = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    workDir = await mkdtemp(join(tmpdir(), 'jijiao-e2e-certificate-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('the learner goes from the home page to 我的证书 and downloads last year’s certificate as a real PDF', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    const context = await browser!.newContext({ ...phone, acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'certificates-learner-failure');
    });
    await page.goto(`${url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-learner');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${url}/`);
    const lastYear =
      (await apiGet<{ currentYear: number }>(page, `${url}/api/v1/me/years`)).currentYear - 1;

    // The demo filed last year's audit: the home page says the certificate is out and leads to it.
    await expect
      .poll(() => page.getByTestId('year-certificate').innerText())
      .toContain(`${String(lastYear)} 年度审验合格`);
    await page.getByTestId('year-certificate-link').click();
    await page.waitForURL(`${url}/me/certificates`);
    const card = page.getByTestId(`certificate-${String(lastYear)}`);
    await expect.poll(() => card.getByTestId('certificate-state').innerText()).toBe('有效');
    const text = await card.innerText();
    serial = /\d{6}-\d{4}-[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(text)?.[0] ?? '';
    expect(serial, text).toMatch(new RegExp(`^\\d{6}-${String(lastYear)}-`));
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      card.getByTestId('download-pdf').click(),
    ]);
    expect(download.suggestedFilename()).toBe(`certificate-${serial}.pdf`);
    const pdfFile = join(workDir, 'certificate.pdf');
    await download.saveAs(pdfFile);
    const pdf = await readFile(pdfFile);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // A reader opens it: one A4 page that names the holder's certificate by its serial.
    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    expect(info).toMatch(/Pages:\s+1\n/);
    expect(info).toMatch(/\(A4\)/);
    expect(execFileSync('pdftotext', [pdfFile, '-'], { encoding: 'utf8' })).toContain(serial);

    // The URL its printed QR code carries, read back from the rendered page.
    const prefix = join(workDir, 'page');
    execFileSync('pdftoppm', ['-r', '150', '-png', '-singlefile', pdfFile, prefix]);
    qrUrl = readQr(await readFile(`${prefix}.png`)) ?? '';
    expect(qrUrl).toMatch(new RegExp(`^https?://[^/]+/verify/${serial}$`));
    // The QR code on the page and the link beside it say the same.
    expect(readQr(await card.getByTestId('certificate-qr').screenshot())).toBe(qrUrl);
    expect(await card.getByTestId('certificate-verify-link').getAttribute('href')).toBe(qrUrl);
    await context.close();
  });

  it('the public opens the QR code’s link on a phone, without signing in, and sees it valid', async ({
    onTestFailed,
  }) => {
    expect(qrUrl, 'the previous journey read the QR code').not.toBe('');
    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'certificates-public-failure');
    });
    // Exactly the printed URL (the server's public base URL): the web app's page, not sign-in.
    await page.goto(qrUrl);
    const status = page.getByTestId('verify-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('valid');
    expect(new URL(page.url()).pathname).toBe(`/verify/${serial}`);
    expect(await status.innerText()).toContain('证明有效');
    const facts = await page.getByTestId('verify-facts').innerText();
    expect(facts).toContain(serial);
    // The holder masked: the demo learner is 王晓明.
    expect(facts).toContain('王*明');
    expect(facts).not.toContain('王晓明');
    expect(await page.getByTestId('verify-keys-link').getAttribute('href')).toMatch(
      /\/api\/v1\/certificates\/keys$/,
    );
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('after the province revokes it, the same link says revoked, with the date and the reason', async ({
    onTestFailed,
  }) => {
    expect(qrUrl, 'the first journey read the QR code').not.toBe('');
    const reason = '学分证明材料造假';
    const province = await apiSignIn(server!.url, 'demo-province-admin');
    await province.call('POST', `/api/v1/certificates/${serial}/revoke`, { reason });

    const context = await browser!.newContext(phone);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'certificates-revoked-failure');
    });
    await page.goto(qrUrl);
    const status = page.getByTestId('verify-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('revoked');
    expect(await status.innerText()).toContain('证明已撤销');
    expect(await status.innerText()).toMatch(/已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 撤销/);
    expect(await page.getByTestId('verify-revoked-reason').innerText()).toBe(reason);
    expect(await pageWidth(page)).toBeLessThanOrEqual(390);
    await context.close();
  });
});
