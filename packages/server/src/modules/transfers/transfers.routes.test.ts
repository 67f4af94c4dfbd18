import { describe, expect, it } from 'vitest';
import type { Person, Transfer } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { personBody } from '../../../test/fixtures';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const from = tree.unit;
const to = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '市中心医院' });
const unitAdmin = await t.signIn((await f.buildUser({ role: 'unit_admin', org: from })).username);
const provinceAdmin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);
const fromId = from.id;
const toId = to.id;

describe('transfers (审核调入)', () => {
  it('moves a person when the receiving side accepts, keeping the history', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: unitAdmin.headers,
      payload: personBody(fromId, { name: '调动者' }),
    });
    const { person, account } = created.json<{
      person: Person;
      account: { username: string; initialPassword: string };
    }>();

    const request = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: unitAdmin.headers,
      payload: { personId: person.id, toUnitId: toId, note: '工作调动' },
    });
    expect(request.statusCode, request.body).toBe(201);
    const transfer = request.json<Transfer>();
    expect(transfer).toMatchObject({
      status: 'pending',
      fromUnitName: from.name,
      toUnitName: to.name,
    });
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: unitAdmin.headers,
      payload: { personId: person.id, toUnitId: toId },
    });
    expect(twice.statusCode).toBe(409);

    // The sending unit cannot decide; the receiving side (here the province) can.
    const bySender = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${transfer.id}/decision`,
      headers: unitAdmin.headers,
      payload: { decision: 'accept' },
    });
    expect(bySender.statusCode).toBe(404);
    const incoming = await t.app.inject({
      method: 'GET',
      url: '/api/v1/transfers?direction=incoming&status=pending',
      headers: provinceAdmin.headers,
    });
    expect(incoming.json<{ items: Transfer[] }>().items.map((i) => i.id)).toContain(transfer.id);
    t.clock.advanceMinutes(5);
    const accepted = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${transfer.id}/decision`,
      headers: provinceAdmin.headers,
      payload: { decision: 'accept' },
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json<Transfer>().status).toBe('accepted');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/transfers/${transfer.id}/decision`,
      headers: provinceAdmin.headers,
      payload: { decision: 'reject' },
    });
    expect(again.statusCode).toBe(409);

    // The person left the unit admin's scope, and their learner role followed them.
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/people/${person.id}`,
          headers: unitAdmin.headers,
        })
      ).statusCode,
    ).toBe(404);
    const moved = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${person.id}`,
      headers: provinceAdmin.headers,
    });
    expect(moved.json<Person>().unitName).toBe(to.name);
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${person.id}/history`,
      headers: provinceAdmin.headers,
    });
    const items = history.json<{ items: { unitName: string; to: string | null }[] }>().items;
    expect(items.map((i) => [i.unitName, i.to === null])).toEqual([
      [from.name, false],
      [to.name, true],
    ]);
    const learner = await t.signIn(account.username, account.initialPassword);
    expect(
      learner.response.json<{ roles: { orgName: string }[] }>().roles.map((r) => r.orgName),
    ).toEqual([to.name]);
  });
});
