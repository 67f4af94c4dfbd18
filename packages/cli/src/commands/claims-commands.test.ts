import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-claims-'));
const dataDir = path.join(dir, 'data');

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

// The demo's last year is closed: its audit is filed and nothing of it waits in review.
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const lastYear = year - 1;

describe('jijiao claims', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('refuses to archive the current year, saying why', () => {
    const res = jijiao('claims', 'archive-year', '--year', String(year));
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(`${String(year)} has not ended`);
  });

  it('archives the demo’s last year to a file, once', () => {
    const file = path.join(dir, `claims-${String(lastYear)}.jsonl.gz`);
    const res = jijiao('claims', 'archive-year', '--year', String(lastYear), '--out', file);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain(`Archived ${String(lastYear)} to ${file}`);
    expect(res.stdout).toMatch(/credit_claims [1-9]\d*/);
    const lines = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').trimEnd().split('\n');
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ year: lastYear });
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ end: true });
    const again = jijiao(
      'claims',
      'archive-year',
      '--year',
      String(lastYear),
      '--out',
      `${file}.2`,
    );
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('archived already');
  });

  it('restores the archived year from its file, once', () => {
    const file = path.join(dir, `claims-${String(lastYear)}.jsonl.gz`);
    const res = jijiao('claims', 'restore-year', '--year', String(lastYear), '--from', file);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toContain(`Restored ${String(lastYear)} from ${file}`);
    expect(res.stdout).toMatch(/credit_claims [1-9]\d*/);
    const again = jijiao('claims', 'restore-year', '--year', String(lastYear), '--from', file);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('not archived');
  });

  it('adds a year’s partition once', () => {
    expect(jijiao('claims', 'add-year', '--year', '2036').stdout).toContain(
      'Created credit_claims_y2036',
    );
    expect(jijiao('claims', 'add-year', '--year', '2036').stdout).toContain('exists already');
    expect(jijiao('claims', 'add-year', '--year', 'soon').status).toBe(2);
  });
});
