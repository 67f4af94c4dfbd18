import { describe, expect, it } from 'vitest';
import type { ClaimList, ReviewDashboard } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const first = await f.buildClaim({
  status: 'submitted',
  person: await f.buildPerson({ unit: tree.unit }),
});
t.clock.advanceMinutes(90);
const second = await f.buildClaim({
  status: 'submitted',
  person: await f.buildPerson({ unit: tree.unit }),
});
// Both wait at the same body of the hospital's chain; a decided claim does not count.
await f.buildClaim({ status: 'effective', person: await f.buildPerson({ unit: tree.unit }) });
const waitingAt = first.currentReviewerOrgId ?? '';
// Approved by the hospital: waiting at the district bureau, below the city.
t.clock.advanceMinutes(30);
const atDistrict = await f.buildClaim({
  status: 'submitted',
  approvedSteps: 1,
  person: await f.buildPerson({ unit: tree.unit }),
});

async function dashboardOf(username: string) {
  const signedIn = await t.signIn(username);
  return t.app.inject({
    method: 'GET',
    url: '/api/v1/reviews/dashboard',
    headers: signedIn.headers,
  });
}

describe('GET /api/v1/reviews/dashboard', () => {
  it('counts what waits at the reviewer’s level, per type, with the oldest submission', async () => {
    expect(second.currentReviewerOrgId).toBe(waitingAt);
    const response = await dashboardOf((await f.reviewerAt(waitingAt)).username);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ReviewDashboard>()).toEqual({
      waiting: 2,
      actForWaiting: 0,
      oldestSubmittedAt: first.submittedAt,
      byType: [{ type: 'self_study', count: 2 }],
    });
  });

  it('counts the district’s claim in its own queue and in the city’s 代审 tab, as the queues list them', async () => {
    expect(atDistrict.currentReviewerOrgId).toBe(tree.district.id);
    const district = await t.signIn((await f.reviewerAt(tree.district.id)).username);
    const city = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);
    const get = (who: typeof city, url: string) =>
      t.app.inject({ method: 'GET', url, headers: who.headers });
    for (const [who, own, actFor] of [
      [district, 1, 0],
      [city, 0, 1],
    ] as const) {
      const board = (await get(who, '/api/v1/reviews/dashboard')).json<ReviewDashboard>();
      expect([board.waiting, board.actForWaiting]).toEqual([own, actFor]);
      const mine = (await get(who, '/api/v1/reviews/queue')).json<ClaimList>().items;
      const below = (await get(who, '/api/v1/reviews/queue?actFor=true')).json<ClaimList>().items;
      expect([mine.length, below.length]).toEqual([own, actFor]);
      expect([...mine, ...below].map((c) => c.id)).toEqual([atDistrict.id]);
    }
  });

  it('shows nothing to a reviewer of another subtree', async () => {
    const stranger = await f.buildUser({ role: 'reviewer', org: other.city });
    expect((await dashboardOf(stranger.username)).json<ReviewDashboard>()).toEqual({
      waiting: 0,
      actForWaiting: 0,
      oldestSubmittedAt: null,
      byType: [],
    });
  });

  it('answers 403 to a role without credit:review', async () => {
    const host = await f.buildUser({ role: 'host_admin', org: tree.host });
    expect((await dashboardOf(host.username)).statusCode).toBe(403);
  });
});
