import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-backup-cli-'));
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

function jijiao(args: string[], dataDir: string) {
  return runJijiao(args, { dataDir, timeoutMs: 180_000 });
}

const rowsOf = (text: string) => /tables: +\d+, (\d+) rows/.exec(text)?.[1];

describe('jijiao backup and restore on the embedded database', () => {
  const source = path.join(work, 'source');
  const target = path.join(work, 'target');
  const file = path.join(work, 'demo.tar');

  it('backs up, checks, and restores into an empty data directory', () => {
    expect(jijiao(['seed-demo'], source).status).toBe(0);
    const backup = jijiao(['backup', '--out', file], source);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    expect(backup.stdout).toContain(`to ${file}`);
    const rows = rowsOf(backup.stdout);
    expect(Number(rows)).toBeGreaterThan(1000);

    const check = jijiao(['backup', '--check', file], target);
    expect(check.status).toBe(0);
    expect(check.stdout).toContain('every table matches its checksum');

    const restore = jijiao(['restore', file], target);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);
    expect(restore.stdout).toContain(`: ${rows} rows.`);
    // A second backup of the restored directory holds the same rows (plus the restore's
    // own audit entry).
    const again = jijiao(['backup', '--out', path.join(work, 'again.tar')], target);
    expect(Number(rowsOf(again.stdout))).toBe(Number(rows) + 1);
  }, 300_000);

  it('refuses a non-empty target, a damaged file, and a missing one, saying why', () => {
    const refused = jijiao(['restore', file], target);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/target database is not empty .*--force/);

    const bytes = fs.readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = (bytes[Math.floor(bytes.length / 2)] ?? 0) ^ 0xff;
    const damaged = path.join(work, 'damaged.tar');
    fs.writeFileSync(damaged, bytes);
    const check = jijiao(['backup', '--check', damaged], target);
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/^jijiao: damaged\.tar is not a usable backup: /);

    const missing = jijiao(['restore', path.join(work, 'nothing.tar')], path.join(work, 'x'));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('does not exist');
    expect(jijiao(['backup'], target).status).toBe(2);
  }, 180_000);
});
