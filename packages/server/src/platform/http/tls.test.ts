import fs from 'node:fs';
import http2 from 'node:http2';
import https from 'node:https';
import { afterAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { selfSignedCertificate } from '../../../test/self-signed';
import { testConfig, testPassword } from '../../../test/test-config';
import { ConfigError } from '../config/config';

// With JIJIAO_TLS_CERT_FILE and _KEY_FILE the server speaks HTTPS: HTTP/2 to who offers it
// (a browser: one connection for a page's many modules), HTTP/1.1 to the rest.
const tls = selfSignedCertificate();
afterAll(() => {
  fs.rmSync(tls.dir, { recursive: true, force: true });
});
const env = { JIJIAO_TLS_CERT_FILE: tls.certFile, JIJIAO_TLS_KEY_FILE: tls.keyFile };
const t = await buildTestApp(env);
await t.app.listen({ port: 0, host: '127.0.0.1' });
const address = t.app.server.address();
const origin = `https://localhost:${typeof address === 'object' && address ? address.port : 0}`;
const ca = fs.readFileSync(tls.certFile);

function overHttp2(
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<{ status: number; headers: http2.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const session = http2.connect(origin, { ca });
    session.on('error', reject);
    const request = session.request({
      ':method': init.method ?? 'GET',
      ':path': path,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    });
    let headers: http2.IncomingHttpHeaders = {};
    let body = '';
    request.on('response', (h) => (headers = h));
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      session.close();
      resolve({ status: Number(headers[':status']), headers, body });
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

describe('HTTPS with HTTP/2', () => {
  it('answers over HTTP/2, and signs in with a Secure cookie', async () => {
    const health = await overHttp2('/api/health');
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toEqual({ status: 'ok' });
    const f = createFactories({ ...t, config: testConfig(env) });
    const user = await f.buildUser({ role: 'unit_admin', org: (await f.buildOrgTree()).unit });
    const signIn = await overHttp2('/api/v1/session', {
      method: 'POST',
      body: JSON.stringify({ username: user.username, password: testPassword }),
    });
    expect(signIn.status, signIn.body).toBe(200);
    expect(String(signIn.headers['set-cookie'])).toMatch(/Secure/);
    expect(signIn.headers['strict-transport-security']).toContain('max-age=');
  });

  it('still answers HTTP/1.1 on the same port', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      https
        .get(`${origin}/api/health`, { ca }, (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        })
        .on('error', reject);
    });
    expect(status).toBe(200);
  });

  it('refuses half a configuration, or a file that is not PEM, naming the variable', () => {
    expect(() => testConfig({ JIJIAO_TLS_CERT_FILE: tls.certFile })).toThrow(
      /JIJIAO_TLS_CERT_FILE and JIJIAO_TLS_KEY_FILE: set both, or neither/,
    );
    const wrong = () => testConfig({ ...env, JIJIAO_TLS_KEY_FILE: tls.certFile });
    expect(wrong).toThrow(ConfigError);
    expect(wrong).toThrow(/JIJIAO_TLS_KEY_FILE: .* is not a PEM file/);
    expect(() => testConfig({ ...env, JIJIAO_TLS_CERT_FILE: '/nonexistent/cert.pem' })).toThrow(
      /JIJIAO_TLS_CERT_FILE: cannot read \/nonexistent\/cert.pem/,
    );
  });
});
