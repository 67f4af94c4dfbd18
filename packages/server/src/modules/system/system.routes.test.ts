import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-app';

const { app } = await buildTestApp();

describe('system routes', () => {
  it('GET /api/health answers {"status":"ok"}', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('sends the security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('tells the web app it runs in demo mode', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/app-info' });
    expect(response.json()).toMatchObject({ name: 'jijiao', demo: true, defaultLocale: 'zh-CN' });
  });

  it('publishes an OpenAPI document generated from the contracts, and its UI', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    }>();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/health/live',
        '/api/health/ready',
        '/api/v1/session',
        '/api/v1/me',
        '/api/v1/orgs',
      ]),
    );
    expect(JSON.stringify(doc.paths['/api/v1/session']?.post?.requestBody)).toContain('username');
    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger-initializer.js');
    const initializer = await app.inject({
      method: 'GET',
      url: '/api/docs/static/swagger-initializer.js',
    });
    expect(initializer.statusCode).toBe(200);
  });

  it('answers unknown API paths with a JSON 404 and other paths with the web app', async () => {
    const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json<{ error: { code: string } }>().error.code).toBe('not_found');
    const page = await app.inject({ method: 'GET', url: '/some/client/route' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    const asset = await app.inject({ method: 'GET', url: '/assets/index-gone.js' });
    expect(asset.statusCode).toBe(404);
  });
});
