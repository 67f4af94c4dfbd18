import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Person, PersonList } from '@jijiao/contracts';
import { buildTestApp, sessionCookieOf } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { newIdNumber, personBody } from '../../../test/fixtures';
import { queryRows } from '../../platform/db/database';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const otherUnit = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '县人民医院' });
// More staff than a page of 20 holds.
for (let i = 0; i < 22; i += 1) await f.buildPerson({ unit: tree.unit });
const session = async (role: 'unit_admin' | 'province_admin' | 'system_admin') =>
  t.signIn(
    (await f.buildUser({ role, org: role === 'unit_admin' ? tree.unit : tree.province })).username,
  );
const unitAdmin = await session('unit_admin');
const provinceAdmin = await session('province_admin');
const systemAdmin = await session('system_admin');
const jiangnanHospital = tree.unit.id;
const linjiangHospital = otherUnit.id;

function post(url: string, headers: Record<string, string>, payload?: object) {
  return t.app.inject({
    method: 'POST',
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
}
function get(url: string, headers: Record<string, string>) {
  return t.app.inject({ method: 'GET', url, headers });
}

describe('registering a person', () => {
  it('stores the ID encrypted, answers it masked, and creates a learner account that must change its password', async () => {
    const idNumber = newIdNumber('19900307');
    const response = await post(
      '/api/v1/people',
      unitAdmin.headers,
      personBody(jiangnanHospital, { idNumber, name: '赵新人', phone: '13900001111' }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const body = response.json<{
      person: Person;
      account: { username: string; initialPassword: string };
    }>();
    expect(body.person.idNumberMasked).toBe(
      `${idNumber.slice(0, 4)}**********${idNumber.slice(-4)}`,
    );
    expect(body.person).toMatchObject({
      birthDate: '1990-03-07',
      unitName: tree.unit.name,
      username: '13900001111',
    });
    expect(response.body).not.toContain(idNumber);
    const stored = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`select * from people where id = ${body.person.id}`,
    );
    expect(JSON.stringify(stored)).not.toContain(idNumber);

    const learner = await t.signIn(body.account.username, body.account.initialPassword);
    expect(
      learner.response.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword,
    ).toBe(true);
    const blocked = await get('/api/v1/units', learner.headers);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json<{ error: { code: string } }>().error.code).toBe('password_change_required');
    const changed = await post('/api/v1/me/password', learner.headers, {
      currentPassword: body.account.initialPassword,
      newPassword: 'Mine@Pass2026',
    });
    expect(changed.statusCode).toBe(200);
    // The change rotated the session: the learner goes on with the new cookie.
    expect((await get('/api/v1/units', learner.headers)).statusCode).toBe(401);
    const rotated = { cookie: sessionCookieOf(changed) };
    expect((await get('/api/v1/units', rotated)).statusCode).toBe(200);
  });

  it.each([
    ['idNumber', { idNumber: '110105194912310021' }, '校验位错误'],
    ['idNumber', { idNumber: '1101051949' }, '位数错误'],
    ['phone', { phone: '12345' }, undefined],
    ['profession', { profession: 'wizard' }, undefined],
  ])('rejects a bad %s naming the field', async (field, overrides, message) => {
    const response = await post(
      '/api/v1/people',
      unitAdmin.headers,
      personBody(jiangnanHospital, overrides),
    );
    expect(response.statusCode).toBe(400);
    const issues = response.json<{ error: { issues: { path: string; message: string }[] } }>().error
      .issues;
    expect(issues[0]?.path).toBe(field);
    if (message) expect(issues[0]?.message).toBe(message);
  });

  it('refuses a second registration of the same ID, and a unit outside the scope', async () => {
    const body = personBody(jiangnanHospital);
    expect((await post('/api/v1/people', unitAdmin.headers, body)).statusCode).toBe(201);
    const again = await post('/api/v1/people', unitAdmin.headers, { ...body, name: '另一个' });
    expect(again.statusCode).toBe(409);
    const outside = await post('/api/v1/people', unitAdmin.headers, personBody(linjiangHospital));
    expect(outside.statusCode).toBe(404);
  });
});

describe('reading people', () => {
  it('pages the unit’s staff by name with a keyset cursor, masked', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await get(
        `/api/v1/people?limit=20${cursor ? `&after=${cursor}` : ''}`,
        unitAdmin.headers,
      );
      const page: PersonList = response.json<PersonList>();
      seen.push(...page.items.map((p) => p.id));
      for (const p of page.items) {
        expect(p.unitName).toBe(tree.unit.name);
        expect(p.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      }
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    const count = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from people where unit_id = ${jiangnanHospital}`,
    );
    expect(seen.length).toBe(count[0]?.n);
  });

  it('reveals the full ID only with person:reveal_id, and writes the reveal to the audit log', async () => {
    const created = (
      await post('/api/v1/people', unitAdmin.headers, personBody(jiangnanHospital))
    ).json<{ person: Person }>().person;
    expect(
      (await post(`/api/v1/people/${created.id}/reveal-id`, unitAdmin.headers)).statusCode,
    ).toBe(403);
    const revealed = await post(`/api/v1/people/${created.id}/reveal-id`, systemAdmin.headers);
    expect(revealed.statusCode).toBe(200);
    expect(revealed.json<{ idNumber: string }>().idNumber).toMatch(/^\d{17}[\dX]$/);
    const audit = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from audit_log where action = 'person.id_revealed' and target_id = ${created.id}`,
    );
    expect(audit[0]?.n).toBe(1);
  });

  it('resets a password and lists the unit history', async () => {
    const created = (
      await post('/api/v1/people', unitAdmin.headers, personBody(jiangnanHospital))
    ).json<{ person: Person }>().person;
    const reset = await post(`/api/v1/people/${created.id}/reset-password`, unitAdmin.headers);
    expect(reset.statusCode).toBe(200);
    const history = await get(`/api/v1/people/${created.id}/history`, provinceAdmin.headers);
    expect(history.json<{ items: { unitName: string; to: string | null }[] }>().items).toEqual([
      expect.objectContaining({ unitName: tree.unit.name, to: null }),
    ]);
  });
});

describe('phone numbers (finding 7: shown unmasked in every list)', () => {
  it('are masked in lists and whole only on the person’s page for those who may edit them', async () => {
    const created = await post(
      '/api/v1/people',
      unitAdmin.headers,
      personBody(jiangnanHospital, { name: '钱手机', phone: '13712345678' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const { person } = created.json<{ person: Person }>();
    expect(person.phone).toBe('13712345678');

    for (const session of [unitAdmin, provinceAdmin, systemAdmin]) {
      const list = await get(`/api/v1/people?q=${encodeURIComponent('钱手机')}`, session.headers);
      expect(list.statusCode).toBe(200);
      const row = list.json<PersonList>().items.find((p) => p.id === person.id);
      expect(row?.phone).toBe('137****5678');
    }
    const own = (session: typeof unitAdmin) => get(`/api/v1/people/${person.id}`, session.headers);
    expect((await own(unitAdmin)).json<Person>().phone).toBe('13712345678');
    expect((await own(provinceAdmin)).json<Person>().phone).toBe('13712345678');
    // The system administrator reads people but does not manage them.
    const read = await own(systemAdmin);
    expect(read.statusCode).toBe(200);
    expect(read.json<Person>().phone).toBe('137****5678');
  });
});
