import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/build-app';
import { buildTestApp } from '../../../test/build-app';

/** A web build as Vite and vite-precompress.ts leave it: each file with its .br and .gz. */
function writeWebDist(dir: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
    fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content));
    fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content));
  }
}

const script = `export const greeting = ${JSON.stringify('你好 '.repeat(200))};\n`;
const indexHtml = '<!doctype html><title>继教</title><div id="root"></div>\n'.repeat(5);
const webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-web-dist-'));
writeWebDist(webDist, { 'index.html': indexHtml, 'assets/index-Ab12Cd34.js': script });

describe('the built web app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ JIJIAO_WEB_DIST: webDist });
  });
  afterAll(() => {
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  const asset = '/assets/index-Ab12Cd34.js';

  it.each([
    { acceptEncoding: 'gzip, deflate, br, zstd', encoding: 'br' },
    { acceptEncoding: 'br;q=0, gzip', encoding: 'gzip' },
    { acceptEncoding: 'gzip', encoding: 'gzip' },
    { acceptEncoding: 'identity', encoding: undefined },
    { acceptEncoding: undefined, encoding: undefined },
  ])(
    'a hashed asset, Accept-Encoding $acceptEncoding: $encoding, cached for a year',
    async ({ acceptEncoding, encoding }) => {
      const reply = await t.app.inject({
        url: asset,
        headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding },
      });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-encoding']).toBe(encoding);
      expect(reply.headers['content-type']).toMatch(/javascript/);
      expect(reply.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(reply.headers.vary).toMatch(/accept-encoding/i);
      const body = reply.rawPayload;
      const decoded =
        encoding === 'br'
          ? zlib.brotliDecompressSync(body)
          : encoding === 'gzip'
            ? zlib.gunzipSync(body)
            : body;
      expect(decoded.toString('utf8')).toBe(script);
    },
  );

  it.each(['/', '/index.html', '/verify/990000-2025-ABCDE-FGHIJ', '/login'])(
    '%s is index.html, revalidated on every visit, compressed when asked',
    async (url) => {
      const brotli = await t.app.inject({ url, headers: { 'accept-encoding': 'br' } });
      expect(brotli.headers['content-type']).toMatch(/text\/html/);
      expect(brotli.headers['content-encoding']).toBe('br');
      expect(brotli.headers['cache-control']).toBe('no-cache');
      expect(brotli.headers.vary).toMatch(/accept-encoding/i);
      expect(zlib.brotliDecompressSync(brotli.rawPayload).toString('utf8')).toBe(indexHtml);

      const plain = await t.app.inject({ url });
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers['cache-control']).toBe('no-cache');
      expect(plain.body).toBe(indexHtml);
    },
  );

  it('leaves API answers and missing assets alone', async () => {
    const health = await t.app.inject({ url: '/api/health', headers: { 'accept-encoding': 'br' } });
    expect(health.headers['cache-control']).toBeUndefined();
    expect(health.headers['content-encoding']).toBeUndefined();
    const missing = await t.app.inject({ url: '/assets/gone-Zz99.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBeUndefined();
  });
});

describe('index.html names the modules of the view it will most likely show', () => {
  const html = '<!doctype html><html><head><title>继教</title></head><body></body></html>';
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-web-dist-'));
  writeWebDist(dist, {
    'index.html': html,
    'route-preloads.json': JSON.stringify({
      verify: {
        modules: ['/assets/verify-A1.js', '/assets/shared-B2.js'],
        fetches: ['/api/v1/certificates/{serial}/verify'],
      },
      login: { modules: ['/assets/login-C3.js'], styles: ['/assets/first-view-login-G7.css'] },
      'home:learner': {
        modules: ['/assets/learner-D4.js'],
        fetches: ['/api/v1/me', '/api/v1/me/years/{year}'],
      },
      'home:reviewer': { modules: ['/assets/reviewer-E5.js'], fetches: ['/api/v1/me'] },
      // A file name that could break out of the attribute is never written into the page.
      'home:unit_admin': { modules: ['/assets/x.js"><script>alert(1)</script>'] },
      'home:host_admin': { modules: [], fetches: ['https://elsewhere.example/steal'] },
      'home:system_admin': { modules: [], styles: ['https://elsewhere.example/x.css'] },
    }),
  });
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ JIJIAO_WEB_DIST: dist });
  });
  afterAll(() => {
    fs.rmSync(dist, { recursive: true, force: true });
  });

  const phone =
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Mobile Safari/537.36';
  const desktop =
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36';
  const session = 'jijiao_session=some-token';
  /** The credit year in China now (the test app's clock is the system's). */
  const thisYear = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();

  async function preloadsOf(url: string, headers: Record<string, string> = {}) {
    const reply = await t.app.inject({ url, headers: { 'accept-encoding': 'br', ...headers } });
    expect(reply.statusCode).toBe(200);
    expect(reply.headers.vary).toMatch(/cookie/i);
    const text = zlib.brotliDecompressSync(reply.rawPayload).toString('utf8');
    const plain = await t.app.inject({ url, headers });
    expect(plain.body).toBe(text);
    return [
      ...text.matchAll(
        /<link rel="(?:modulepreload|preload" as="fetch)" crossorigin href="([^"]+)">/g,
      ),
    ].map((m) => m[1]);
  }

  it.each<{ url: string; headers: Record<string, string>; files: string[] }>([
    {
      url: '/verify/990000-2025-ABCDE-FGHIJ',
      headers: {},
      files: [
        '/api/v1/certificates/990000-2025-ABCDE-FGHIJ/verify',
        '/assets/verify-A1.js',
        '/assets/shared-B2.js',
      ],
    },
    { url: '/verify', headers: {}, files: ['/assets/verify-A1.js', '/assets/shared-B2.js'] },
    {
      url: '/verify/990000-2025-ABCDE-FGHIJ%22%3E',
      headers: {},
      files: ['/assets/verify-A1.js', '/assets/shared-B2.js'],
    },
    { url: '/login?next=%2F', headers: {}, files: ['/assets/login-C3.js'] },
    { url: '/', headers: { 'user-agent': phone }, files: ['/assets/login-C3.js'] },
    {
      url: '/',
      headers: { cookie: session, 'user-agent': phone },
      files: ['/api/v1/me', `/api/v1/me/years/${String(thisYear)}`, '/assets/learner-D4.js'],
    },
    {
      url: '/?year=2024',
      headers: { cookie: session, 'sec-ch-ua-mobile': '?1' },
      files: ['/api/v1/me', '/api/v1/me/years/2024', '/assets/learner-D4.js'],
    },
    { url: '/', headers: { cookie: session, 'user-agent': desktop }, files: [] },
    {
      url: '/',
      headers: { cookie: `${session}; jijiao_home=reviewer`, 'user-agent': phone },
      files: ['/api/v1/me', '/assets/reviewer-E5.js'],
    },
    { url: '/', headers: { cookie: `${session}; jijiao_home=host_admin` }, files: [] },
    {
      url: '/',
      headers: { cookie: `${session}; jijiao_home=nobody`, 'user-agent': desktop },
      files: [],
    },
    { url: '/', headers: { cookie: `${session}; jijiao_home=unit_admin` }, files: [] },
    { url: '/projects', headers: { cookie: session, 'user-agent': phone }, files: [] },
  ])('$url with $headers names $files', async ({ url, headers, files }) => {
    expect(await preloadsOf(url, headers)).toEqual(files);
  });

  it("links the view's pre-rendered antd styles in <head>, before its modules (ADR 0037)", async () => {
    const text = (await t.app.inject({ url: '/login' })).body;
    const head = text.slice(0, text.indexOf('</head>'));
    expect(head).toContain('<link rel="stylesheet" href="/assets/first-view-login-G7.css">');
    expect(head.indexOf('first-view-login-G7.css')).toBeLessThan(head.indexOf('login-C3.js'));
    // A view whose stylesheet is not one of the build's files names nothing.
    const admin = await t.app.inject({
      url: '/',
      headers: { cookie: `${session}; jijiao_home=system_admin` },
    });
    expect(admin.body).not.toContain('elsewhere');
    expect(admin.body).not.toContain('stylesheet');
  });
});
