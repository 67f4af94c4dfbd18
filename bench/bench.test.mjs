// The workloads of `npm run bench` that use the server's own modules in-process (not only
// its HTTP API or its CLI) break without a word when those modules change: the
// 500 000-person run of 2026-12-07 stopped halfway on one. They run here once, on a tiny
// province. Their figures are not checked (speed is never asserted in tests), only that
// each workload answers with one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

describe('npm run bench', () => {
  it('runs the in-process workloads (approvals, PDFs, the PDF job) on a tiny province', () => {
    const args = ['bench/run.mjs', '--quick', '--people', '300', '--json'];
    args.push('--only', 'approval,pdf,pdfjob', '--pdf-job-max', '50');
    const res = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      timeout: 280_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const rows = JSON.parse(res.stdout);
    const names = rows.map((r) => r.workload).join('; ');
    for (const workload of [/^approving a claim/, /^certificate PDFs/, /^certificate PDF job/]) {
      const row = rows.find((r) => workload.test(r.workload));
      expect(row, `${String(workload)} among: ${names}`).toBeDefined();
      expect(row.ours).toBeGreaterThan(0);
    }
  }, 300_000);
});
