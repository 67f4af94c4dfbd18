import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Card, CardList, CardOrder, ImportReport } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { multipartFile } from '../../../test/excel-routes';
import { createFactories } from '../../../test/factories';
import { personBody } from '../../../test/fixtures';
import { buildExcelJsXlsx as xlsxOf } from '../../../test/xlsx-files';
import { queryRows } from '../../platform/db/database';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const unitAdmin = await t.signIn(
  (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
);
// The city's commission: card:issue over its districts.
const bureau = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);
const me = await f.buildPerson({ unit: tree.unit });
const learner = await t.signIn(me.user.username);
const stranger = await f.buildPerson({
  unit: await f.buildOrg({ parent: tree.city, kind: 'unit' }),
});
const hospital = tree.unit.id;
const district = tree.district.id;
const city = tree.city.id;

async function newStaff(name: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/people',
    headers: unitAdmin.headers,
    payload: personBody(hospital, { name }),
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<{ person: { id: string } }>().person.id;
}

function post(url: string, headers: Record<string, string>, payload: object = {}) {
  return t.app.inject({ method: 'POST', url, headers, payload });
}

async function importStock(numbers: string[], issuerId = district) {
  const upload = multipartFile(await xlsxOf([['卡号'], ...numbers.map((n) => [n])]));
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/cards/import?issuerId=${issuerId}`,
    headers: { ...bureau.headers, ...upload.headers },
    payload: upload.payload,
  });
}

// The learner bought a card at the city; the district keeps blank stock.
for (const step of [
  () => importStock(['L0000001'], city),
  () => post('/api/v1/cards/purchase', bureau.headers, { personId: me.id, issuerId: city }),
  () => importStock(['D0000001', 'D0000002', 'D0000003']),
]) {
  const res = await step();
  if (res.statusCode >= 300) throw new Error(res.body);
}

describe('the card lifecycle', () => {
  it('orders, binds, loses and reissues a card; the old number is refused for ever', async () => {
    const imported = await importStock(['T0000001', 'T0000002', 'T0000003']);
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json<ImportReport>()).toMatchObject({ written: true, created: 3 });

    const personId = await newStaff('王新卡');
    const ordered = await post('/api/v1/card-orders', unitAdmin.headers, {
      unitId: hospital,
      personIds: [personId],
      note: '新入职',
    });
    expect(ordered.statusCode, ordered.body).toBe(201);
    const order = ordered.json<CardOrder>();
    expect(order).toMatchObject({
      count: 1,
      status: 'pending',
      bureauName: tree.district.name,
    });

    // The unit cannot fulfil its own order; the bureau can.
    expect(
      (await post(`/api/v1/card-orders/${order.id}/fulfil`, unitAdmin.headers)).statusCode,
    ).toBe(403);
    const fulfilled = await post(`/api/v1/card-orders/${order.id}/fulfil`, bureau.headers, {
      bindings: [{ personId, cardNumber: 't000 0001' }],
    });
    expect(fulfilled.statusCode, fulfilled.body).toBe(200);
    expect(fulfilled.json<CardOrder>().status).toBe('fulfilled');

    const history = async () =>
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/people/${personId}/cards`,
          headers: unitAdmin.headers,
        })
      ).json<Card[]>();
    const [card] = await history();
    expect(card).toMatchObject({
      number: 'T0000001',
      status: 'active',
      channel: 'order',
      holder: { name: '王新卡', nameMasked: '王*卡' },
    });

    const lost = await post(`/api/v1/cards/${card!.id}/report-loss`, unitAdmin.headers);
    expect(lost.json<Card>()).toMatchObject({ status: 'lost' });
    expect(
      (await post(`/api/v1/cards/${card!.id}/report-loss`, unitAdmin.headers)).statusCode,
    ).toBe(409);

    const reissued = await post(`/api/v1/cards/${card!.id}/reissue`, unitAdmin.headers, {
      cardNumber: 'T0000002',
    });
    expect(reissued.statusCode, reissued.body).toBe(201);
    expect(reissued.json<Card>()).toMatchObject({
      number: 'T0000002',
      status: 'active',
      channel: 'reissue',
      feeFen: 2500,
      replacesNumber: 'T0000001',
    });
    // A second reissue of the same lost card is refused.
    expect(
      (await post(`/api/v1/cards/${card!.id}/reissue`, unitAdmin.headers, {})).statusCode,
    ).toBe(409);

    expect((await history()).map((c) => [c.number, c.status, c.replacedByNumber])).toEqual([
      ['T0000002', 'active', null],
      ['T0000001', 'lost', 'T0000002'],
    ]);

    // The old number can be neither bound again nor imported again.
    const other = await newStaff('李旧号');
    const rebind = await post('/api/v1/cards/purchase', bureau.headers, {
      personId: other,
      issuerId: city,
      cardNumber: 'T0000001',
    });
    expect(rebind.statusCode).toBe(400);
    const reuse = await post('/api/v1/card-orders', unitAdmin.headers, {
      unitId: hospital,
      personIds: [other],
    });
    const refused = await post(
      `/api/v1/card-orders/${reuse.json<CardOrder>().id}/fulfil`,
      bureau.headers,
      {
        bindings: [{ personId: other, cardNumber: 'T0000001' }],
      },
    );
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'bindings.0.cardNumber',
    );
    const reimported = await importStock(['T0000001']);
    expect(reimported.statusCode).toBe(422);
    expect(
      reimported.json<{ error: { details: { report: ImportReport } } }>().error.details.report
        .issues,
    ).toEqual([{ row: 2, column: '卡号', message: '卡号已存在（卡号不可重复使用）' }]);
  });

  it('refuses a whole import with a bad row, naming the row, and writes nothing', async () => {
    const bad = await importStock(['B0000001', 'B-01', 'B0000002', 'B0000001']);
    expect(bad.statusCode).toBe(422);
    const report = bad.json<{ error: { details: { report: ImportReport } } }>().error.details
      .report;
    expect(report.written).toBe(false);
    expect(report.issues).toEqual([
      { row: 3, column: '卡号', message: '卡号应为 6 到 20 位数字或大写字母' },
      { row: 5, column: '卡号', message: '与第 2 行重复' },
    ]);
    const [stored] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from cards where number like 'B000000%'`,
    );
    expect(stored?.n).toBe(0);
  });

  it('sells a card directly at the city bureau, from its stock, once per person', async () => {
    await importStock(['C0000001', 'C0000002'], city);
    const personId = await newStaff('赵直购');
    const bought = await post('/api/v1/cards/purchase', bureau.headers, {
      personId,
      issuerId: city,
    });
    expect(bought.statusCode, bought.body).toBe(201);
    expect(bought.json<Card>()).toMatchObject({
      channel: 'purchase',
      issuerName: tree.city.name,
    });
    const again = await post('/api/v1/cards/purchase', bureau.headers, {
      personId,
      issuerId: city,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { details: { problem: string } } }>().error.details.problem).toBe(
      'has_active_card',
    );
    // A district is not where cards are sold directly.
    const atDistrict = await post('/api/v1/cards/purchase', bureau.headers, {
      personId,
      issuerId: district,
    });
    expect(atDistrict.statusCode).toBe(400);
  });

  it('refuses an order for someone who already has a card, or from outside the unit', async () => {
    const [holder] = await queryRows<{ person_id: string }>(
      t.database.db,
      sql`select c.person_id from cards c join people p on p.id = c.person_id
          where c.status = 'active' and p.unit_id = ${hospital} limit 1`,
    );
    const withCard = await post('/api/v1/card-orders', unitAdmin.headers, {
      unitId: hospital,
      personIds: [holder!.person_id],
    });
    expect(withCard.statusCode).toBe(409);
    const outside = await post('/api/v1/card-orders', unitAdmin.headers, {
      unitId: hospital,
      personIds: [stranger.id],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      'personIds.0',
    );
  });

  it('lets a learner see and report their own card, and nobody else’s', async () => {
    const mine = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/cards',
      headers: learner.headers,
    });
    expect(mine.statusCode).toBe(200);
    const [own] = mine.json<Card[]>();
    expect(own?.status).toBe('active');
    const token = await t.app.inject({
      method: 'GET',
      url: '/api/v1/me/checkin-token',
      headers: learner.headers,
    });
    expect(token.json<{ token: string }>().token).toMatch(/^v1\.[0-9a-f]{32}\.\d+\./);

    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cards?limit=5',
      headers: unitAdmin.headers,
    });
    const someoneElse = list.json<CardList>().items.find((c) => c.id !== own?.id);
    expect(
      (await post(`/api/v1/cards/${someoneElse!.id}/report-loss`, learner.headers)).statusCode,
    ).toBe(404);
    const reported = await post(`/api/v1/cards/${own!.id}/report-loss`, learner.headers);
    expect(reported.json<Card>().status).toBe('lost');
  });

  it('lists only cards inside the caller’s scope, holders by name', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/api/v1/cards?limit=500',
      headers: unitAdmin.headers,
    });
    const items = list.json<CardList>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((c) => c.holder?.unitName === tree.unit.name)).toBe(true);
    const blank = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cards?status=blank&issuerId=${district}&limit=2`,
      headers: bureau.headers,
    });
    expect(blank.json<CardList>().items.map((c) => c.status)).toEqual(['blank', 'blank']);
    expect(blank.json<CardList>().nextCursor).not.toBeNull();
  });
});
