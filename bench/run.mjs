// `npm run bench [-- --quick] [-- --json]`: measures the server's hot paths against a
// baseline taken in the same run on the same machine, and prints one table. Numbers, not
// assertions: tests never check wall-clock times.
//
// Workloads so far (issue 8 adds the province-scale ones):
//   session read   GET /api/v1/me with a signed-in cookie (session lookup + roles), PGlite
//   baseline       GET /api/health on the same server (routing, hooks, serialisation only)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const args = new Set(process.argv.slice(2));
const quick = args.has('--quick');
const asJson = args.has('--json');
const duration = quick ? 3 : 10;
const connections = 50;
const root = path.resolve(import.meta.dirname, '..');
const password = 'Bench@Pass2026';

function log(line) {
  if (!asJson) console.log(line);
}

async function startServer() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bench-'));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child = spawn(
    process.execPath,
    [path.join(root, 'packages/cli/bin/jijiao.mjs'), 'start', '--port', String(port)],
    {
      env: {
        ...process.env,
        JIJIAO_DATA_DIR: dataDir,
        JIJIAO_DEMO_PASSWORD: password,
        JIJIAO_LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, child, dataDir };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error('the server did not come up in 120 s');
}

function measure(url, headers) {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, headers }, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

const server = await startServer();
try {
  const signIn = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'demo-learner', password }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0];
  if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
  log(
    `Measuring ${duration}s per workload, ${connections} connections, on ${os.cpus().length} cores…`,
  );
  const baseline = await measure(`${server.url}/api/health`, {});
  const ours = await measure(`${server.url}/api/v1/me`, { cookie });
  // Peak resident memory of the server process (Linux: VmHWM).
  const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  const peakRssMb = Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
  const rows = [
    {
      workload: 'session read GET /api/v1/me (PGlite)',
      ours: Math.round(ours.requests.average),
      baseline: Math.round(baseline.requests.average),
      unit: 'req/s',
      ratio: Number((ours.requests.average / baseline.requests.average).toFixed(2)),
      target: 'report',
      met: ours.non2xx === 0 && ours.errors === 0,
      p99Ms: ours.latency.p99,
      baselineP99Ms: baseline.latency.p99,
      errors: ours.errors + ours.non2xx,
      serverPeakRssMb: peakRssMb,
    },
  ];
  if (asJson) {
    console.log(JSON.stringify(rows, null, 2));
  } else {
    console.table(rows);
  }
} finally {
  server.child.kill('SIGINT');
  await new Promise((r) => server.child.once('exit', r));
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
