import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type {
  AuditDashboard,
  ComplianceStatistics,
  Me,
  ReviewLevels,
  UnitProgress,
} from '@jijiao/contracts';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, chartDrawn, clickWidest, openDashboard, statValue } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

const channelCodes =
  /host_award|platform_push|card_check_in|spreadsheet_import|unit_bulk_entry|self_report/;

/**
 * The provincial CME office's 工作台 at 1366×768 with the demo's numbers: the tiles, the
 * compliance per city and the claims per review level as the API answers them, names and
 * never codes; the bar of the city with compliant staff opens who is behind in that city,
 * the tile of claims in review opens the review queue; 统计报表 draws the same charts.
 */
describe('a province admin reads the 工作台 and drills down', () => {
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

  it('shows the province’s real numbers and opens the filtered lists', async ({ onTestFailed }) => {
    const url = server!.url;
    const { page, cspViolations } = await openDashboard(browser!, url, 'demo-province-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'province-dashboard-failure');
    });
    await page.getByTestId('province-dashboard').waitFor();
    const me = await apiGet<Me>(page, `${url}/api/v1/me`);
    const province = me.roles[0]?.orgId ?? '';
    const stats = await apiGet<ComplianceStatistics>(
      page,
      `${url}/api/v1/units/${province}/statistics`,
    );
    const levels = await apiGet<ReviewLevels>(page, `${url}/api/v1/reviews/levels`);
    const audit = await apiGet<AuditDashboard>(page, `${url}/api/v1/audits/dashboard`);

    // Tiles: the statistics' and the levels' numbers.
    const { overall } = stats;
    expect(overall.staff).toBeGreaterThan(0);
    expect(await statValue(page, 'stat-staff')).toBe(String(overall.staff));
    expect(await statValue(page, 'stat-rate')).toBe(`${overall.rate.toFixed(1)}%`);
    expect(await statValue(page, 'stat-behind')).toBe(String(overall.staff - overall.compliant));
    expect(levels.waiting).toBeGreaterThan(0);
    expect(await statValue(page, 'stat-in-review')).toBe(String(levels.waiting));

    // Compliance per city, read out in the chart's label in the statistics' order.
    await chartDrawn(page, 'chart-by-city');
    expect(await page.getByTestId('chart-by-city').getAttribute('aria-label')).toBe(
      `各下级机构达标率（%）：${stats.byChild.map((c) => `${c.name} ${String(c.rate)}`).join('，')}`,
    );
    // Claims per level of the chain: names of the levels with the API's counts.
    const levelRows = await page
      .getByTestId('review-levels')
      .locator('tbody tr.ant-table-row')
      .allInnerTexts();
    // The demo has claims waiting at every level of its chains (ADR 0023).
    const levelNames: Record<string, string> = {
      unit: '单位初审',
      association: '医学会',
      district: '区县卫健局',
      city: '市州卫健委',
      cme_office: '省继教办',
    };
    expect(levels.byLevel.map((l) => l.kind)).toEqual([
      'unit',
      'association',
      'district',
      'city',
      'cme_office',
    ]);
    expect(levelRows).toHaveLength(levels.byLevel.length);
    levels.byLevel.forEach((level, i) => {
      expect(levelRows[i]).toContain(levelNames[level.kind] ?? '—');
      expect(levelRows[i]).toContain(String(level.count));
    });
    // The audit per city; the units reporting straight to the province have a name too.
    const cityRows = page.getByTestId('audit-by-city').locator('tbody tr.ant-table-row');
    expect(await cityRows.count()).toBe(audit.byCity.length);
    await page.getByTestId('audit-by-city').getByText('东湖市卫生健康委员会').waitFor();
    // Credits by channel and this year against last: drawn, named, never raw codes.
    await chartDrawn(page, 'chart-channels');
    await chartDrawn(page, 'chart-trend');
    const channels = (await page.getByTestId('chart-channels').getAttribute('aria-label')) ?? '';
    expect(channels).toMatch(/^学分来源渠道（学分数）：/);
    expect(channels).not.toMatch(channelCodes);
    const trend = (await page.getByTestId('chart-trend').getAttribute('aria-label')) ?? '';
    expect(trend).toContain(`${String(stats.year)}年 1月`);
    expect(trend).toContain(`${String(stats.year - 1)}年 1月`);
    expect(await page.locator('body').innerText()).not.toMatch(channelCodes);
    // Nothing is wider than a 1366-pixel laptop.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );
    await saveScreenshot(page, 'province-dashboard');

    // The widest bar is the city with compliant staff: it opens who is behind there.
    const best = [...stats.byChild].sort((a, b) => b.rate - a.rate)[0];
    expect(best?.rate).toBeGreaterThan(0);
    await clickWidest(page, 'chart-by-city', 'path[fill="#1677ff"]');
    await page.waitForURL(`${url}/progress?unit=${best?.key ?? ''}&compliant=false`);
    const behind = await apiGet<UnitProgress>(
      page,
      `${url}/api/v1/units/${best?.key ?? ''}/progress?compliant=false&limit=1`,
    );
    await expect
      .poll(async () => page.getByTestId('progress-summary').innerText())
      .toBe(
        `共 ${String(behind.staffCount)} 人，其中未达标 ${String(behind.behindCount)} 人；符合筛选条件 ${String(behind.total)} 人`,
      );
    await expect
      .poll(async () => page.getByTestId('progress-org').innerText())
      .toContain(best?.name ?? '');

    // The tile of claims in review opens the review queue's 代审 tab (ADR 0023).
    await page.goBack();
    await page.getByTestId('stat-in-review').click();
    await page.waitForURL(`${url}/reviews?tab=act-for`);
    await page.getByTestId('review-queue').waitFor();

    // 统计报表 draws the same four charts above its tables.
    await page.goto(`${url}/statistics`);
    for (const chart of ['chart-by-child', 'chart-trend', 'chart-channels', 'chart-distribution'])
      await chartDrawn(page, chart);
    await page.getByTestId('statistics-distribution').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      1366,
    );
    await saveScreenshot(page, 'province-statistics');
    expect(cspViolations).toEqual([]);
  });
});
