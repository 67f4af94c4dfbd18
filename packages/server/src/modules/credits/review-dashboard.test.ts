import { describe, expect, it } from 'vitest';
import type { ReviewDashboard } from '@jijiao/contracts';
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
      oldestSubmittedAt: first.submittedAt,
      byType: [{ type: 'self_study', count: 2 }],
    });
  });

  it('shows nothing to a reviewer of another subtree', async () => {
    const stranger = await f.buildUser({ role: 'reviewer', org: other.city });
    expect((await dashboardOf(stranger.username)).json<ReviewDashboard>()).toEqual({
      waiting: 0,
      oldestSubmittedAt: null,
      byType: [],
    });
  });

  it('answers 403 to a role without credit:review', async () => {
    const host = await f.buildUser({ role: 'host_admin', org: tree.host });
    expect((await dashboardOf(host.username)).statusCode).toBe(403);
  });
});
