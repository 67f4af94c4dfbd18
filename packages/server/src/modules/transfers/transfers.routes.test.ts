import { describe, expect, it } from 'vitest';
import type { Person, Transfer } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { orgIdByName, personBody } from '../../../test/fixtures';

const t = await buildTestApp();
const unitAdmin = await t.signIn('demo-unit-admin');
const provinceAdmin = await t.signIn('demo-province-admin');
const jiangnanHospital = await orgIdByName(t.database.db, '江南区人民医院');
const donghuCentral = await orgIdByName(t.database.db, '东湖市中心医院');

describe('transfers (审核调入)', () => {
  it('moves a person when the receiving side accepts, keeping the history', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: unitAdmin.headers,
      payload: personBody(jiangnanHospital, { name: '调动者' }),
    });
    const { person, account } = created.json<{
      person: Person;
      account: { username: string; initialPassword: string };
    }>();

    const request = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: unitAdmin.headers,
      payload: { personId: person.id, toUnitId: donghuCentral, note: '工作调动' },
    });
    expect(request.statusCode, request.body).toBe(201);
    const transfer = request.json<Transfer>();
    expect(transfer).toMatchObject({
      status: 'pending',
      fromUnitName: '江南区人民医院',
      toUnitName: '东湖市中心医院',
    });
    const twice = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: unitAdmin.headers,
      payload: { personId: person.id, toUnitId: donghuCentral },
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
    expect(moved.json<Person>().unitName).toBe('东湖市中心医院');
    const history = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${person.id}/history`,
      headers: provinceAdmin.headers,
    });
    const items = history.json<{ items: { unitName: string; to: string | null }[] }>().items;
    expect(items.map((i) => [i.unitName, i.to === null])).toEqual([
      ['江南区人民医院', false],
      ['东湖市中心医院', true],
    ]);
    const learner = await t.signIn(account.username, account.initialPassword);
    expect(
      learner.response.json<{ roles: { orgName: string }[] }>().roles.map((r) => r.orgName),
    ).toEqual(['东湖市中心医院']);
  });
});
