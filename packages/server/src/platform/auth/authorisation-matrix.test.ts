import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Role } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { orgIdByName } from '../../../test/fixtures';
import { queryRows } from '../db/database';

/**
 * Each role × inside its subtree / in another province / anonymous × read and write of
 * an org, a person and a project. Outside the subtree the answer is 404 (the record does
 * not exist for the caller); without the permission at all, 403; without a session, 401.
 */
const t = await buildTestApp();
const db = t.database.db;

// A second province, outside every demo account's subtree.
const otherProvince = crypto.randomUUID();
const otherUnit = crypto.randomUUID();
await db.execute(sql`insert into orgs (id, kind, name, region_code, path, depth) values
  (${otherProvince}, 'province', '外省卫生健康委员会', '980000', ${`/${otherProvince}/`}, 0)`);
await db.execute(sql`insert into orgs (id, parent_id, kind, name, region_code, path, depth) values
  (${otherUnit}, ${otherProvince}, 'unit', '外省人民医院', '980000', ${`/${otherProvince}/${otherUnit}/`}, 1)`);
const [otherPerson] = await queryRows<{ id: string }>(
  db,
  sql`insert into people (name, id_number_cipher, id_number_hash, id_number_masked, sex, birth_date, profession, title_grade, unit_id)
      values ('外省人员', 'x', 'other-province-hash', '4301**********0000', 'male', '1980-01-01', 'nurse', 'junior', ${otherUnit}) returning id`,
);
const [otherProject] = await queryRows<{ id: string }>(
  db,
  sql`insert into projects (number, name, level, year, discipline, host_id, start_date, end_date, place, hours, attendee_credits, speaker_credits)
      values ('2026-01-01-777（省）', '外省项目', 'provincial', 2026, '01-01', ${otherUnit}, '2026-09-01', '2026-09-02', '外省', 6, 1, 1) returning id`,
);

const jiangnanHospital = await orgIdByName(db, '江南区人民医院');
const [ownPerson] = await queryRows<{ id: string }>(
  db,
  sql`select id from people where unit_id = ${jiangnanHospital} limit 1`,
);
const [cityProject] = await queryRows<{ id: string }>(
  db,
  sql`select id from projects where number = '2026-06-02-008（市）'`,
);
const [hostDraft] = await queryRows<{ id: string }>(
  db,
  sql`select id from projects where number = '2027-01-03-002（省）'`,
);

const accounts: Record<Role, string> = {
  learner: 'demo-learner',
  unit_admin: 'demo-unit-admin',
  reviewer: 'demo-reviewer',
  host_admin: 'demo-host-admin',
  province_admin: 'demo-province-admin',
  system_admin: 'demo-system-admin',
};
const sessions = Object.fromEntries(
  await Promise.all(
    Object.entries(accounts).map(
      async ([role, username]) => [role, await t.signIn(username)] as const,
    ),
  ),
) as Record<Role, Session>;
const roles = Object.keys(accounts) as Role[];

interface Case {
  name: string;
  method: 'GET' | 'PATCH';
  url: string;
  payload?: Record<string, unknown>;
  /** Expected status per role, in the order of `roles`. */
  expect: [number, number, number, number, number, number];
}

const inside = (role: Role) =>
  role === 'learner'
    ? jiangnanHospital
    : sessions[role].response.json<{ roles: { orgId: string }[] }>().roles[0]!.orgId;

//                       learner unit  reviewer host  province system
const cases: Case[] = [
  {
    name: 'org read, inside',
    method: 'GET',
    url: 'org:inside',
    expect: [403, 200, 200, 200, 200, 200],
  },
  {
    name: 'org read, other province',
    method: 'GET',
    url: `/api/v1/orgs/${otherUnit}`,
    expect: [403, 404, 404, 404, 404, 404],
  },
  {
    name: 'org write, inside',
    method: 'PATCH',
    url: 'org:inside',
    payload: { regionCode: '990000' },
    expect: [403, 403, 403, 403, 200, 200],
  },
  {
    name: 'org write, other province',
    method: 'PATCH',
    url: `/api/v1/orgs/${otherUnit}`,
    payload: { name: '改名' },
    expect: [403, 403, 403, 403, 404, 404],
  },
  {
    name: 'person read, inside',
    method: 'GET',
    url: `/api/v1/people/${ownPerson!.id}`,
    expect: [403, 200, 200, 403, 200, 200],
  },
  {
    name: 'person read, other province',
    method: 'GET',
    url: `/api/v1/people/${otherPerson!.id}`,
    expect: [403, 404, 404, 403, 404, 404],
  },
  {
    name: 'person write, inside',
    method: 'PATCH',
    url: `/api/v1/people/${ownPerson!.id}`,
    payload: { titleGrade: 'senior' },
    expect: [403, 200, 403, 403, 200, 403],
  },
  {
    name: 'person write, other province',
    method: 'PATCH',
    url: `/api/v1/people/${otherPerson!.id}`,
    payload: { titleGrade: 'senior' },
    expect: [403, 404, 403, 403, 404, 403],
  },
  {
    name: 'project read, inside the city',
    method: 'GET',
    url: `/api/v1/projects/${cityProject!.id}`,
    expect: [403, 403, 200, 404, 200, 403],
  },
  {
    name: 'project read, other province',
    method: 'GET',
    url: `/api/v1/projects/${otherProject!.id}`,
    expect: [403, 403, 404, 404, 404, 403],
  },
  {
    name: 'project write, host’s draft',
    method: 'PATCH',
    url: `/api/v1/projects/${hostDraft!.id}`,
    payload: { place: '演示省人民医院' },
    expect: [403, 403, 403, 200, 403, 403],
  },
  {
    name: 'project write, other province',
    method: 'PATCH',
    url: `/api/v1/projects/${otherProject!.id}`,
    payload: { place: '外省' },
    expect: [403, 403, 403, 404, 403, 403],
  },
];

describe('authorisation matrix', () => {
  for (const c of cases) {
    it.each(roles.map((role, i) => [role, c.expect[i]] as const))(
      `${c.name}: %s → %i`,
      async (role, status) => {
        const url = c.url === 'org:inside' ? `/api/v1/orgs/${inside(role)}` : c.url;
        const response = await t.app.inject({
          method: c.method,
          url,
          headers: sessions[role].headers,
          ...(c.payload ? { payload: c.payload } : {}),
        });
        expect(response.statusCode, response.body).toBe(status);
      },
    );

    it(`${c.name}: anonymous → 401`, async () => {
      const url = c.url === 'org:inside' ? `/api/v1/orgs/${jiangnanHospital}` : c.url;
      const response = await t.app.inject({
        method: c.method,
        url,
        ...(c.payload ? { payload: c.payload } : {}),
      });
      expect(response.statusCode).toBe(401);
    });
  }
});
