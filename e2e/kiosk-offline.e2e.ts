import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request, type APIRequestContext, type Browser, type Page } from 'playwright-core';
import type { CardList, KioskSessions } from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const deviceToken = 'e2e_kiosk_device_token_0001';

describe('the check-in kiosk', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let api: APIRequestContext | undefined;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ env: { JIJIAO_DEMO_DEVICE_TOKEN: deviceToken } });
    browser = await launchBrowser();
    api = await request.newContext({ baseURL: server.url });
  });

  afterAll(async () => {
    await api?.dispose();
    await browser?.close();
    await server?.stop();
  });

  /** Four active demo cards, as the unit's card officer sees them. */
  async function activeCardNumbers(): Promise<string[]> {
    const signIn = await api!.post('/api/v1/session', {
      data: { username: 'demo-unit-admin', password: demoPassword },
    });
    expect(signIn.status()).toBe(200);
    const list = await api!.get('/api/v1/cards?status=active&limit=4');
    expect(list.status()).toBe(200);
    return ((await list.json()) as CardList).items.map((c) => c.number);
  }

  /** What the server holds: check-ins per session, read with the kiosk's own token. */
  async function storedCheckIns(): Promise<number> {
    const response = await api!.get('/api/v1/checkins/sessions', {
      headers: { authorization: `Bearer ${deviceToken}` },
    });
    const body = (await response.json()) as KioskSessions;
    return body.sessions.reduce((sum, s) => sum + s.checkInCount, 0);
  }

  async function swipe(number: string, expected: string) {
    // A keyboard-emulating card reader: the digits, then Enter, into the focused field.
    await page.keyboard.type(number);
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="kiosk-result"][data-result="${expected}"]`).waitFor();
  }

  it('checks in by card reader, keeps swipes while offline and sends each once', async ({
    onTestFailed,
  }) => {
    const context = await browser!.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'kiosk-offline-failure');
    });
    const [first, ...offline] = await activeCardNumbers();
    expect(offline).toHaveLength(3);

    await page.goto(`${server!.url}/kiosk`);
    await page.getByLabel('设备令牌').fill(deviceToken);
    await page.getByRole('button', { name: '开始签到' }).click();
    await page.getByTestId('kiosk-project').getByText('演示签到').waitFor();
    await page.getByText('请刷卡或出示签到码').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('kiosk-input');

    await swipe(first!, 'accepted');
    await page.getByText('签到成功').waitFor();
    expect(await page.getByTestId('kiosk-person').innerText()).toContain('*');
    await saveScreenshot(page, 'kiosk-accepted');
    expect(await storedCheckIns()).toBe(1);

    // The network drops: the kiosk keeps accepting swipes into IndexedDB.
    await context.setOffline(true);
    for (const number of offline) await swipe(number, 'queued');
    await page.locator('[data-testid="kiosk-pending"][data-count="3"]').waitFor();
    await page.locator('[data-testid="kiosk-network"][data-online="false"]').waitFor();
    await saveScreenshot(page, 'kiosk-offline');
    expect(await storedCheckIns()).toBe(1);

    // Back online: the queue is sent, and the server holds every swipe once.
    await context.setOffline(false);
    await page.locator('[data-testid="kiosk-pending"][data-count="0"]').waitFor();
    await expect.poll(storedCheckIns).toBe(4);
    // A later flush (every few seconds) finds nothing left to send: still four.
    await page.waitForTimeout(6_000);
    expect(await storedCheckIns()).toBe(4);

    // The same card again is answered, not counted.
    await swipe(first!, 'already_checked_in');
    expect(await storedCheckIns()).toBe(4);
    await context.close();
  });

  it('shows the host the sessions, kiosks and attendance of the project', async ({
    onTestFailed,
  }) => {
    const context = await browser!.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
    onTestFailed(async () => {
      await saveScreenshot(page, 'project-checkin-failure');
    });
    const kiosk = (await (
      await api!.get('/api/v1/checkins/sessions', {
        headers: { authorization: `Bearer ${deviceToken}` },
      })
    ).json()) as KioskSessions;

    await page.goto(`${server!.url}/login`);
    await page.getByLabel('用户名', { exact: true }).fill('demo-host-admin');
    await page.getByLabel('密码', { exact: true }).fill(demoPassword);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(`${server!.url}/`);
    await page.goto(`${server!.url}/projects/${kiosk.project.id}/checkin`);
    await page.getByTestId('page-title').getByText('签到管理').waitFor();
    await page.getByText('A 厅入口签到机').waitFor();
    await page.getByText('4 人签到', { exact: false }).waitFor();
    await saveScreenshot(page, 'project-checkin');
    await context.close();
  });
});
