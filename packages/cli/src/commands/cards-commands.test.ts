import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-cards-'));

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

interface Line {
  number: string;
  status: 'blank' | 'active' | 'lost';
  holder: { name: string; idNumberMasked: string; unit: string } | null;
}

describe('jijiao cards list', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('prints the demo cards as JSON, holders masked, and filters by status', () => {
    const listed = jijiao('cards', 'list', '--json');
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    const lines = JSON.parse(listed.stdout) as Line[];
    const active = lines.filter((l) => l.status === 'active');
    expect(active.length).toBeGreaterThan(10);
    expect(lines.some((l) => l.status === 'lost')).toBe(true);
    expect(lines.some((l) => l.status === 'blank' && l.holder === null)).toBe(true);
    for (const l of active) {
      expect(l.holder?.idNumberMasked).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
      expect(l.holder?.name).toContain('*');
    }
    expect(listed.stdout).not.toMatch(/\d{17}[\dX]/);

    const lost = JSON.parse(jijiao('cards', 'list', '--status', 'lost', '--json').stdout) as Line[];
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((l) => l.status === 'lost')).toBe(true);
    expect(jijiao('cards', 'list', '--status', 'stolen').status).toBe(2);
  });
});
