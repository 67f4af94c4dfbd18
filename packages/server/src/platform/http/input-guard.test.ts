import { describe, expect, it } from 'vitest';
import type { ErrorResponse } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { personBody } from '../../../test/fixtures';
import { findBadText } from './input-guard';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const admin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);

const errorOf = (body: string) => JSON.parse(body) as ErrorResponse;

describe('findBadText', () => {
  it('names every NUL and unpaired surrogate by its path, keys included', () => {
    const issues = findBadText('body', {
      name: 'fine',
      people: [{}, {}, {}, { name: 'a\u0000b' }],
      deep: { list: ['ok', '\ud800'] },
      'bad\u0000key': 1,
      pair: '😀 is a paired surrogate',
      n: 5,
    });
    // A bad key is named by the object that holds it, found as that object is opened.
    expect(issues.map((i) => i.path)).toEqual(['body', 'body.people[3].name', 'body.deep.list[1]']);
    expect(issues[0]?.message).toMatch(/^a key must not contain a NUL/);
  });

  it('walks a deeply nested value without overflowing the stack', () => {
    let value: unknown = '\udc00';
    for (let i = 0; i < 100_000; i += 1) value = [value];
    const [issue] = findBadText('body', value);
    expect(issue?.path.startsWith('body[0][0]')).toBe(true);
    expect(issue?.message).toMatch(/unpaired UTF-16 surrogate/);
  });

  it('leaves ordinary text and uploads alone', () => {
    expect(findBadText('headers', { 'user-agent': 'Mozilla/5.0', accept: '*/*' })).toEqual([]);
    expect(findBadText('body', Buffer.from([0, 0xd8, 0]))).toEqual([]);
  });
});

describe('the edge guard (finding 1: NUL and lone surrogates answered 500)', () => {
  it('refuses a NUL in the public project search before any sign-in, naming query.name', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/public/projects?name=a%00b',
    });
    expect(response.statusCode).toBe(400);
    const { error } = errorOf(response.body);
    expect(error.code).toBe('validation_failed');
    expect(error.issues).toEqual([
      { path: 'query.name', message: expect.stringMatching(/NUL/) as string },
    ]);
  });

  it('refuses a lone surrogate in a JSON body at any depth, naming the field', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/people',
      headers: admin.headers,
      payload: {
        ...personBody(tree.unit.id, { name: '张\ud800' }),
        extra: [{}, {}, {}, { name: 'x\udfff' }],
      },
    });
    expect(response.statusCode).toBe(400);
    const paths = errorOf(response.body).error.issues?.map((i) => i.path);
    expect(paths).toEqual(['body.name', 'body.extra[3].name']);
  });

  it('refuses a NUL in a path parameter and in an organisation’s new name', async () => {
    const inPath = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/a%00b',
      headers: admin.headers,
    });
    expect(inPath.statusCode).toBe(400);
    expect(errorOf(inPath.body).error.issues?.[0]?.path).toBe('params.id');
    const rename = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${tree.unit.id}`,
      headers: admin.headers,
      payload: { name: '医院\u0000' },
    });
    expect(rename.statusCode).toBe(400);
    expect(errorOf(rename.body).error.issues?.[0]?.path).toBe('body.name');
  });
});

describe('an update with nothing to change (finding 3: PATCH {} answered 500)', () => {
  it.each([
    ['an empty body', {}],
    ['only keys the route does not know', { colour: 'blue' }],
  ])('is 400 nothing_to_update for %s', async (_what, payload) => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${tree.unit.id}`,
      headers: admin.headers,
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body).error.code).toBe('nothing_to_update');
  });

  it('still applies an update that names a field', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${tree.unit.id}`,
      headers: admin.headers,
      payload: { name: '江南区人民医院（新院区）' },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<{ name: string }>().name).toBe('江南区人民医院（新院区）');
  });

  it('leaves a field not sent as it is (no default resets it)', async () => {
    const person = await f.buildPerson({ unit: tree.unit });
    const patch = (payload: object) =>
      t.app.inject({
        method: 'PATCH',
        url: `/api/v1/people/${person.id}`,
        headers: admin.headers,
        payload,
      });
    expect((await patch({ tcm: true })).json<{ tcm: boolean }>().tcm).toBe(true);
    const renamed = await patch({ name: '改名后' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<{ name: string; tcm: boolean }>()).toMatchObject({
      name: '改名后',
      tcm: true,
    });
  });

  it('holds for every PATCH route whose fields are all optional, before the handler looks anything up', async () => {
    const host = await t.signIn(
      (await f.buildUser({ role: 'host_admin', org: tree.host })).username,
    );
    const someId = '00000000-0000-4000-8000-000000000001';
    const routes = [
      ['/api/v1/orgs/:id', admin],
      ['/api/v1/people/:id', admin],
      ['/api/v1/projects/:id', host],
      ['/api/v1/projects/:id/sessions/:sessionId', host],
    ] as const;
    const patches = t.app.routeCatalogue.filter((r) => r.method === 'PATCH').map((r) => r.url);
    for (const [url] of routes) expect(patches).toContain(url);
    for (const [url, session] of routes) {
      const response = await t.app.inject({
        method: 'PATCH',
        url: url.replace(/:\w+/g, someId),
        headers: session.headers,
        payload: {},
      });
      expect([url, response.statusCode, errorOf(response.body).error.code]).toEqual([
        url,
        400,
        'nothing_to_update',
      ]);
    }
  });
});
