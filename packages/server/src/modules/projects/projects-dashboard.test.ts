import { describe, expect, it } from 'vitest';
import type { ProjectDashboard } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// The fake clock starts on 2026-03-01 (China Standard Time too): the window is 03-01..03-31.
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const soon = await f.buildProject({
  host: tree.host,
  startDate: '2026-03-06',
  endDate: '2026-03-07',
});
const draft = await f.buildProject({
  host: tree.host,
  status: 'draft',
  startDate: '2026-03-31',
  endDate: '2026-04-01',
});
// Outside the window, cancelled, or of another province: not counted.
await f.buildProject({ host: tree.host, startDate: '2026-04-01', endDate: '2026-04-02' });
await f.buildProject({
  host: tree.host,
  status: 'cancelled',
  startDate: '2026-03-10',
  endDate: '2026-03-10',
});
await f.buildProject({ host: other.host, startDate: '2026-03-06', endDate: '2026-03-07' });

async function dashboardOf(username: string) {
  const session = await t.signIn(username);
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/projects/dashboard',
    headers: session.headers,
  });
}

describe('GET /api/v1/projects/dashboard', () => {
  it('lists the host’s projects starting in the next 30 days, earliest first', async () => {
    const host = await f.buildUser({ role: 'host_admin', org: tree.host });
    const response = await dashboardOf(host.username);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ProjectDashboard>();
    expect(body).toMatchObject({ from: '2026-03-01', until: '2026-03-31', upcomingCount: 2 });
    expect(body.upcoming.map((p) => [p.id, p.status])).toEqual([
      [soon.id, 'filed'],
      [draft.id, 'draft'],
    ]);
    expect(body.upcoming[0]).toMatchObject({ hostName: tree.host.name, startDate: '2026-03-06' });
  });

  it('shows nothing of a subtree the caller does not hold', async () => {
    const stranger = await f.buildUser({ role: 'host_admin', org: other.host });
    const body = (await dashboardOf(stranger.username)).json<ProjectDashboard>();
    expect(body.upcomingCount).toBe(1);
    expect(body.upcoming.map((p) => p.id)).not.toContain(soon.id);
    const cityReviewer = await f.buildUser({ role: 'reviewer', org: tree.city });
    expect((await dashboardOf(cityReviewer.username)).json<ProjectDashboard>()).toMatchObject({
      upcomingCount: 0,
      upcoming: [],
    });
  });

  it('answers 403 to a role without project:read', async () => {
    const unitAdmin = await f.buildUser({ role: 'unit_admin', org: tree.unit });
    expect((await dashboardOf(unitAdmin.username)).statusCode).toBe(403);
  });
});
