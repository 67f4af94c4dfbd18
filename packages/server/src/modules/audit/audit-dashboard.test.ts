import { describe, expect, it } from 'vitest';
import type { AuditDashboard } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// The fake clock is on 2026-03-01; the 2025 audit's reports were due on 02-15.
const t = await buildTestApp();
const f = createFactories(t);
const { services } = f;
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const lateUnit = await f.buildOrg({ parent: tree.district, kind: 'unit', name: '迟报医院' });
for (const unit of [tree.unit, lateUnit]) await f.buildPerson({ unit });
const admin = await f.provinceActor(tree.province);
const audit = await services.audits.open(
  admin,
  { provinceId: tree.province.id, year: 2025, reportDeadline: '2026-02-15' },
  '127.0.0.1',
);
await services.audits.run(admin, audit.id);
// The hospital reports up: its report waits at the district, below the city reviewer.
const unitAdmin = await f.actorOf(await f.buildUser({ role: 'unit_admin', org: tree.unit }));
const { report } = await services.audits.unitAudit(unitAdmin, audit.id, tree.unit.id);
const confirmed = await services.auditChain.confirm(
  unitAdmin,
  audit.id,
  tree.unit.id,
  report.version,
  '1',
);
await services.auditChain.report(unitAdmin, audit.id, tree.unit.id, confirmed.version, '1');

async function dashboardOf(username: string) {
  const signedIn = await t.signIn(username);
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/audits/dashboard',
    headers: signedIn.headers,
  });
}

describe('GET /api/v1/audits/dashboard', () => {
  it('gives a reviewer the units of its subtree: per status, late, waiting at its level', async () => {
    const reviewer = await f.buildUser({ role: 'reviewer', org: tree.city });
    const response = await dashboardOf(reviewer.username);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<AuditDashboard>();
    expect(body.audit).toMatchObject({ id: audit.id, year: 2025, reportDeadline: '2026-02-15' });
    expect(body.units).toBe(2);
    const count = (status: string) => body.byStatus.find((s) => s.status === status)?.count;
    expect([count('pending'), count('reported')]).toEqual([1, 1]);
    // Both are late and not yet approved: one has not reported, one reported after the day.
    expect(body.late.map((u) => [u.unitName, u.status]).sort()).toEqual(
      [
        ['迟报医院', 'pending'],
        [tree.unit.name, 'reported'],
      ].sort(),
    );
    expect(body.late[0]?.cityName).toBe(tree.city.name);
    expect(body.lateCount).toBe(2);
    expect(body.waitingAtMe).toBe(1);
    // Both units lie in the one city: one has reported (late), none is approved yet.
    expect(body.byCity).toEqual([
      expect.objectContaining({
        cityId: tree.city.id,
        cityName: tree.city.name,
        units: 2,
        reported: 1,
        approved: 0,
        pending: 1,
        late: 2,
      }),
    ]);
  });

  it('gives a province admin every city of the province', async () => {
    const body = (
      await dashboardOf(
        (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
      )
    ).json<AuditDashboard>();
    expect(body.byCity.map((c) => [c.cityName, c.units])).toEqual([[tree.city.name, 2]]);
  });

  it('gives a unit its own report only, and another province nothing', async () => {
    const own = (
      await dashboardOf((await f.buildUser({ role: 'unit_admin', org: lateUnit })).username)
    ).json<AuditDashboard>();
    expect([own.units, own.lateCount, own.waitingAtMe]).toEqual([1, 1, 0]);
    expect(own.byCity.map((c) => c.units)).toEqual([1]);
    const stranger = await f.buildUser({ role: 'reviewer', org: other.city });
    expect((await dashboardOf(stranger.username)).json<AuditDashboard>()).toMatchObject({
      audit: null,
      units: 0,
      late: [],
      byCity: [],
    });
  });

  it('answers 403 to a role without audit:read', async () => {
    const host = await f.buildUser({ role: 'host_admin', org: tree.host });
    expect((await dashboardOf(host.username)).statusCode).toBe(403);
  });
});
