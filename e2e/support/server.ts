import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The demo accounts' password in every journey. */
export const demoPassword = 'Demo@Pass2026';

export interface TestServer {
  url: string;
  stop: () => Promise<void>;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const webRoot = join(repoRoot, 'packages/web');
const startTimeoutMs = 120_000;
const maxLogChars = 200_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

function newestMtimeMs(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path))
    newest = Math.max(newest, newestMtimeMs(join(path, entry)));
  return newest;
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

let webBuild: Promise<void> | undefined;

/** The server serves packages/web/dist: build it when missing or older than its sources. */
function ensureWebBuilt(): Promise<void> {
  webBuild ??= (async () => {
    const builtIndex = join(webRoot, 'dist/index.html');
    const sources = ['src', 'public', 'index.html', 'vite.config.ts']
      .map((p) => join(webRoot, p))
      .filter((p) => existsSync(p));
    const stale =
      !existsSync(builtIndex) ||
      Math.max(...sources.map(newestMtimeMs)) > statSync(builtIndex).mtimeMs;
    if (stale) await run('npm', ['run', 'build', '-w', '@jijiao/web']);
  })();
  return webBuild;
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      resolve(false);
    }, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts the real server (`jijiao start`) on a free port with a fresh data directory and
 * the demo accounts, and waits until /api/health answers. `stop()` ends it and deletes the
 * data directory.
 */
export async function startTestServer(
  options: {
    args?: string[];
    env?: Record<string, string>;
    /** Run before the server starts, with its environment (a CLI command on its database). */
    beforeStart?: (env: NodeJS.ProcessEnv) => Promise<void>;
  } = {},
): Promise<TestServer> {
  await ensureWebBuilt();
  const dataDir = await mkdtemp(join(tmpdir(), 'jijiao-e2e-'));
  const port = await freePort();
  const env = {
    ...process.env,
    JIJIAO_DATA_DIR: dataDir,
    JIJIAO_DEMO_PASSWORD: demoPassword,
    HOST: '127.0.0.1', // Only this machine needs to reach a test server.
    ...options.env,
  };
  await options.beforeStart?.(env);
  const child = spawn(
    process.execPath,
    ['packages/cli/bin/jijiao.mjs', 'start', '--port', String(port), ...(options.args ?? [])],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-maxLogChars);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      if (!(await waitForExit(child, 15_000))) {
        child.kill('SIGKILL');
        await waitForExit(child, 5_000);
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) break;
    try {
      const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.status === 200) return { url, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const exited = child.exitCode !== null || child.signalCode !== null;
  await stop();
  const reason = exited
    ? `exited (code ${child.exitCode}, signal ${child.signalCode})`
    : `did not answer /api/health within ${startTimeoutMs / 1000} s`;
  console.error(`jijiao start ${reason}. Its output:\n${output}`);
  throw new Error(`jijiao start ${reason}. Output:\n${output}`);
}
