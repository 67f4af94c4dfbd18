import { afterAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, saveScreenshot } from './support/browser';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const servers: TestServer[] = [];
let browser: Browser | undefined;

afterAll(async () => {
  await browser?.close();
  for (const server of servers) await server.stop();
});

describe('the API docs', () => {
  it('render the OpenAPI document under the content security policy', async () => {
    const server = await startTestServer();
    servers.push(server);
    browser = await launchBrowser();
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(`${server.url}/api/docs`);
    await page.getByText('Jijiao API').first().waitFor({ timeout: 30_000 });
    await page.getByText('/api/v1/session').first().waitFor();
    await saveScreenshot(page, 'api-docs');
    expect(violations).toEqual([]);
  });
});

describe('jijiao start --no-demo', () => {
  it('starts empty: no demo banner, no demo accounts', async () => {
    const key = Buffer.alloc(32, 3).toString('base64');
    const server = await startTestServer({
      args: ['--no-demo'],
      env: { JIJIAO_ID_ENCRYPTION_KEY: key, JIJIAO_ID_LOOKUP_KEY: key },
    });
    servers.push(server);
    const info = (await (await fetch(`${server.url}/api/v1/app-info`)).json()) as { demo: boolean };
    expect(info.demo).toBe(false);
    const signIn = await fetch(`${server.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'demo-learner', password: demoPassword }),
    });
    expect(signIn.status).toBe(401);
    browser ??= await launchBrowser();
    const page = await browser.newPage({ locale: 'zh-CN' });
    await page.goto(`${server.url}/login`);
    await page.getByRole('button', { name: '登录', exact: true }).waitFor();
    expect(await page.getByTestId('demo-banner').count()).toBe(0);
  });
});

describe('the built first views (ADR 0030)', () => {
  it('name their modules and reads in the page, and every module they name is served', async () => {
    const server = await startTestServer();
    servers.push(server);
    const phone =
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';
    for (const [path, reads] of [
      ['/login', 0],
      ['/verify/JJ-2025-000000-0000000000', 1],
      // Signed out, a phone is most likely a learner: the home's modules, no read yet.
      ['/', 0],
    ] as const) {
      const html = await (
        await fetch(`${server.url}${path}`, { headers: { 'user-agent': phone } })
      ).text();
      const modules = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map(
        (m) => m[1],
      );
      const fetches = [...html.matchAll(/<link rel="preload" as="fetch"[^>]*href="([^"]+)"/g)];
      // An empty or stale route-preloads.json would leave the page without its modules.
      expect(modules.length, path).toBeGreaterThan(3);
      expect(fetches.length, path).toBeGreaterThanOrEqual(reads);
      for (const module of modules) {
        const response = await fetch(`${server.url}${module}`);
        expect(response.status, module).toBe(200);
        expect(response.headers.get('cache-control'), module).toContain('immutable');
      }
    }
  });
});
