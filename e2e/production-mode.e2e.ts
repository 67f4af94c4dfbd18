/**
 * `NODE_ENV=production` as an operator runs it: keys required, no demo data, the first
 * administrator made by `jijiao bootstrap`, a `__Host-` Secure session cookie, HSTS, and no
 * API explorer unless asked for (issue 19, item 6).
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { demoPassword, startTestServer, type TestServer } from './support/server';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const key = Buffer.alloc(32, 7).toString('base64');
const production = {
  NODE_ENV: 'production',
  JIJIAO_ID_ENCRYPTION_KEY: key,
  JIJIAO_ID_LOOKUP_KEY: Buffer.alloc(32, 9).toString('base64'),
};

/** `jijiao …` with `env`: its exit code and output, whatever the code. */
function jijiao(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['packages/cli/bin/jijiao.mjs', ...args],
      { cwd: repoRoot, env, timeout: 120_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const servers: TestServer[] = [];
afterAll(async () => {
  for (const server of servers) await server.stop();
});

describe('NODE_ENV=production', () => {
  it('refuses to start without the ID-number keys, naming them', async () => {
    const { JIJIAO_ID_ENCRYPTION_KEY: _a, JIJIAO_ID_LOOKUP_KEY: _b, ...env } = process.env;
    const started = await jijiao(['start', '--port', '0'], { ...env, NODE_ENV: 'production' });
    expect(started.code).toBe(2);
    expect(started.stderr).toContain('JIJIAO_ID_ENCRYPTION_KEY and JIJIAO_ID_LOOKUP_KEY');
  });

  it('bootstraps the first administrator, then serves with a __Host- Secure cookie, HSTS, no demo and no API explorer', async () => {
    let password = '';
    const server = await startTestServer({
      env: production,
      beforeStart: async (env) => {
        const made = await jijiao(
          [
            'bootstrap',
            '--province',
            '430000',
            '--name',
            '测试省卫生健康委员会',
            '--username',
            'ops-admin',
          ],
          env,
        );
        expect(made.stderr).toBe('');
        expect(made.code).toBe(0);
        password = /one-time password: (\S+)/.exec(made.stdout)?.[1] ?? '';
        // Once only: a database with organisations is not bootstrapped again.
        const again = await jijiao(
          ['bootstrap', '--province', '430000', '--name', '又一个', '--username', 'other'],
          env,
        );
        expect(again.code).toBe(1);
        expect(again.stderr).toContain('already holds organisations');
      },
    });
    servers.push(server);
    expect(password.length).toBeGreaterThanOrEqual(12);

    const info = (await (await fetch(`${server.url}/api/v1/app-info`)).json()) as {
      demo: boolean;
    };
    expect(info.demo).toBe(false);
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(404);

    const signIn = (username: string, secret: string) =>
      fetch(`${server.url}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ username, password: secret }),
      });
    expect((await signIn('demo-learner', demoPassword)).status).toBe(401);

    const signedIn = await signIn('ops-admin', password);
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-jijiao_session=[^;]+;/);
    expect(cookie).toMatch(/; Secure/i);
    expect(cookie).toMatch(/; HttpOnly/i);
    expect(cookie).toMatch(/; SameSite=Strict/i);
    expect(cookie).toMatch(/; Path=\//i);

    // The one-time password must be changed before anything else.
    const me = await fetch(`${server.url}/api/v1/me`, {
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(me.status).toBe(200);
    const session = (await me.json()) as {
      user: { username: string; mustChangePassword: boolean };
      roles: { role: string }[];
    };
    expect(session.user).toMatchObject({ username: 'ops-admin', mustChangePassword: true });
    expect(session.roles.map((r) => r.role)).toEqual(['system_admin']);
  });
});
