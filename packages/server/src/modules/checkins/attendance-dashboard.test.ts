import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AttendanceDashboard } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { signCheckinToken } from './checkin-token';

// The fake clock starts on 2026-03-01: one session today, one tomorrow, one in 40 days.
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const hostUser = await f.buildUser({ role: 'host_admin', org: tree.host });
const host = await f.actorOf(hostUser);
const project = await f.buildProject({
  host: tree.host,
  startDate: '2026-03-01',
  endDate: '2026-04-10',
});
const session = (date: string, startTime = '09:00', endTime = '12:00') =>
  services.sessions.create(
    host,
    project.id,
    { date, startTime, endTime, hours: 3, place: '一号厅', registrationRequired: false },
    '127.0.0.1',
  );
const today = await session('2026-03-01');
const tomorrow = await session('2026-03-02', '14:00', '17:00');
await session('2026-04-10');

// Three people check in to today's session with their QR codes.
const device = await services.sessions.createDevice(host, project.id, '入口', '127.0.0.1');
const { qrKey } = testConfig().checkin;
const swipes = [];
for (let i = 0; i < 3; i += 1) {
  const person = await f.buildPerson({ unit: tree.unit });
  const at = new Date('2026-03-01T01:10:00Z');
  swipes.push({
    clientId: randomUUID(),
    sessionId: today.id,
    qrToken: signCheckinToken(qrKey, person.id, new Date(at.getTime() + 60_000)),
    swipedAt: at.toISOString(),
  });
}
const outcomes = await services.checkins.record(device.token, swipes);
if (outcomes.some((o) => o.result !== 'accepted')) throw new Error(JSON.stringify(outcomes));

async function dashboardOf(username: string) {
  const signedIn = await t.signIn(username);
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/attendance/dashboard',
    headers: signedIn.headers,
  });
}

describe('GET /api/v1/attendance/dashboard', () => {
  it('gives the host its sessions ahead and the check-ins of the latest ones', async () => {
    const response = await dashboardOf(hostUser.username);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<AttendanceDashboard>();
    expect(body.upcomingCount).toBe(2);
    expect(body.upcoming.map((s) => s.sessionId)).toEqual([today.id, tomorrow.id]);
    expect(body.upcoming[0]).toMatchObject({
      projectId: project.id,
      projectName: project.name,
      date: '2026-03-01',
      startTime: '09:00',
    });
    expect(body.recent.map((s) => [s.sessionId, s.checkInCount])).toEqual([[today.id, 3]]);
  });

  it('shows nothing of another subtree', async () => {
    const stranger = await f.buildUser({ role: 'host_admin', org: other.host });
    expect((await dashboardOf(stranger.username)).json<AttendanceDashboard>()).toMatchObject({
      upcomingCount: 0,
      upcoming: [],
      recent: [],
    });
  });

  it('answers 403 to a role without project:read', async () => {
    const unitAdmin = await f.buildUser({ role: 'unit_admin', org: tree.unit });
    expect((await dashboardOf(unitAdmin.username)).statusCode).toBe(403);
  });
});
