// `npm start`: build the web app when its sources are newer than the build, then run
// `jijiao start` (embedded database, demo data) with the arguments given.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const web = path.join(root, 'packages/web');
const builtIndex = path.join(web, 'dist/index.html');

function newestMtime(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...fs.readdirSync(entry).map((name) => newestMtime(path.join(entry, name))),
  );
}

const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', '../contracts/src']
  .map((p) => path.join(web, p))
  .filter((p) => fs.existsSync(p));
const stale =
  !fs.existsSync(builtIndex) ||
  Math.max(...sources.map(newestMtime)) > fs.statSync(builtIndex).mtimeMs;
if (stale) {
  console.log('Building the web app (first start, or its sources changed)…');
  // Warnings and errors only: the chunk table would bury the banner that follows.
  const build = spawnSync(
    'npm',
    ['run', '--silent', 'build', '-w', '@jijiao/web', '--', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const child = spawn(
  process.execPath,
  [path.join(root, 'packages/cli/bin/jijiao.mjs'), 'start', ...process.argv.slice(2)],
  {
    stdio: 'inherit',
  },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
