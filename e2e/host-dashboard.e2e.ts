import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type {
  AttendanceDashboard,
  AwardDashboard,
  CardList,
  KioskSessions,
  ProjectDashboard,
} from '@jijiao/contracts';
import { apiSignIn } from './support/api';
import { launchBrowser, saveScreenshot } from './support/browser';
import { apiGet, chartDrawn, clickWidest, openDashboard, statValue } from './support/dashboard';
import { startTestServer, type TestServer } from './support/server';

const deviceToken = 'e2e_host_dashboard_kiosk_0001';

/**
 * The host's 工作台 at 1366×768 with the demo's numbers: three staff check in at the
 * morning session of today's demo project (through the kiosk API), the chart shows it, a
 * bar opens that project's check-in page and a tile the batches waiting for the province.
 */
describe('a host admin reads the 工作台 and drills down', () => {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let morning: KioskSessions['sessions'][number];
  let project: KioskSessions['project'];

  beforeAll(async () => {
    server = await startTestServer({ env: { JIJIAO_DEMO_DEVICE_TOKEN: deviceToken } });
    browser = await launchBrowser();
    const kiosk = { authorization: `Bearer ${deviceToken}`, 'content-type': 'application/json' };
    const sessions = (await (
      await fetch(`${server.url}/api/v1/checkins/sessions`, { headers: kiosk })
    ).json()) as KioskSessions;
    project = sessions.project;
    morning = sessions.sessions[0]!;
    const unitAdmin = await apiSignIn(server.url, 'demo-unit-admin');
    const cards = await unitAdmin.call<CardList>('GET', '/api/v1/cards?status=active&limit=3');
    expect(cards.items).toHaveLength(3);
    const swiped = await fetch(`${server.url}/api/v1/checkins`, {
      method: 'POST',
      headers: kiosk,
      body: JSON.stringify({
        swipes: cards.items.map((card) => ({
          clientId: randomUUID(),
          sessionId: morning.id,
          cardNumber: card.number,
          swipedAt: new Date().toISOString(),
        })),
      }),
    });
    expect(swiped.status).toBe(200);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows real counts, opens a project from a bar and the batches from a tile', async ({
    onTestFailed,
  }) => {
    const url = server!.url;
    const { page, cspViolations } = await openDashboard(browser!, url, 'demo-host-admin');
    onTestFailed(async () => {
      await saveScreenshot(page, 'host-dashboard-failure');
    });
    await page.getByTestId('host-dashboard').waitFor();
    const projects = await apiGet<ProjectDashboard>(page, `${url}/api/v1/projects/dashboard`);
    const attendance = await apiGet<AttendanceDashboard>(
      page,
      `${url}/api/v1/attendance/dashboard`,
    );
    const awards = await apiGet<AwardDashboard>(page, `${url}/api/v1/award-batches/dashboard`);
    const count = (status: string) => awards.byStatus.find((s) => s.status === status)?.count;

    // Tiles: the API's numbers; today's demo project is among those starting soon.
    expect(projects.upcoming.map((p) => p.id)).toContain(project.id);
    expect(await statValue(page, 'stat-upcoming-projects')).toBe(String(projects.upcomingCount));
    expect(await statValue(page, 'stat-upcoming-sessions')).toBe(String(attendance.upcomingCount));
    expect(count('submitted')).toBe(1); // the demo's batch, waiting for the province
    expect(await statValue(page, 'stat-batches-in-review')).toBe('1');
    await page.getByTestId('upcoming-projects').getByText(project.name).first().waitFor();

    // The chart: the three check-ins of the morning session, read out in its label.
    await chartDrawn(page, 'chart-checkins');
    const checkins = page.getByTestId('chart-checkins');
    expect(await checkins.getAttribute('aria-label')).toContain(
      `${morning.date.slice(5)} ${morning.startTime} ${project.name} 3`,
    );
    await chartDrawn(page, 'chart-batches');
    expect(await page.getByTestId('chart-batches').getAttribute('aria-label')).toBe(
      '授予批次状态：待审核 1',
    );
    await saveScreenshot(page, 'host-dashboard');

    // A click on the bar (the only one drawn wider than nothing) opens that project's check-in.
    await clickWidest(page, 'chart-checkins', 'path[fill="#1677ff"]');
    await page.waitForURL(`${url}/projects/${project.id}/checkin`);

    // The tile of batches in review opens the host's batch list, filtered to them.
    await page.goBack();
    await page.getByTestId('stat-batches-in-review').click();
    await page.waitForURL(`${url}/awards?status=submitted`);
    const rows = page.getByTestId('award-batches').locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain('心血管疾病诊疗新进展学习班');
    expect(cspViolations).toEqual([]);
  });
});
