import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, passwordProblemsOf, toApiError } from './errors';
import { lazyParser, request, requestNoContent, setCsrfToken, withQuery } from './client';
import { fetchMe, signIn } from './session';

const me = {
  user: {
    id: '7f1c1f52-7a0e-4d55-9a59-8f3f7f1e6c01',
    username: 'demo-reviewer',
    displayName: '审核人（演示）',
    mustChangePassword: false,
    twoFactor: { enrolled: false, required: false },
  },
  roles: [],
  permissions: ['org:read'],
  csrfToken: 'token-1',
  session: {
    idleExpiresAt: '2026-01-01T00:00:00.000Z',
    absoluteExpiresAt: '2026-01-01T08:00:00.000Z',
  },
};

function errorBody(code: string, extra: Record<string, unknown> = {}) {
  return { error: { code, message: 'server text that the UI must not show', ...extra } };
}

describe('toApiError', () => {
  it.each([
    [401, 'invalid_credentials'],
    [423, 'account_locked'],
    [429, 'rate_limited'],
    [400, 'validation_failed'],
    [401, 'unauthenticated'],
    [404, 'not_found'],
  ])('reads status %i code %s from the contract body', (status, code) => {
    const error = toApiError(status, errorBody(code));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(status);
  });

  it('keeps details and field issues', () => {
    const error = toApiError(
      400,
      errorBody('validation_failed', { issues: [{ path: 'username', message: 'required' }] }),
    );
    expect(error.issues).toEqual([{ path: 'username', message: 'required' }]);
  });

  it.each([
    [401, null, 'unauthenticated'],
    [403, 'Forbidden', 'forbidden'],
    [429, { message: 'slow down' }, 'rate_limited'],
    [502, '<html>Bad gateway</html>', 'internal'],
    [400, errorBody('not_a_known_code'), 'validation_failed'],
  ])(
    'falls back on the status when the body is not a contract error (%i)',
    (status, body, code) => {
      expect(toApiError(status, body).code).toBe(code);
    },
  );
});

describe('passwordProblemsOf', () => {
  it('returns the known problems in order and drops unknown ones', () => {
    const error = toApiError(
      422,
      errorBody('password_policy', {
        details: { problems: ['too_short', 'sparkly', 'too_few_classes', 'contains_username'] },
      }),
    );
    expect(passwordProblemsOf(error)).toEqual([
      'too_short',
      'too_few_classes',
      'contains_username',
    ]);
  });

  it.each([
    ['another code', toApiError(401, errorBody('invalid_credentials'))],
    ['no details', toApiError(422, errorBody('password_policy'))],
    [
      'problems not a list',
      toApiError(422, errorBody('password_policy', { details: { problems: 'too_short' } })),
    ],
  ])('is empty for %s', (_label, error) => {
    expect(passwordProblemsOf(error)).toEqual([]);
  });
});

describe('request', () => {
  const fetchMock = vi.fn<typeof fetch>();
  beforeEach(() => {
    vi.stubGlobal('fetch', fetchMock);
    setCsrfToken(null);
  });
  afterEach(() => {
    fetchMock.mockReset();
    vi.unstubAllGlobals();
  });

  const json = (status: number, body: unknown) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  const sentHeaders = (call: number) =>
    fetchMock.mock.calls[call]![1]!.headers as Record<string, string>;

  it('keeps the CSRF token from sign-in and sends it on writes, not on reads', async () => {
    fetchMock.mockResolvedValueOnce(json(200, me));
    await signIn({ username: 'demo-reviewer', password: 'x' });
    fetchMock.mockResolvedValueOnce(json(200, { ok: true }));
    await request('POST', '/api/v1/x', { parse: (v: unknown) => v });
    fetchMock.mockResolvedValueOnce(new Response(null, { status: 204 }));
    await requestNoContent('DELETE', '/api/v1/session');
    fetchMock.mockResolvedValueOnce(json(200, me));
    await request('GET', '/api/v1/me', { parse: (v: unknown) => v });

    expect(sentHeaders(0)['X-CSRF-Token']).toBeUndefined();
    expect(sentHeaders(1)['X-CSRF-Token']).toBe('token-1');
    expect(sentHeaders(2)['X-CSRF-Token']).toBe('token-1');
    expect(sentHeaders(3)['X-CSRF-Token']).toBeUndefined();
    for (const [, init] of fetchMock.mock.calls) expect(init!.credentials).toBe('same-origin');
  });

  it('rejects with the contract error code', async () => {
    fetchMock.mockResolvedValueOnce(json(423, errorBody('account_locked')));
    await expect(signIn({ username: 'a', password: 'b' })).rejects.toMatchObject({
      code: 'account_locked',
      status: 423,
    });
  });

  it('reports a response that breaks its contract', async () => {
    fetchMock.mockResolvedValueOnce(json(200, { user: 'nope' }));
    await expect(fetchMe()).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('reports a network failure', async () => {
    fetchMock.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await expect(fetchMe()).rejects.toMatchObject({ code: 'network_error', status: 0 });
  });

  it('treats 401 unauthenticated on /me as "no session"', async () => {
    fetchMock.mockResolvedValueOnce(json(401, errorBody('unauthenticated')));
    await expect(fetchMe()).resolves.toBeNull();
  });

  it('loads a lazy schema only when an answer comes, and parses with it', async () => {
    const load = vi.fn(() => Promise.resolve({ parse: (v: unknown) => ({ parsed: v }) }));
    const lazy = lazyParser(load);
    fetchMock.mockResolvedValueOnce(json(401, errorBody('unauthenticated')));
    await expect(request('GET', '/api/v1/me', lazy)).rejects.toMatchObject({
      code: 'unauthenticated',
    });
    expect(load).not.toHaveBeenCalled();
    fetchMock.mockResolvedValueOnce(json(200, { a: 1 }));
    await expect(request('GET', '/api/v1/me', lazy)).resolves.toEqual({ parsed: { a: 1 } });
    expect(load).toHaveBeenCalledOnce();
  });

  it('reports a lazy schema that cannot be fetched as a network failure', async () => {
    const lazy = lazyParser(() => Promise.reject(new TypeError('Failed to fetch module')));
    fetchMock.mockResolvedValueOnce(json(200, { a: 1 }));
    await expect(request('GET', '/api/v1/app-info', lazy)).rejects.toMatchObject({
      code: 'network_error',
      status: 0,
    });
  });

  it('builds query strings without empty values', () => {
    expect(
      withQuery('/api/v1/orgs', { parentId: undefined, kind: '', limit: 50, after: 'a b' }),
    ).toBe('/api/v1/orgs?limit=50&after=a+b');
    expect(withQuery('/api/v1/orgs', {})).toBe('/api/v1/orgs');
  });
});
