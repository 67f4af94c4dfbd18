import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jijiaoBin } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-stop-'));
afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });

/** GET over a fresh connection: the status and body, or the connection error's code. */
function get(url: string): Promise<{ status: number; body: string } | { error: string }> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body });
      });
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      resolve({ error: error.code ?? error.message });
    });
  });
}

let stopped = false;

async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (stopped) throw new Error(`jijiao start exited while waiting for ${what}`);
    const value = await probe();
    if (value !== undefined) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('jijiao start stops gracefully', () => {
  it('on SIGTERM: ready answers 503, the listener closes, the request in flight finishes, exit 0', async () => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    const child = spawn(process.execPath, [jijiaoBin, 'start', '--port', '0', '--no-demo'], {
      env: {
        ...env,
        JIJIAO_DATA_DIR: dataDir,
        JIJIAO_LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        JIJIAO_WEB_DIST: path.join(dataDir, 'no-web-build'),
        JIJIAO_SHUTDOWN_DELAY_SECONDS: '1',
        JIJIAO_ID_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
        JIJIAO_ID_LOOKUP_KEY: Buffer.alloc(32, 2).toString('base64'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.on('exit', (code) => {
      stopped = true;
      if (code !== 0) console.error(`jijiao start exited ${String(code)}:\n${output}`);
    });
    try {
      const port = await until('the banner', () =>
        Promise.resolve(/running at https?:\/\/localhost:(\d+)/.exec(output)?.[1]),
      );
      const base = `http://127.0.0.1:${port}`;
      expect(await get(`${base}/api/health/ready`)).toMatchObject({ status: 200 });

      // A request in flight: its headers are in, half its body is still to come.
      const body = JSON.stringify({ username: 'nobody-here', password: 'Wrong@Pass2026' });
      const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          `${base}/api/v1/session`,
          {
            method: 'POST',
            agent: false,
            headers: {
              'content-type': 'application/json',
              'content-length': String(Buffer.byteLength(body)),
            },
          },
          (response) => {
            let text = '';
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => {
              resolve({ status: response.statusCode ?? 0, body: text });
            });
          },
        );
        request.on('error', reject);
        request.write(body.slice(0, 10));
        child.once('exit', () => {
          request.destroy();
        });
        void until('the listener to close', async () => {
          const probe = await get(`${base}/api/health/live`);
          return 'error' in probe ? probe : undefined;
        }).then(() => request.end(body.slice(10)));
      });
      await sleep(200);

      child.kill('SIGTERM');
      const during = await until('ready to turn 503', async () => {
        const probe = await get(`${base}/api/health/ready`);
        return 'status' in probe && probe.status === 503 ? probe : undefined;
      });
      expect(JSON.parse(during.body)).toMatchObject({
        status: 'not_ready',
        reason: 'shutting_down',
      });
      // The listener then closes: new connections are refused, the request in flight is answered.
      const finished = await answer;
      expect(finished.status).toBe(401);
      expect(JSON.parse(finished.body)).toMatchObject({ error: { code: 'invalid_credentials' } });
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    expect(output).toContain('SIGTERM: stopping');
  }, 120_000);
});
