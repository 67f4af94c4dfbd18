import { describe, expect, it } from 'vitest';
import type { Project, ProjectList } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

// The fake clock starts on 2026-03-01.
const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const cityHospital = await f.buildOrg({ parent: tree.city, kind: 'unit', name: '市中心医院' });
// Projects of both hosts: the city's reviewer sees the city hospital's only.
await f.buildProject({ host: cityHospital, level: 'municipal' });
await f.buildProject({ host: tree.host });
const hostAdmin = await f.buildUser({ role: 'host_admin', org: tree.host });
const provinceAdmin = await f.buildUser({ role: 'province_admin', org: tree.province });
const host = await t.signIn(hostAdmin.username);
const province = await t.signIn(provinceAdmin.username);
const reviewer = await t.signIn((await f.buildUser({ role: 'reviewer', org: tree.city })).username);
const association = tree.host.id;
const donghuCentral = cityHospital.id;

const body = (overrides: Record<string, unknown> = {}) => ({
  number: '2026-04-08-186（国）',
  name: '呼吸系统疾病诊疗进展',
  level: 'national',
  hostId: association,
  startDate: '2026-04-10',
  endDate: '2026-04-12',
  place: '市会展中心',
  hours: 18,
  attendeeCredits: 6,
  speakerCredits: 2,
  ...overrides,
});

function call(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  headers: Record<string, string>,
  payload?: object,
) {
  return t.app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
}

describe('a project’s life', () => {
  it('refuses filing on or after the start date', async () => {
    const created = await call(
      'POST',
      '/api/v1/projects',
      (await t.signIn(hostAdmin.username)).headers,
      body({
        number: '2026-01-01-001（省）',
        level: 'provincial',
        startDate: '2026-03-01',
        endDate: '2026-03-01',
      }),
    );
    const provinceNow = await t.signIn(provinceAdmin.username);
    const late = await call(
      'POST',
      `/api/v1/projects/${created.json<Project>().id}/file`,
      provinceNow.headers,
    );
    expect(late.statusCode).toBe(409);
    expect(late.json<{ error: { details: { problem: string } } }>().error.details.problem).toBe(
      'starts_too_soon',
    );
  });

  it.each([
    [{ number: '2026-04-08' }, 'number'],
    [{ number: '2026-04-08-187（省）' }, 'number'],
    [{ endDate: '2026-04-01' }, 'endDate'],
    [{ hours: -1 }, 'hours'],
  ])('rejects %j naming %s', async (overrides, field) => {
    const response = await call(
      'POST',
      '/api/v1/projects',
      host.headers,
      body({ number: '2026-09-09-999（国）', ...overrides }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { issues: { path: string }[] } }>().error.issues[0]?.path).toBe(
      field,
    );
  });

  it('answers 404 for a host outside the caller’s scope, and scopes lists', async () => {
    const outside = await call(
      'POST',
      '/api/v1/projects',
      host.headers,
      body({ number: '2026-09-09-998（国）', hostId: donghuCentral }),
    );
    expect(outside.statusCode).toBe(404);
    const seenByReviewer = (
      await call('GET', '/api/v1/projects?limit=100', reviewer.headers)
    ).json<ProjectList>().items;
    expect(seenByReviewer.every((p) => p.hostName === cityHospital.name)).toBe(true);
    expect(seenByReviewer.length).toBeGreaterThan(0);
    // The first page tells how many match in all, counted by the same filter when it is not all.
    const first = (
      await call('GET', '/api/v1/projects?limit=1', reviewer.headers)
    ).json<ProjectList>();
    expect(first.items).toHaveLength(1);
    expect(first.total).toBe(seenByReviewer.length);
    if (first.nextCursor) {
      const next = await call(
        'GET',
        `/api/v1/projects?limit=1&after=${first.nextCursor}`,
        reviewer.headers,
      );
      expect(next.json<ProjectList>().total).toBeNull();
    }
  });
  it('is registered as a draft, filed by the province before it starts, and finished by the host after it ends', async () => {
    const created = await call(
      'POST',
      '/api/v1/projects',
      host.headers,
      body({ number: '2026-04-08-186(国)' }),
    );
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json<Project>();
    expect(project).toMatchObject({
      number: '2026-04-08-186（国）',
      status: 'draft',
      year: 2026,
      discipline: '04-08',
      hostName: tree.host.name,
    });

    const publicBefore = await call('GET', '/api/v1/public/projects?number=2026-04-08-186', {});
    expect(publicBefore.json<ProjectList>().items).toHaveLength(0);
    expect(
      (await call('POST', `/api/v1/projects/${project.id}/file`, host.headers)).statusCode,
    ).toBe(403);
    const edited = await call('PATCH', `/api/v1/projects/${project.id}`, host.headers, {
      hours: 21,
    });
    expect(edited.json<Project>().hours).toBe(21);

    const filed = await call('POST', `/api/v1/projects/${project.id}/file`, province.headers);
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json<Project>().status).toBe('filed');
    expect(
      (await call('PATCH', `/api/v1/projects/${project.id}`, host.headers, { hours: 3 }))
        .statusCode,
    ).toBe(409);

    const publicAfter = await call('GET', '/api/v1/public/projects?number=2026-04-08-186', {});
    expect(publicAfter.json<ProjectList>().items.map((p) => p.name)).toEqual([
      '呼吸系统疾病诊疗进展',
    ]);

    const early = await call('POST', `/api/v1/projects/${project.id}/finish`, host.headers, {
      attendeeCount: 120,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
    t.clock.advanceMinutes(60 * 24 * 43);
    const hostLater = await t.signIn(hostAdmin.username);
    const finished = await call(
      'POST',
      `/api/v1/projects/${project.id}/finish`,
      hostLater.headers,
      { attendeeCount: 120 },
    );
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json<Project>()).toMatchObject({ status: 'finished', attendeeCount: 120 });
  });
});
