import { describe, expect, it } from 'vitest';
import type { Org, ReviewChain } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
// The hospital's chain is set (version 1); a second district's unit keeps the derived one.
await f.setReviewChain(tree.unit, [tree.association, tree.city, tree.cmeOffice]);
const county = await f.buildOrg({ parent: tree.city, kind: 'district', name: '县卫生健康局' });
const countyHospital = await f.buildOrg({ parent: county, kind: 'unit', name: '县人民医院' });
const province = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
const hospital = tree.unit.id;
const otherHospital = countyHospital.id;

function chain(unitId: string, headers: Record<string, string>) {
  return t.app.inject({ method: 'GET', url: `/api/v1/orgs/${unitId}/review-chain`, headers });
}

describe('review chains', () => {
  it('holds the chain set: association → city → provincial office', async () => {
    const response = await chain(hospital, unitAdmin.headers);
    expect(response.statusCode).toBe(200);
    const body = response.json<ReviewChain>();
    expect(body.version).toBe(1);
    expect(body.steps.map((s) => s.orgName)).toEqual([
      tree.association.name,
      tree.city.name,
      tree.cmeOffice.name,
    ]);
  });

  it('derives district → city → office for a unit without one (version 0)', async () => {
    const response = await chain(otherHospital, province.headers);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ReviewChain>();
    expect(body.version).toBe(0);
    expect(body.steps.map((s) => s.orgName)).toEqual([
      '县卫生健康局',
      tree.city.name,
      tree.cmeOffice.name,
    ]);
  });

  it('lets a provincial admin set a new version, checked step by step', async () => {
    const office = tree.cmeOffice.id;
    const city = tree.city.id;
    const put = (steps: string[], headers = province.headers) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/orgs/${otherHospital}/review-chain`,
        headers,
        payload: { steps },
      });
    const ok = await put([city, office]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ReviewChain>()).toMatchObject({
      version: 1,
      steps: [{ level: 1, orgName: tree.city.name }, { level: 2 }],
    });
    const bad = await put([city, city, hospital]);
    expect(bad.statusCode).toBe(400);
    expect(
      bad.json<{ error: { issues: { path: string; message: string }[] } }>().error.issues,
    ).toEqual([
      { path: 'steps.1', message: 'duplicate_step' },
      { path: 'steps.2', message: 'not_a_reviewing_body' },
    ]);
    expect((await put([office], unitAdmin.headers)).statusCode).toBe(403);
  });

  it('creates organisations under a parent in scope, validating the credit code', async () => {
    const parent = county.id;
    const create = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: province.headers, payload });
    const good = await create({
      parentId: parent,
      kind: 'unit',
      name: '县第二人民医院',
      creditCode: '91350100M000100Y43',
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json<Org>()).toMatchObject({ regionCode: county.regionCode, depth: 3 });
    const badCode = await create({
      parentId: parent,
      kind: 'unit',
      name: '县某卫生院',
      creditCode: '91350100M000100Y44',
    });
    expect(
      badCode.json<{ error: { issues: { path: string; message: string }[] } }>().error.issues[0],
    ).toEqual({ path: 'creditCode', message: '校验位错误' });
    const badNesting = await create({ parentId: parent, kind: 'city', name: '错误的市' });
    expect(badNesting.statusCode).toBe(400);
  });
});
