import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type {
  AuditDashboard,
  Claim,
  ComplianceStatistics,
  Me,
  ReviewDashboard,
} from '@jijiao/contracts';
import { apiSignIn } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, chartDrawn, clickWidest, openDashboard, statValue } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

/**
 * The city reviewer's 工作台 at 1366×768: two self-study claims of the demo learner,
 * approved by the hospital and the district medical association, wait at the city beside
 * the demo's own claims there (set up through the API). The tiles and the chart count them
 * as the queue lists them, a bar opens the review queue filtered to self-study, the audit
 * tile opens 审验审核 of the demo's filed audit, and the bar of the best compliance below
 * the city opens who is behind there.
 */
describe('a reviewer reads the 工作台 and drills down', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchBrowser();
    const learner = await apiSignIn(server.url, 'demo-learner');
    const unitAdmin = await apiSignIn(server.url, 'demo-unit-admin');
    const association = await apiSignIn(server.url, 'demo-association-reviewer');
    for (const date of ['2026-03-02', '2026-03-09']) {
      const draft = await learner.call<Claim>('POST', '/api/v1/credits', {
        activity: { type: 'self_study', date, hours: 3 },
        evidence: [],
      });
      const submitted = await learner.call<Claim>('POST', `/api/v1/credits/${draft.id}/submit`, {
        version: draft.version,
      });
      const approved = await unitAdmin.call<Claim>(
        'POST',
        `/api/v1/credits/${submitted.id}/approve`,
        { version: submitted.version },
      );
      expect(approved.status).toBe('submitted'); // on to the next body of the chain
      const atCity = await association.call<Claim>(
        'POST',
        `/api/v1/credits/${approved.id}/approve`,
        { version: approved.version },
      );
      expect(atCity.currentReviewerOrgName).toBe('东湖市卫生健康委员会');
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('counts the queue and the audit, and opens the filtered lists', async ({ onTestFailed }) => {
    const url = server!.url;
    const { page, cspViolations } = await openDashboard(browser!, url, 'demo-reviewer');
    onTestFailed(async () => {
      await saveScreenshot(page, 'reviewer-dashboard-failure');
    });
    await page.getByTestId('reviewer-dashboard').waitFor();
    const queue = await apiGet<ReviewDashboard>(page, `${url}/api/v1/reviews/dashboard`);
    const audit = await apiGet<AuditDashboard>(page, `${url}/api/v1/audits/dashboard`);
    // The two self-studies and the demo's claims at the city: as many as the queue lists.
    const listed = await apiGet<{ items: unknown[] }>(page, `${url}/api/v1/reviews/queue`);
    expect(queue.waiting).toBe(listed.items.length);
    expect(queue.byType[0]).toEqual({ type: 'self_study', count: 2 });
    expect(queue.actForWaiting).toBeGreaterThan(0); // the association's and the district's
    expect(await statValue(page, 'stat-review-waiting')).toBe(String(queue.waiting));
    expect(await statValue(page, 'stat-reports-waiting')).toBe(String(audit.waitingAtMe));
    expect(await statValue(page, 'stat-late-units')).toBe(String(audit.lateCount));

    await chartDrawn(page, 'chart-review-types');
    expect(await page.getByTestId('chart-review-types').getAttribute('aria-label')).toMatch(
      /^待审核学分（按活动类型）：自学 2(，|$)/,
    );
    // The demo's last year is audited and filed: every unit's report reads 已备案.
    const units = audit.byStatus.find((s) => s.status === 'filed')?.count ?? 0;
    expect(units).toBeGreaterThan(0);
    await chartDrawn(page, 'chart-audit-reports');
    expect(await page.getByTestId('chart-audit-reports').getAttribute('aria-label')).toBe(
      `${String(audit.audit?.year)} 年度审验：各单位上报状态：已备案 ${String(units)}`,
    );
    // Compliance of the organisations below the city, as its statistics answer it.
    const me = await apiGet<Me>(page, `${url}/api/v1/me`);
    const city = me.roles[0]?.orgId ?? '';
    const stats = await apiGet<ComplianceStatistics>(
      page,
      `${url}/api/v1/units/${city}/statistics`,
    );
    await chartDrawn(page, 'chart-compliance-by-unit');
    expect(await page.getByTestId('chart-compliance-by-unit').getAttribute('aria-label')).toBe(
      `各下级机构达标率（%）：${stats.byChild.map((c) => `${c.name} ${String(c.rate)}`).join('，')}`,
    );
    await saveScreenshot(page, 'reviewer-dashboard');

    // The bar opens the review queue filtered to self-study: the two claims.
    await clickWidest(page, 'chart-review-types', 'path[fill="#1677ff"]');
    await page.waitForURL(`${url}/reviews?type=self_study`);
    const rows = page.getByTestId('review-queue').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    await page.getByText('自学', { exact: true }).first().waitFor();

    // The tile of reports waiting opens 审验审核 of that audit.
    await page.goBack();
    await page.getByTestId('stat-reports-waiting').click();
    await page.waitForURL(`${url}/audit/review?audit=${audit.audit?.id ?? ''}`);
    await page.getByRole('heading', { name: '审验审核' }).waitFor();

    // The widest compliance bar opens who is behind in that organisation.
    await page.goBack();
    const best = [...stats.byChild].sort((a, b) => b.rate - a.rate)[0];
    expect(best?.rate).toBeGreaterThan(0);
    await chartDrawn(page, 'chart-compliance-by-unit');
    await clickWidest(page, 'chart-compliance-by-unit', 'path[fill="#1677ff"]');
    await page.waitForURL(`${url}/progress?unit=${best?.key ?? ''}&compliant=false`);
    await expect
      .poll(async () => page.getByTestId('progress-org').innerText())
      .toContain(best?.name ?? '');
    expect(cspViolations).toEqual([]);
  });
});
