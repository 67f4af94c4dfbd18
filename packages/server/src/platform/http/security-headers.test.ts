import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, contentSecurityPolicyFor } from '../../app';
import { registerSecurityHeaders, securityHeadersOf } from './security-headers';

describe('security headers', () => {
  it('are helmet’s, worked out once: CSP, frame denial, no HSTS unless asked', () => {
    const headers = securityHeadersOf({
      contentSecurityPolicy,
      frameguard: { action: 'deny' },
      hsts: false,
    });
    expect(headers['content-security-policy']).toContain("default-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('DENY');
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(
      securityHeadersOf({ hsts: { maxAge: 31_536_000, includeSubDomains: true } })[
        'strict-transport-security'
      ],
    ).toBe('max-age=31536000; includeSubDomains');
  });

  it('ask to upgrade requests to HTTPS only when served over HTTPS', () => {
    const over = (secure: boolean) =>
      securityHeadersOf({ contentSecurityPolicy: contentSecurityPolicyFor(secure) })[
        'content-security-policy'
      ];
    expect(over(true)).toContain('upgrade-insecure-requests');
    expect(over(false)).not.toContain('upgrade-insecure-requests');
    expect(over(false)).toContain("script-src 'self'");
  });

  it('are set on every answer, errors and unknown routes included', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, { contentSecurityPolicy });
    app.get('/ok', () => ({ ok: true }));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    for (const url of ['/ok', '/boom', '/nowhere']) {
      const reply = await app.inject({ url });
      expect(reply.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(reply.headers['x-content-type-options'], url).toBe('nosniff');
    }
    await app.close();
  });

  it('on hashed assets, only what governs fetching and sniffing: no CSP or frame denial', async () => {
    const app = Fastify();
    registerSecurityHeaders(app, {
      contentSecurityPolicy,
      hsts: { maxAge: 31_536_000, includeSubDomains: true },
    });
    app.get('/assets/app-1234.js', (_request, reply) =>
      reply.type('text/javascript').send('void 0'),
    );
    app.get('/login', (_request, reply) => reply.type('text/html').send('<!doctype html>'));
    const asset = await app.inject({ url: '/assets/app-1234.js' });
    expect(asset.headers['x-content-type-options']).toBe('nosniff');
    expect(asset.headers['cross-origin-resource-policy']).toBe('same-origin');
    expect(asset.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(asset.headers['content-security-policy']).toBeUndefined();
    expect(asset.headers['x-frame-options']).toBeUndefined();
    const page = await app.inject({ url: '/login' });
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    await app.close();
  });
});
