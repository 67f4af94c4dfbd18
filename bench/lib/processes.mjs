// Child processes of the benchmarks (the server under test, the baseline server, the CLI)
// and the HTTP load generator, which always runs in the runner's own process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { benchEnv } from './server-modules.mjs';

export const root = path.resolve(import.meta.dirname, '../..');
const cli = path.join(root, 'packages/cli/bin/jijiao.mjs');
// Prints the child's peak RSS (kB) and CPU time (µs) on exit: works for any Node child.
const maxRssHook =
  "data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nBENCH_MAX_RSS_KB '+u.maxRSS+' BENCH_CPU_US '+(u.userCPUTime+u.systemCPUTime)+'\\n')})";

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Peak resident memory of a live process in MiB (Linux VmHWM). */
export function peakRssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  } catch {
    return null;
  }
}

async function waitFor(url, child, what) {
  for (let i = 0; i < 480; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill();
  throw new Error(`${what} did not come up in 120 s`);
}

/**
 * Resident memory now (VmRSS) of a process and all its descendants in MiB, or null once
 * it has ended. The tree is walked through /proc's parent ids (Linux).
 */
export function treeRssMb(pid) {
  const children = new Map();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  let kb = 0;
  let found = false;
  const stack = [pid];
  while (stack.length > 0) {
    const next = stack.pop();
    try {
      const status = fs.readFileSync(`/proc/${next}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      found = true;
    } catch {
      // ended meanwhile
    }
    stack.push(...(children.get(next) ?? []));
  }
  return found ? kb / 1024 : null;
}

/** `scratch`: a directory made for this process, deleted when it stops. */
function running(child, url, scratch) {
  return {
    url,
    child,
    peakRssMb: () => peakRssMb(child.pid),
    treeRssMb: () => treeRssMb(child.pid),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGINT');
        await exited;
      }
      if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/**
 * `jijiao start` in its own process, on PostgreSQL (`databaseUrl`) or on PGlite in
 * `dataDir`, with the bench's demo environment (same ID keys as the generator).
 * `nodeArgs` go to node before the CLI, `env` on top of the environment (the soak's
 * memory probe).
 */
export async function startJijiao({ databaseUrl, dataDir, nodeArgs = [], env = {}, args = [] }) {
  const port = await freePort();
  const dir = dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-'));
  const child = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_SERVER_PROF
        ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_SERVER_PROF]
        : []),
      ...nodeArgs,
      cli,
      'start',
      '--port',
      String(port),
      ...args,
    ],
    {
      env: {
        ...process.env,
        ...benchEnv({ JIJIAO_DATA_DIR: dir, HOST: '127.0.0.1' }),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
        ...env,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const scheme = env.JIJIAO_TLS_CERT_FILE ? 'https' : 'http';
  const url = `${scheme}://127.0.0.1:${port}`;
  try {
    await waitFor(`${url}/api/health`, child, 'jijiao start');
  } catch (error) {
    if (!dataDir) fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return running(child, url, dataDir ? undefined : dir);
}

/**
 * `count` `jijiao start` processes on one PostgreSQL behind a round-robin TCP balancer in
 * this process (each new connection to the next server, as a layer-4 load balancer does):
 * the first runs the background work, the others start with `--no-workers` (ADR 0040).
 * Answers like one server: `url` is the balancer's; peak RSS is the servers' sum.
 */
export async function startJijiaoServers({ databaseUrl, count }) {
  const servers = [];
  try {
    for (let i = 0; i < count; i++)
      servers.push(await startJijiao({ databaseUrl, args: i === 0 ? [] : ['--no-workers'] }));
  } catch (error) {
    await Promise.all(servers.map((s) => s.stop()));
    throw error;
  }
  const targets = servers.map((s) => new URL(s.url));
  let next = 0;
  const sockets = new Set();
  const balancer = net.createServer((client) => {
    const target = targets[next++ % targets.length];
    const upstream = net.connect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.setNoDelay(true);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  const port = await freePort();
  await new Promise((resolve) => balancer.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    servers,
    peakRssMb: () => servers.reduce((sum, s) => sum + (s.peakRssMb() ?? 0), 0),
    treeRssMb: () => servers.reduce((sum, s) => sum + (s.treeRssMb() ?? 0), 0),
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => balancer.close(resolve));
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}

/** The baseline server (bare Fastify + pg) in its own process. */
export async function startHello(databaseUrl) {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(import.meta.dirname, 'hello-server.mjs')], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`${url}/health`, child, 'the baseline server');
  return running(child, url);
}

/** Runs the CLI to the end; wall-clock seconds, stdout, the child's peak RSS and CPU seconds. */
export function runJijiao(args, { databaseUrl, dataDir } = {}) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--import', maxRssHook, cli, ...args], {
      env: {
        ...process.env,
        ...benchEnv(dataDir ? { JIJIAO_DATA_DIR: dataDir } : {}),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.once('error', reject);
    child.once('exit', (code) => {
      const seconds = (performance.now() - started) / 1000;
      const kb = Number(/BENCH_MAX_RSS_KB (\d+)/.exec(stderr)?.[1] ?? 0);
      const cpuUs = Number(/BENCH_CPU_US (\d+)/.exec(stderr)?.[1] ?? 0);
      if (code !== 0) reject(new Error(`jijiao ${args.join(' ')}: exit ${code}\n${stderr}`));
      else resolve({ stdout, seconds, peakRssMb: Math.round(kb / 1024), cpuSeconds: cpuUs / 1e6 });
    });
  });
}

/** autocannon against one URL; `connections` concurrent, `duration` seconds. */
export function load(url, options) {
  return new Promise((resolve, reject) => {
    autocannon({ url, ...options }, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** `concurrency` loops calling `fn` for `seconds`: calls per second and latency p99 (ms). */
export async function closedLoop(fn, { concurrency, seconds }) {
  const latencies = [];
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (Date.now() < end) {
        const started = performance.now();
        await fn();
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  return { perSecond: latencies.length / seconds, p99: percentile(latencies, 99) };
}
