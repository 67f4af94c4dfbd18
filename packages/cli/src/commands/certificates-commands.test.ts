import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-certificates-'));

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

interface Line {
  serial: string;
  year: number;
  holder: { name: string; idNumberMasked: string };
  unit: string;
}

describe('jijiao certificates', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('lists a year’s certificates as JSON with the ID masked, and writes one as PDF', () => {
    const year = new Date().getUTCFullYear() - 1;
    const listed = jijiao('certificates', 'list', '--year', String(year), '--json');
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    const lines = JSON.parse(listed.stdout) as Line[];
    expect(lines.length).toBeGreaterThan(0);
    // The demo's audit of last year passes people of every unit, the demo hospital's too.
    expect(lines[0]).toMatchObject({ year });
    expect(lines.map((l) => l.unit)).toContain('江南区人民医院');
    expect(lines[0]!.holder.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(listed.stdout).not.toMatch(/\d{17}[\dX]/);

    const out = path.join(dataDir, 'one.pdf');
    const written = jijiao('certificates', 'pdf', lines[0]!.serial.toLowerCase(), '--out', out);
    expect(written.stderr).toBe('');
    expect(written.status).toBe(0);
    expect(fs.readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(jijiao('certificates', 'list', '--year', '1800').status).toBe(2);
    const unknown = jijiao('certificates', 'pdf', '990000-2025-00000-00000', '--out', out);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('No such certificate');
  });
});
