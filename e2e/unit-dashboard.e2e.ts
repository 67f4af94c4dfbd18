import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type {
  AuditDashboard,
  CardOrderList,
  ComplianceStatistics,
  Me,
  ReviewDashboard,
  UnitProgress,
} from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, chartDrawn, openDashboard, statValue } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

/**
 * The demo hospital's 工作台 at 1366×768: its compliance, the staff furthest behind, the
 * claims waiting for its review, its audit report, its card orders and the distribution
 * of credits, as the API answers them; the link opens everyone behind, the card tile the
 * pending orders.
 */
describe('a unit admin reads the 工作台 and drills down', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the unit’s real numbers and opens the filtered lists', async ({ onTestFailed }) => {
    const url = server!.url;
    const { page, cspViolations } = await openDashboard(browser!, url, 'demo-unit-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'unit-dashboard-failure');
    });
    await page.getByTestId('unit-dashboard').waitFor();
    const me = await apiGet<Me>(page, `${url}/api/v1/me`);
    const unit = me.roles[0]?.orgId ?? '';
    const stats = await apiGet<ComplianceStatistics>(
      page,
      `${url}/api/v1/units/${unit}/statistics`,
    );
    const behind = await apiGet<UnitProgress>(
      page,
      `${url}/api/v1/units/${unit}/progress?compliant=false&limit=10`,
    );
    const queue = await apiGet<ReviewDashboard>(page, `${url}/api/v1/reviews/dashboard`);
    const audit = await apiGet<AuditDashboard>(page, `${url}/api/v1/audits/dashboard`);
    const pending = await apiGet<CardOrderList>(
      page,
      `${url}/api/v1/card-orders?status=pending&limit=500`,
    );

    // Tiles: the API's numbers, statuses in words.
    expect(await statValue(page, 'stat-rate')).toBe(`${stats.overall.rate.toFixed(1)}%`);
    expect(behind.behindCount).toBeGreaterThan(10);
    expect(await statValue(page, 'stat-behind')).toBe(String(behind.behindCount));
    expect(queue.waiting).toBeGreaterThan(0);
    expect(await statValue(page, 'stat-review-waiting')).toBe(String(queue.waiting));
    expect(audit.byStatus.find((s) => s.count > 0)?.status).toBe('filed');
    expect(await statValue(page, 'stat-audit')).toBe('已备案');
    expect(pending.items.length).toBeGreaterThan(0);
    expect(await statValue(page, 'stat-card-orders')).toBe(String(pending.items.length));

    // The ten furthest behind, largest shortfall first, with their shortfall.
    const rows = page.getByTestId('behind-staff').locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(10);
    const first = behind.items[0];
    expect(await rows.first().innerText()).toContain(first?.name ?? '');
    expect(await rows.first().innerText()).toContain(String(first?.shortfall));
    // The distribution of credits, bucket by bucket.
    await chartDrawn(page, 'chart-distribution');
    const buckets = stats.distribution.map(
      (b) =>
        `${b.to === null ? `≥${String(b.from)}` : `${String(b.from)}–${String(b.to)}`} ${String(b.staff)}`,
    );
    expect(await page.getByTestId('chart-distribution').getAttribute('aria-label')).toBe(
      `学分分布（人数）：${buckets.join('，')}`,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );
    await saveScreenshot(page, 'unit-dashboard');

    // "All behind" opens the progress list filtered to them.
    await page.getByTestId('behind-all').click();
    await page.waitForURL(`${url}/progress?compliant=false`);
    await expect
      .poll(async () => page.getByTestId('progress-summary').innerText())
      .toBe(
        `共 ${String(behind.staffCount)} 人，其中未达标 ${String(behind.behindCount)} 人；符合筛选条件 ${String(behind.total)} 人`,
      );

    // The card tile opens the pending orders.
    await page.goBack();
    await page.getByTestId('stat-card-orders').click();
    await page.waitForURL(`${url}/cards?tab=orders&status=pending`);
    const orders = page.getByTestId('orders-table').locator('tbody tr.ant-table-row');
    await orders.first().waitFor();
    expect(await orders.count()).toBe(pending.items.length);
    expect(cspViolations).toEqual([]);
  });
});
