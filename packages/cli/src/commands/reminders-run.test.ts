import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-reminders-'));

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

// The demo's calendar is of the year it is seeded in (China time); entry closes 12-31.
const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const thirtyDaysBefore = `${String(year)}-12-01`;

interface Report {
  dryRun: boolean;
  rules: { rule: string; year?: number; on: string; created: number }[];
  behind: { name: string; idNumberMasked: string; needs: string }[];
}

describe('jijiao reminders run', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('dry run 30 days before the demo’s entry closes lists learners behind with what they need', () => {
    const dry = jijiao('reminders', 'run', '--as-of', thirtyDaysBefore, '--dry-run');
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Reminders as of ${thirtyDaysBefore} (dry run`);
    expect(dry.stdout).toMatch(
      /learner_behind\s+演示省卫生健康委员会\s+\d{4}\s+\d{4}-12-01\s+[1-9]\d*/,
    );
    expect(dry.stdout).toContain('Learners behind');
    // The demo's generated staff have no accounts: the run says how many it cannot reach.
    expect(dry.stdout).toMatch(
      /[1-9]\d* more people of 演示省卫生健康委员会 are behind in \d{4} but have no account/,
    );
    // A masked ID number and a need in words on each listed learner's line.
    expect(dry.stdout).toMatch(/\d{3}\*+\d{3}[\dX]?\s+.+\s+年度总学分还差 [\d.]+ 学分/);
  });

  it('sends once: a real run stores what the dry run counted, a rerun nothing', () => {
    const asJson = (args: string[]) => {
      const res = jijiao('reminders', 'run', '--as-of', thirtyDaysBefore, '--json', ...args);
      expect(res.status, res.stderr).toBe(0);
      return JSON.parse(res.stdout) as Report;
    };
    const learners = (r: Report) => r.rules.find((x) => x.rule === 'learner_behind')?.created;
    const dry = asJson(['--dry-run']);
    expect(learners(dry)).toBeGreaterThan(0);
    expect(dry.behind.every((b) => b.needs.length > 0)).toBe(true);
    const sent = asJson([]);
    expect(sent.dryRun).toBe(false);
    expect(learners(sent)).toBe(learners(dry));
    const again = asJson([]);
    expect(again.rules.map((r) => r.created)).toEqual(again.rules.map(() => 0));
    const text = jijiao('reminders', 'run', '--as-of', thirtyDaysBefore);
    expect(text.stdout).toMatch(/learner_behind.*\s0\s+\d+\n/);
  });

  it('refuses a day that is not one', () => {
    const bad = jijiao('reminders', 'run', '--as-of', '2026-02-30');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--as-of');
  });
});
