import { describe, expect, it } from 'vitest';
import type { Org, OrgList } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const otherCity = await f.buildOrg({
  parent: tree.province,
  kind: 'city',
  name: '外市卫生健康委员会',
});
const otherDistrict = await f.buildOrg({
  parent: tree.city,
  kind: 'district',
  name: '江北区卫生健康局',
});
const cityHospital = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '市中心医院' });
const reviewer = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);
const provinceAdmin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);

async function list(headers: Record<string, string>, query = ''): Promise<OrgList> {
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/orgs${query}`, headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<OrgList>();
}

async function childrenOf(headers: Record<string, string>, parentId: string): Promise<Org[]> {
  return (await list(headers, `?parentId=${parentId}`)).items;
}

const province = (await list(provinceAdmin.headers)).items[0]!;
const cities = await childrenOf(provinceAdmin.headers, province.id);
const xishan = cities.find((o) => o.id === otherCity.id)!;
const donghu = cities.find((o) => o.id === tree.city.id)!;

describe('GET /api/v1/orgs', () => {
  it('starts a province admin at the province and a reviewer at their city', async () => {
    expect(province).toMatchObject({
      id: tree.province.id,
      name: tree.province.name,
      kind: 'province',
      regionCode: '990000',
      depth: 0,
    });
    expect((await list(reviewer.headers)).items.map((o) => o.name)).toEqual([tree.city.name]);
    expect((await list(unitAdmin.headers)).items.map((o) => o.name)).toEqual([tree.unit.name]);
  });

  it('lists children within the subtree', async () => {
    const names = (await childrenOf(reviewer.headers, donghu.id)).map((o) => o.name);
    expect(names.sort()).toEqual(
      [tree.district.name, otherDistrict.name, cityHospital.name].sort(),
    );
  });

  it('answers 404, not 403, for an organisation outside the subtree', async () => {
    for (const url of [
      `/api/v1/orgs/${xishan.id}`,
      `/api/v1/orgs?parentId=${xishan.id}`,
      `/api/v1/orgs/${province.id}`,
    ]) {
      const response = await t.app.inject({ method: 'GET', url, headers: reviewer.headers });
      expect(response.statusCode, url).toBe(404);
      expect(response.json<{ error: { code: string } }>().error.code).toBe('not_found');
    }
    const inside = await t.app.inject({
      method: 'GET',
      url: `/api/v1/orgs/${donghu.id}`,
      headers: reviewer.headers,
    });
    expect(inside.statusCode).toBe(200);
  });

  it('pages with a keyset cursor without losing or repeating an org', async () => {
    const all = await childrenOf(provinceAdmin.headers, province.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: OrgList = await list(
        provinceAdmin.headers,
        `?parentId=${province.id}&limit=2${cursor ? `&after=${cursor}` : ''}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      // The first page tells how many there are in all; the next ones do not count again.
      expect(page.total).toBe(cursor ? null : all.length);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.map((o) => o.id));
    expect(all.length).toBeGreaterThan(2);
  });

  it('rejects a forged cursor and a malformed id with a named field', async () => {
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs?after=zzz',
      headers: provinceAdmin.headers,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'after',
    );
    const malformed = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/not-a-uuid',
      headers: provinceAdmin.headers,
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'id',
    );
  });
});
