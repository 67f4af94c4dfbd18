/**
 * Two-step sign-in in the browser: a province administrator, whose role requires it here,
 * signs in with the password, lands on the set-up page, scans (the test reads the QR code
 * from the screen and the key from the page), confirms with a code computed by the same
 * library the server uses, saves the recovery codes, signs out, and signs in with password
 * and code — the second time on a phone's screen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import jsQR from 'jsqr';
import { Secret, TOTP } from 'otpauth';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const periodMs = 30_000;

function readQr(png: Buffer): string | null {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data ?? null;
}

const stepOf = (at: number) => Math.floor(at / periodMs);

/** The current code; first waiting for a fresh time step when `usedStep` is the current one. */
async function freshCode(secret: string, usedStep: number | null): Promise<[string, number]> {
  if (usedStep !== null && stepOf(Date.now()) <= usedStep) {
    await new Promise((resolve) =>
      setTimeout(resolve, (usedStep + 1) * periodMs - Date.now() + 200),
    );
  }
  const now = Date.now();
  return [
    new TOTP({ secret: Secret.fromBase32(secret) }).generate({ timestamp: now }),
    stepOf(now),
  ];
}

async function signInWithPassword(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByLabel('用户名', { exact: true }).fill('demo-province-admin');
  await page.getByLabel('密码', { exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe('a province administrator enrols two-step verification and signs in with it', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let desktop: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ env: { JIJIAO_MFA_REQUIRED_ROLES: 'province_admin' } });
    browser = await launchBrowser();
    desktop = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
    page = await desktop.newPage();
    page.setDefaultTimeout(20_000);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('enrols by QR code, keeps the recovery codes, then signs in with password and code', async ({
    onTestFailed,
  }) => {
    onTestFailed(async () => {
      await saveScreenshot(page, 'province-admin-totp-failure');
    });
    const url = server!.url;

    // The password alone gives a session that can only set up the second factor.
    await signInWithPassword(page, url);
    await page.waitForURL(`${url}/account/two-factor`);
    await page.getByTestId('two-factor-required').waitFor();
    await page.goto(`${url}/orgs`);
    await page.waitForURL(`${url}/account/two-factor`);

    await page.getByTestId('two-factor-start').click();
    const secretNode = page.getByTestId('two-factor-secret');
    await secretNode.waitFor();
    const secret = (await secretNode.getAttribute('data-secret')) ?? '';
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    // The QR code on the screen holds the same secret, for this account.
    const qr = readQr(await page.getByTestId('two-factor-qr').screenshot());
    expect(qr).toMatch(/^otpauth:\/\/totp\/Jijiao:demo-province-admin\?/);
    expect(new URL(qr ?? '').searchParams.get('secret')).toBe(secret);
    await saveScreenshot(page, 'province-admin-totp-enrol');

    const [code, usedStep] = await freshCode(secret, null);
    await page.getByTestId('two-factor-code').fill(code);
    await page.getByRole('button', { name: '确认启用' }).click();
    await page.getByTestId('two-factor-enrolled').waitFor();
    const codes = await page.getByTestId('recovery-codes').locator('li').allInnerTexts();
    expect(codes).toHaveLength(10);
    for (const c of codes) expect(c).toMatch(/^[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
    await page.getByTestId('recovery-codes-done').click();

    // Now the whole console opens.
    await page.waitForURL(`${url}/`);
    await page.getByTestId('main-menu').waitFor();
    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/login/);

    // Signing in again, on a phone: the password, then the app's next code.
    const phone = await browser!.newContext({
      locale: 'zh-CN',
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const phonePage = await phone.newPage();
    phonePage.setDefaultTimeout(20_000);
    page = phonePage;
    await signInWithPassword(phonePage, url);
    const codeInput = phonePage.getByTestId('second-factor-code');
    await codeInput.waitFor();
    expect(phonePage.url()).toContain('/login');
    expect(
      await phonePage.evaluate(() => document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await saveScreenshot(phonePage, 'province-admin-totp-second-step');

    // The code that confirmed the enrolment is refused if its 30 seconds are not over.
    if (stepOf(Date.now()) === usedStep) {
      await codeInput.fill(code);
      await phonePage.getByRole('button', { name: '验证并登录' }).click();
      await phonePage.getByTestId('second-factor-error').waitFor();
    }
    const [next] = await freshCode(secret, usedStep);
    await codeInput.fill(next);
    await phonePage.getByRole('button', { name: '验证并登录' }).click();
    await phonePage.waitForURL(`${url}/`);
    const me = (await phonePage.evaluate(async (): Promise<unknown> =>
      (await fetch('/api/v1/me')).json(),
    )) as {
      user: { username: string; twoFactor: { enrolled: boolean; required: boolean } };
    };
    expect(me.user).toMatchObject({
      username: 'demo-province-admin',
      twoFactor: { enrolled: true, required: true },
    });
    await phone.close();
  });
});
