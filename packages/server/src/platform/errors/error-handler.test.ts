import { describe, expect, it } from 'vitest';
import type { ErrorResponse } from '@jijiao/contracts';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';

const t = await buildTestApp();
const f = createFactories(t);
const tree = await f.buildOrgTree();
const admin = await t.signIn(
  (await f.buildUser({ role: 'province_admin', org: tree.province })).username,
);

const errorOf = (body: string) => (JSON.parse(body) as ErrorResponse).error;

/** Requests Fastify itself cannot read, found by the API fuzz (test/api-fuzz.test.ts). */
describe('requests the router or the body parser cannot read', () => {
  it('a path that is not percent-encoded UTF-8 (a lone surrogate) is a 400 naming the url', async () => {
    // Before: Fastify's own `{ error: 'Bad Request', code: 'FST_ERR_BAD_URL' }`, no field.
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/orgs/%ED%A0%80',
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(400);
    const error = errorOf(response.body);
    expect(error.code).toBe('validation_failed');
    expect(error.issues?.map((i) => i.path)).toEqual(['url']);
  });

  it('a path parameter past the router’s length is a 400 naming the url', async () => {
    // Before: 414 in Fastify's own shape, code FST_ERR_MAX_PARAM_LENGTH.
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/people/${'字'.repeat(200)}`,
      headers: { cookie: admin.cookie },
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'url' }],
    });
  });

  it.each([
    ['a __proto__ key', '{"__proto__":{"a":1},"name":"x"}'],
    ['text that is not JSON', '{"name":'],
  ])('a JSON body with %s is a 400 naming the body', async (_name, payload) => {
    // Before: 400 validation_failed with no issues.
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${tree.unit.id}`,
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload,
    });
    expect(response.statusCode).toBe(400);
    expect(errorOf(response.body)).toMatchObject({
      code: 'validation_failed',
      issues: [{ path: 'body' }],
    });
  });

  it('a body over the limit is 413 file_too_large (its code’s status), naming the body', async () => {
    // Before: 413 with code validation_failed, whose status is 400.
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${tree.unit.id}`,
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'a'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(errorOf(response.body)).toMatchObject({
      code: 'file_too_large',
      issues: [{ path: 'body' }],
    });
  });

  it('a body of a type no parser takes is 415 unsupported_file, naming the content type', async () => {
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/orgs/${tree.unit.id}`,
      headers: { ...admin.headers, 'content-type': 'text/x-unknown' },
      payload: 'name=x',
    });
    expect(response.statusCode).toBe(415);
    expect(errorOf(response.body)).toMatchObject({
      code: 'unsupported_file',
      issues: [{ path: 'headers.content-type' }],
    });
  });
});
