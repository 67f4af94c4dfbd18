import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-audit-'));

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

describe('jijiao audit run', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('opens the year’s audit, evaluates every person with a progress line, and re-runs', () => {
    const year = String(new Date().getUTCFullYear() - 2);
    const first = jijiao('audit', 'run', '--year', year, '--province', '990000', '--json');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/evaluated \d+\/\d+ people \(100%\)/);
    const summary = JSON.parse(first.stdout) as { people: number; compliant: number; year: number };
    expect(summary.year).toBe(Number(year));
    expect(summary.people).toBeGreaterThan(100);
    const again = jijiao('audit', 'run', '--year', year, '--json');
    expect(again.status, again.stderr).toBe(0);
    expect((JSON.parse(again.stdout) as { people: number }).people).toBe(summary.people);
    const notEnded = jijiao('audit', 'run', '--year', String(new Date().getUTCFullYear()));
    expect(notEnded.status).not.toBe(0);
    expect(notEnded.stderr).toMatch(/not ended/);
    expect(jijiao('audit', 'run', '--year', year, '--province', '12').status).toBe(2);
  }, 240_000);
});
