// `npm test`: system packages, lint, type-check, web build, then every test (vitest), with
// a plain closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSystemDeps } from './system-deps.mjs';

const extra = process.argv.slice(2);

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${label} failed (exit ${result.status ?? result.signal})`);
    process.exit(result.status ?? 1);
  }
}

ensureSystemDeps();
run('lint', 'npm', ['run', '--silent', 'lint']);
run('typecheck', 'npm', ['run', '--silent', 'typecheck']);
run('build', 'npm', ['run', '--silent', 'build']);

run('domain coverage (lines ≥ 95%)', 'npx', [
  'vitest',
  'run',
  '--project',
  'domain',
  '--coverage',
  '--coverage.include=packages/domain/src/**',
  '--coverage.include=packages/domain/policies/**',
  '--coverage.exclude=**/*.test.ts',
  '--coverage.thresholds.lines=95',
  '--coverage.reporter=text-summary',
  '--coverage.reportsDirectory=coverage/domain',
]);

const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-test-')), 'vitest.json');
console.log('\n▶ tests: vitest run');
const vitest = spawnSync(
  'npx',
  [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ],
  { stdio: 'inherit', env: process.env },
);
let summary = '';
try {
  const r = JSON.parse(fs.readFileSync(report, 'utf8'));
  const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  summary = `${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`;
} catch {
  summary = '';
}
if (summary) console.log(`\ntests: ${summary}`);
process.exit(vitest.status ?? 1);
