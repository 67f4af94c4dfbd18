import { describe, expect, it } from 'vitest';
import type { Role } from '@jijiao/contracts';
import { buildTestApp, type Session } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

/**
 * Each role × inside its subtree / in another province / anonymous × read and write of
 * an org, a person and a project. Outside the subtree the answer is 404 (the record does
 * not exist for the caller); without the permission at all, 403; without a session, 401.
 */
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();

// A second province, outside every account's subtree.
const other = await f.buildOrgTree({ regionCode: '980000' });
const otherUnit = other.unit.id;
const otherPerson = await f.buildPerson({ unit: other.unit });
const otherProject = await f.buildProject({ host: other.host, status: 'draft' });

const jiangnanHospital = tree.unit.id;
const ownPerson = await f.buildPerson({ unit: tree.unit });
const cityHospital = await f.buildOrg({ parent: tree.city, kind: 'unit' });
const cityProject = await f.buildProject({ host: cityHospital, level: 'municipal' });
const hostDraft = await f.buildProject({ host: tree.host, status: 'draft' });

const accounts: Record<Role, string> = {
  learner: (await f.buildPerson({ unit: tree.unit })).user.username,
  unit_admin: (await f.buildUser({ role: 'unit_admin', org: tree.unit })).username,
  reviewer: (await f.buildUser({ role: 'reviewer', org: tree.city })).username,
  host_admin: (await f.buildUser({ role: 'host_admin', org: tree.host })).username,
  province_admin: (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
  system_admin: (await f.buildUser({ role: 'system_admin', org: tree.province })).username,
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
    url: `/api/v1/people/${ownPerson.id}`,
    expect: [403, 200, 200, 403, 200, 200],
  },
  {
    name: 'person read, other province',
    method: 'GET',
    url: `/api/v1/people/${otherPerson.id}`,
    expect: [403, 404, 404, 403, 404, 404],
  },
  {
    name: 'person write, inside',
    method: 'PATCH',
    url: `/api/v1/people/${ownPerson.id}`,
    payload: { titleGrade: 'senior' },
    expect: [403, 200, 403, 403, 200, 403],
  },
  {
    name: 'person write, other province',
    method: 'PATCH',
    url: `/api/v1/people/${otherPerson.id}`,
    payload: { titleGrade: 'senior' },
    expect: [403, 404, 403, 403, 404, 403],
  },
  {
    name: 'project read, inside the city',
    method: 'GET',
    url: `/api/v1/projects/${cityProject.id}`,
    expect: [403, 403, 200, 404, 200, 403],
  },
  {
    name: 'project read, other province',
    method: 'GET',
    url: `/api/v1/projects/${otherProject.id}`,
    expect: [403, 403, 404, 404, 404, 403],
  },
  {
    name: 'project write, host’s draft',
    method: 'PATCH',
    url: `/api/v1/projects/${hostDraft.id}`,
    payload: { place: '省人民医院' },
    expect: [403, 403, 403, 200, 403, 403],
  },
  {
    name: 'project write, other province',
    method: 'PATCH',
    url: `/api/v1/projects/${otherProject.id}`,
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
