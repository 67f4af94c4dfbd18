import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@jijiao/server';
import { runJijiao } from '../../test/run-jijiao';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-scale-'));

function jijiao(...args: string[]) {
  return runJijiao(args, { dataDir });
}

interface Counts {
  people: number;
  generated: number;
  claims: number;
  years: number[];
  latest: string;
  standings: number;
  tallied: number;
}

/** What the generated people left in the database (read between two commands). */
async function counts(): Promise<Counts> {
  const database = await openDatabase(
    { kind: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    'seed-demo test',
  );
  try {
    const result = await database.db.execute(sql`select
      (select count(*)::int from people) as people,
      (select count(*)::int from people where id::text like '0e000000-%') as generated,
      (select count(*)::int from credit_claims where person_id::text like '0e000000-%') as claims,
      (select array_agg(distinct year order by year) from credit_claims
        where person_id::text like '0e000000-%') as years,
      (select max(activity_date)::text from credit_claims
        where person_id::text like '0e000000-%') as latest,
      (select count(*)::int from person_standings where person_id::text like '0e000000-%') as standings,
      (select coalesce(sum(staff), 0)::int from standing_tallies
        where unit_id::text like '0a000000-%') as tallied`);
    return (result as { rows: Counts[] }).rows[0] as Counts;
  } finally {
    await database.close();
  }
}

const chinaToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

describe('jijiao seed-demo --people', () => {
  let seeded: ReturnType<typeof jijiao>;
  beforeAll(() => {
    seeded = jijiao('seed-demo', '--people', '300', '--years', '2');
  }, 120_000);

  it('seeds the demo, then 300 generated people with two years of credits and their standings', async () => {
    expect(seeded.status, seeded.stderr).toBe(0);
    expect(seeded.stdout).toMatch(/Seeded the demo province: \d+ organisations, 300 people/);
    expect(seeded.stdout).toMatch(
      /Generated 300 people in \d+ units \(\d+ organisations\), \d+ projects and \d+ credit claims of \d{4}–\d{4} in [\d.]+ s\./,
    );
    const year = Number(chinaToday().slice(0, 4));
    const found = await counts();
    expect(found).toMatchObject({ people: 600, generated: 300, years: [year - 1, year] });
    // Nine to seventeen records a year for most, a handful for the few short of credits.
    expect(found.claims).toBeGreaterThan(300 * 2 * 5);
    // Up to today: nothing that has not happened yet.
    expect(found.latest <= chinaToday()).toBe(true);
    // A standing per person and year, counted in their units' tallies.
    expect(found.standings).toBe(600);
    expect(found.tallied).toBe(300 * 2);
    expect(seeded.stdout).toMatch(/Computed \d+ standings and the unit tallies/);
  }, 60_000);

  it('leaves standings and unit tallies that verify clean', () => {
    const verify = jijiao('standings', 'verify', '--json');
    expect(verify.status, verify.stderr).toBe(0);
    expect(JSON.parse(verify.stdout)).toMatchObject({ drifted: 0, tallies: { drifted: 0 } });
  }, 60_000);

  it('refuses a second generation into the same database, writing nothing', async () => {
    const before = await counts();
    const again = jijiao('seed-demo', '--people', '10');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already holds generated people');
    expect(await counts()).toEqual(before);
  }, 60_000);

  it('rejects a count out of bounds with exit 2, naming the option', () => {
    const zero = jijiao('seed-demo', '--people', '0');
    expect(zero.status).toBe(2);
    expect(zero.stderr).toContain('--people');
  }, 60_000);
});
