import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

function jijiao(args: string[], env: Record<string, string>) {
  return runJijiao(args, { env });
}

describe('jijiao migrate and seed-demo on the embedded database', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-'));

  it('migrates and seeds the directory named by JIJIAO_DATA_DIR', () => {
    const migrate = jijiao(['migrate'], { JIJIAO_DATA_DIR: dataDir });
    expect(migrate.stderr).toBe('');
    expect(migrate.status).toBe(0);
    expect(migrate.stdout).toContain(`embedded PGlite in ${path.join(dataDir, 'pglite')}`);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(true);

    const seed = jijiao(['seed-demo'], { JIJIAO_DATA_DIR: dataDir });
    expect(seed.status).toBe(0);
    expect(seed.stdout).toMatch(
      /Seeded the demo province: \d+ organisations, \d+ people, 9 accounts/,
    );
    // One line per account, the roles in one column however long a username is.
    const lines = seed.stdout.split('\n').filter((l) => l.startsWith('  demo-'));
    expect(lines).toHaveLength(9);
    const roleColumn = lines.map((l) =>
      l.search(/ (learner|unit_admin|reviewer|host_admin|province_admin|system_admin) /),
    );
    expect(new Set(roleColumn).size).toBe(1);
    const again = jijiao(['seed-demo'], { JIJIAO_DATA_DIR: dataDir });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('nothing seeded');
    expect(fs.existsSync(path.join(dataDir, 'jijiao.lock'))).toBe(false);
  });

  it('refuses a data directory another live process holds, and says what to do', () => {
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(
        path.join(dataDir, 'jijiao.lock'),
        JSON.stringify({
          pid: holder.pid,
          command: 'jijiao start',
          startedAt: '2026-11-22T08:00:00Z',
        }),
      );
      const result = jijiao(['migrate'], { JIJIAO_DATA_DIR: dataDir });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`in use by process ${String(holder.pid)} (jijiao start`);
      expect(result.stderr).toContain('DATABASE_URL');
      expect(result.stderr).not.toContain('    at ');
    } finally {
      holder.kill();
      fs.rmSync(path.join(dataDir, 'jijiao.lock'), { force: true });
    }
  });

  it('reports configuration problems with exit status 2', () => {
    const result = jijiao(['migrate'], { JIJIAO_DATA_DIR: dataDir, PORT: 'not-a-port' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('PORT');
  });
});
