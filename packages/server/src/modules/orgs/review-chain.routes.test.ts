import { describe, expect, it } from 'vitest';
import type { Org, ReviewChain } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { orgIdByName } from '../../../test/fixtures';

const t = await buildTestApp();
const province = await t.signIn('demo-province-admin');
const unitAdmin = await t.signIn('demo-unit-admin');
const db = t.database.db;
const jiangnanHospital = await orgIdByName(db, '江南区人民医院');
const linjiangHospital = await orgIdByName(db, '临江县人民医院');

function chain(unitId: string, headers: Record<string, string>) {
  return t.app.inject({ method: 'GET', url: `/api/v1/orgs/${unitId}/review-chain`, headers });
}

describe('review chains', () => {
  it('holds the demo chain association → city → provincial office', async () => {
    const response = await chain(jiangnanHospital, unitAdmin.headers);
    expect(response.statusCode).toBe(200);
    const body = response.json<ReviewChain>();
    expect(body.version).toBe(1);
    expect(body.steps.map((s) => s.orgName)).toEqual([
      '江南区医学会',
      '东湖市卫生健康委员会',
      '演示省继续医学教育委员会办公室',
    ]);
  });

  it('derives district → city → office for a unit without one (version 0)', async () => {
    const response = await chain(linjiangHospital, province.headers);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<ReviewChain>();
    expect(body.version).toBe(0);
    expect(body.steps.map((s) => s.orgName)).toEqual([
      '临江县卫生健康局',
      '西山市卫生健康委员会',
      '演示省继续医学教育委员会办公室',
    ]);
  });

  it('lets a provincial admin set a new version, checked step by step', async () => {
    const office = await orgIdByName(db, '演示省继续医学教育委员会办公室');
    const city = await orgIdByName(db, '西山市卫生健康委员会');
    const put = (steps: string[], headers = province.headers) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/orgs/${linjiangHospital}/review-chain`,
        headers,
        payload: { steps },
      });
    const ok = await put([city, office]);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json<ReviewChain>()).toMatchObject({
      version: 1,
      steps: [{ level: 1, orgName: '西山市卫生健康委员会' }, { level: 2 }],
    });
    const bad = await put([city, city, jiangnanHospital]);
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
    const parent = await orgIdByName(db, '临江县卫生健康局');
    const create = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/orgs', headers: province.headers, payload });
    const good = await create({
      parentId: parent,
      kind: 'unit',
      name: '临江县第二人民医院',
      creditCode: '91350100M000100Y43',
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json<Org>()).toMatchObject({ regionCode: '990221', depth: 3 });
    const badCode = await create({
      parentId: parent,
      kind: 'unit',
      name: '临江县某卫生院',
      creditCode: '91350100M000100Y44',
    });
    expect(
      badCode.json<{ error: { issues: { path: string; message: string }[] } }>().error.issues[0],
    ).toEqual({ path: 'creditCode', message: '校验位错误' });
    const badNesting = await create({ parentId: parent, kind: 'city', name: '错误的市' });
    expect(badNesting.statusCode).toBe(400);
  });
});
