import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '@jijiao/server';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-standings-'));

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

async function withDatabase(work: (db: Database['db']) => Promise<unknown>): Promise<void> {
  const database = await openDatabase(
    { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    'standings test',
  );
  try {
    await work(database.db);
  } finally {
    await database.close();
  }
}

/**
 * Changes the stored database directly, between two commands (the data dir is free then).
 * The CHECKPOINT writes the change to the data files before this instance closes, so the
 * next command's process reads it (a plain close has been seen to lose it now and then).
 */
async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  await withDatabase(async (db) => {
    await db.execute(statement);
    await db.execute(sql`checkpoint`);
  });
}

describe('jijiao standings', () => {
  beforeAll(() => {
    const seeded = jijiao('seed-demo');
    if (seeded.status !== 0) throw new Error(seeded.stderr);
  }, 120_000);

  it('verifies the demo’s standings, finds a tampered one, and rebuilds it', async () => {
    const clean = jijiao('standings', 'verify', '--json');
    expect(clean.status, clean.stderr).toBe(0);
    const first = JSON.parse(clean.stdout) as { checked: number; drifted: number };
    expect(first.checked).toBeGreaterThanOrEqual(300);
    expect(first.drifted).toBe(0);

    await tamper(sql`update person_standings set total_credits = total_credits + 7
                     where (person_id, year) = (select person_id, year from person_standings
                                                order by person_id, year limit 1)`);
    const drifted = jijiao('standings', 'verify');
    expect(drifted.status, drifted.stdout + drifted.stderr).toBe(1);
    expect(drifted.stdout).toMatch(/, 1 differ/);
    expect(drifted.stdout).toMatch(/totalCredits/);
    expect(drifted.stderr).toMatch(/jijiao standings rebuild/);

    const rebuilt = jijiao('standings', 'rebuild', '--province', '990000');
    expect(rebuilt.status, rebuilt.stderr).toBe(0);
    expect(rebuilt.stderr).toMatch(/computed \d+\/\d+ \(100%\)/);
    expect(rebuilt.stdout).toMatch(/standings computed in/);
    expect(jijiao('standings', 'verify').status).toBe(0);

    // A unit's tally that no longer sums its standings (ADR 0021).
    await tamper(sql`update standing_tallies set staff = staff + 1
                     where ctid = (select ctid from standing_tallies order by unit_id limit 1)`);
    const tally = jijiao('standings', 'verify');
    expect(tally.status, tally.stdout + tally.stderr).toBe(1);
    expect(tally.stdout).toMatch(/, 0 differ/);
    expect(tally.stdout).toMatch(/1 unit tallies differ/);
    expect(tally.stderr).toMatch(/unit tallies differ from their standings/);
    expect(jijiao('standings', 'rebuild', '--province', '990000').status).toBe(0);
    expect(jijiao('standings', 'verify').status).toBe(0);

    await tamper(sql`delete from person_standings where person_id = (
                       select id from people order by id limit 1)`);
    const missing = jijiao('standings', 'verify');
    expect(missing.status).toBe(1);
    expect(missing.stdout).toMatch(/missing/);
    expect(jijiao('standings', 'rebuild', '--year', '2099').status).toBe(0);
    expect(jijiao('standings', 'rebuild').status).toBe(0);
    expect(jijiao('standings', 'verify').status).toBe(0);
    expect(jijiao('standings', 'rebuild', '--province', '12').status).toBe(2);
    expect(jijiao('standings', 'rebuild', '--province', '120000').status).toBe(2);
  }, 300_000);
});
