import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { CertificateRegister, Me } from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, openDashboard } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

/**
 * The demo hospital's unit officer opens 证书登记 for last year and downloads the unit's
 * certificates as one zip: it opens, and holds one PDF per valid certificate the register
 * lists for the unit.
 */
describe('a unit officer downloads the unit’s certificates as a zip', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let workDir = '';

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    workDir = await mkdtemp(join(tmpdir(), 'jijiao-e2e-zip-'));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('gets a zip with one PDF per valid certificate of the unit', async ({ onTestFailed }) => {
    const url = server!.url;
    const { page } = await openDashboard(browser!, url, 'demo-unit-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'unit-certificates-zip-failure');
    });
    const me = await apiGet<Me>(page, `${url}/api/v1/me`);
    const unitId = me.roles[0]?.orgId ?? '';
    // The year the demo's audit certified (the page's default is last year too).
    const year = new Date().getFullYear() - 1;
    const register = await apiGet<CertificateRegister>(
      page,
      `${url}/api/v1/certificates?year=${String(year)}&status=valid&unitId=${unitId}&limit=200`,
    );
    expect(register.total).toBeGreaterThan(0);

    await page.goto(`${url}/certificates?year=${String(year)}`);
    const button = page.getByTestId('download-unit-certificates');
    await expect.poll(() => button.innerText()).toContain(`${String(year)} 年度证书`);
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const file = join(workDir, 'unit.zip');
    await download.saveAs(file);
    const listing = execFileSync('unzip', ['-l', file], { encoding: 'utf8' });
    for (const item of register.items) expect(listing).toContain(`${item.serial}.pdf`);
    expect(listing).toContain(`${String(register.total)} files`);
  });
});
