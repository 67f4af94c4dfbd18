import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { SystemDashboard } from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, chartDrawn, openDashboard, statValue } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

/**
 * The system administrator's 工作台 at 1366×768: someone mistypes the unit admin's
 * password five times, which locks the account. The tiles count it, the chart shows
 * today's failures, the database reads as the embedded one, up to date; the locked tile
 * opens 账号管理 with only the locked account, the failures tile the audit log of them.
 */
describe('a system administrator reads the 工作台 and drills down', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    for (let i = 0; i < 5; i += 1) {
      const attempt = await fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'demo-unit-admin', password: 'not-the-password' }),
      });
      expect(attempt.status).toBe(401);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows locked accounts, failed sign-ins and the database', async ({ onTestFailed }) => {
    const url = server!.url;
    const { page, cspViolations } = await openDashboard(browser!, url, 'demo-system-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'system-admin-dashboard-failure');
    });
    await page.getByTestId('system-dashboard').waitFor();
    const health = await apiGet<SystemDashboard>(page, `${url}/api/v1/system/dashboard`);
    expect(health.lockedAccounts).toBe(1);
    expect(health.failedSignIns.last24h).toBe(5);
    expect(await statValue(page, 'stat-locked-accounts')).toBe('1');
    expect(await statValue(page, 'stat-failed-sign-ins')).toBe('5');
    expect(await statValue(page, 'stat-hr-pending')).toBe(String(health.hrPush.pending));
    expect(await statValue(page, 'stat-hr-failed')).toBe(String(health.hrPush.failed));

    await chartDrawn(page, 'chart-failed-sign-ins');
    const label =
      (await page.getByTestId('chart-failed-sign-ins').getAttribute('aria-label')) ?? '';
    const today = health.failedSignIns.byDay.at(-1)!;
    expect(label).toMatch(new RegExp(`^近 7 天登录失败次数：.*${today.day.slice(5)} 5$`));
    const database = page.getByTestId('database-health');
    await database.getByText('内嵌数据库（PGlite，单进程）').waitFor();
    await database.getByText('已是最新').waitFor();
    await saveScreenshot(page, 'system-admin-dashboard');

    // Locked accounts: the list opens filtered to them.
    await page.getByTestId('stat-locked-accounts').click();
    await page.waitForURL(`${url}/accounts?locked=true`);
    expect(await page.getByTestId('accounts-locked-only').isChecked()).toBe(true);
    const accounts = page.getByTestId('accounts-table').locator('tbody tr.ant-table-row');
    await accounts.first().waitFor();
    expect(await accounts.count()).toBe(1);
    expect(await accounts.first().innerText()).toContain('demo-unit-admin');

    // Failed sign-ins: the audit log of them, newest first.
    await page.goBack();
    await page.getByTestId('stat-failed-sign-ins').click();
    await page.waitForURL(`${url}/audit-log?action=sign_in.failed`);
    const entries = page.getByTestId('audit-log-table').locator('tbody tr.ant-table-row');
    await entries.first().waitFor();
    expect(await entries.count()).toBe(5);
    expect(cspViolations).toEqual([]);
  });

  it('backs up from the 工作台’s link, sees the backup checked, and checks it again', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    const { page, cspViolations } = await openDashboard(browser!, url, 'demo-system-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'system-admin-backups-failure');
    });
    const latest = page.getByTestId('latest-backup');
    await latest.getByText('还没有备份').waitFor();
    await latest.getByRole('link', { name: '管理备份' }).click();
    await page.waitForURL(`${url}/system/backups`);
    await page.getByTestId('backups-page').getByText('未开启（可设置 JIJIAO_BACKUP_AT）').waitFor();
    await page.getByTestId('backup-now').click();
    await page.getByText('备份已完成并通过校验。').waitFor();
    const rows = page.getByTestId('backups-table').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    const row = await rows.first().innerText();
    expect(row).toMatch(/\d+ 张表，[\d,]+ 行，\d+ 个文件/);
    expect(row).toContain('通过');
    await rows.first().getByRole('button', { name: '校验' }).click();
    await page.getByText('校验通过：每张表都与校验和一致。').waitFor();
    await saveScreenshot(page, 'system-admin-backups');

    // The 工作台 shows it as the latest backup; the audit log has both steps.
    await page.goto(url);
    await page.getByTestId('latest-backup').getByText('通过').waitFor();
    await page.goto(`${url}/audit-log?action=backup.created`);
    const entries = page.getByTestId('audit-log-table').locator('tbody tr.ant-table-row');
    await entries.first().waitFor();
    expect(await entries.first().innerText()).toContain('备份数据库');
    expect(cspViolations).toEqual([]);
  });
});
