import { describe, expect, it } from 'vitest';
import type { ReviewLevels } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// A self-report's chain: its unit, the district, the city, the province's CME office.
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const other = await f.buildOrgTree();
const clinic = await f.buildOrg({ parent: tree.district, kind: 'unit', name: '层级测试诊所' });
const inReview = async (unit: typeof tree.unit, approvedSteps: number) => {
  const claim = await f.buildClaim({
    status: 'submitted',
    approvedSteps,
    person: await f.buildPerson({ unit }),
  });
  t.clock.advanceMinutes(60);
  return claim;
};
const atDistrict = await inReview(tree.unit, 1);
const atUnit = await inReview(tree.unit, 0);
await inReview(tree.unit, 1);
const atOffice = await inReview(tree.unit, 3);
const atClinic = await inReview(clinic, 0);
await f.buildClaim({ status: 'effective', person: await f.buildPerson({ unit: tree.unit }) });
await f.buildClaim({ status: 'returned', person: await f.buildPerson({ unit: tree.unit }) });
const elsewhere = await inReview(other.unit, 2);

async function levelsOf(
  role: 'province_admin' | 'unit_admin' | 'reviewer' | 'host_admin',
  org: typeof tree.unit,
) {
  const signedIn = await t.signIn((await f.buildUser({ role, org })).username);
  return t.app.inject({ method: 'GET', url: '/api/v1/reviews/levels', headers: signedIn.headers });
}

describe('GET /api/v1/reviews/levels', () => {
  it('counts a province’s claims in review per level of the chain, oldest first submitted', async () => {
    const response = await levelsOf('province_admin', tree.province);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<ReviewLevels>()).toEqual({
      waiting: 5,
      byLevel: [
        { kind: 'unit', count: 2, oldestSubmittedAt: atUnit.submittedAt },
        { kind: 'district', count: 2, oldestSubmittedAt: atDistrict.submittedAt },
        { kind: 'cme_office', count: 1, oldestSubmittedAt: atOffice.submittedAt },
      ],
    });
  });

  it('gives a unit its own people’s claims, wherever they wait', async () => {
    const body = (await levelsOf('unit_admin', clinic)).json<ReviewLevels>();
    expect(body).toEqual({
      waiting: 1,
      byLevel: [{ kind: 'unit', count: 1, oldestSubmittedAt: atClinic.submittedAt }],
    });
  });

  it('shows nothing of another subtree', async () => {
    const city = (await levelsOf('reviewer', other.city)).json<ReviewLevels>();
    expect(city).toEqual({
      waiting: 1,
      byLevel: [{ kind: 'city', count: 1, oldestSubmittedAt: elsewhere.submittedAt }],
    });
    const lonely = await f.buildOrg({ parent: other.district, kind: 'unit', name: '无申报医院' });
    expect((await levelsOf('unit_admin', lonely)).json<ReviewLevels>()).toEqual({
      waiting: 0,
      byLevel: [],
    });
  });

  it('answers 403 to a role without credit:review', async () => {
    expect((await levelsOf('host_admin', tree.host)).statusCode).toBe(403);
  });
});
