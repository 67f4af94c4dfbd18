import { describe, expect, it } from 'vitest';
import type { AwardDashboard } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const hostUser = await f.buildUser({ role: 'host_admin', org: tree.host });
const project = await f.buildProject({ host: tree.host, status: 'finished' });
await f.services.awards.create(await f.actorOf(hostUser), project.id, '127.0.0.1');

async function dashboardOf(username: string) {
  const signedIn = await t.signIn(username);
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/award-batches/dashboard',
    headers: signedIn.headers,
  });
}

const countOf = (body: AwardDashboard, status: string) =>
  body.byStatus.find((s) => s.status === status)?.count;

describe('GET /api/v1/award-batches/dashboard', () => {
  it('counts the host’s batches per status, every status listed', async () => {
    const response = await dashboardOf(hostUser.username);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<AwardDashboard>();
    expect(body.byStatus.map((s) => s.status)).toEqual([
      'draft',
      'submitted',
      'returned',
      'approved',
    ]);
    expect(countOf(body, 'draft')).toBe(1);
    expect(body.total).toBe(1);
  });

  it('keeps drafts from the province and everything from another subtree', async () => {
    const province = await f.buildUser({ role: 'province_admin', org: tree.province });
    expect((await dashboardOf(province.username)).json<AwardDashboard>().total).toBe(0);
    const stranger = await f.buildUser({ role: 'host_admin', org: other.host });
    expect((await dashboardOf(stranger.username)).json<AwardDashboard>().total).toBe(0);
  });
});
