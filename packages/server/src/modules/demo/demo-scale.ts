// `jijiao seed-demo --people N`: the demo province at scale. After the demo seed, N more
// people in generated cities, districts and units, with years of credits up to today, and
// the stored standings and unit tallies the pages read (ADR 0018, 0021).
import type { Config } from '../../platform/config/config';
import type { Database } from '../../platform/db/database';
import type { BulkClient } from '../../platform/db/copy-into';
import { argon2Hasher } from '../../platform/auth/password-hasher';
import { IdNumberCipher } from '../../platform/crypto/id-number-cipher';
import { chinaDay, chinaYear, systemClock, type Clock } from '../../platform/clock';
import { buildServices } from '../../services';
import { generateProvince, type GeneratedProvince } from './province-generator';
import { generatedOrgTag } from './province-tree';

export interface DemoScaleOptions {
  people: number;
  /** Years of credits, ending with this year (China time). */
  years: number;
  seed: number;
  log?: (line: string) => void;
  /** When the standings' rebuild starts (after the people are committed). */
  onStandingsStart?: () => void;
  /** Standings computed so far and how many were queued, during their rebuild. */
  onStandings?: (done: number, total: number) => void;
}

export type DemoScaleResult =
  | {
      ok: true;
      generated: GeneratedProvince;
      firstYear: number;
      lastYear: number;
      standings: number;
      standingsSeconds: number;
    }
  | { ok: false; reason: 'no_demo_province' | 'already_generated' };

/** `2026`, or `2025–2026`. */
export const yearRange = (first: number, last: number): string =>
  first === last ? String(last) : `${String(first)}–${String(last)}`;

async function refusal(
  client: BulkClient,
): Promise<'no_demo_province' | 'already_generated' | null> {
  const { rows } = await client.query(
    `select
       exists (select 1 from orgs where kind = 'province' and region_code = '990000') as demo,
       exists (select 1 from orgs where id::text like $1) as generated`,
    [`${generatedOrgTag}-%`],
  );
  const row = rows[0];
  if (row?.demo !== true) return 'no_demo_province';
  // Generated ids, region and credit codes are the same for every run: a second run would
  // collide with the first (and mean twice the people), so there is at most one.
  if (row.generated === true) return 'already_generated';
  return null;
}

/**
 * Generates `people` more people into the seeded demo province, in one transaction (all or
 * nothing), then computes every stored standing and unit tally again. Refuses a database
 * without the demo province or one that already holds generated people.
 */
export async function seedDemoScale(
  database: Database,
  config: Config,
  options: DemoScaleOptions,
  clock: Clock = systemClock,
): Promise<DemoScaleResult> {
  const now = clock.now();
  const lastYear = chinaYear(now);
  const firstYear = lastYear - options.years + 1;
  const cipher = new IdNumberCipher(config.idKeys.encryptionKey, config.idKeys.lookupKey);
  const outcome = await database.withBulkClient(async (client) => {
    const refused = await refusal(client);
    if (refused) return { ok: false as const, reason: refused };
    options.log?.(
      `Generating ${String(options.people)} people with credits of ${yearRange(firstYear, lastYear)}…`,
    );
    await client.query('begin');
    try {
      const generated = await generateProvince(client, {
        people: options.people,
        years: options.years,
        seed: options.seed,
        endYear: lastYear,
        // This year up to today: nothing dated later, later projects filed, not finished.
        asOfDay: chinaDay(now),
        now,
        cipher,
        ...(options.log ? { log: options.log } : {}),
      });
      await client.query('commit');
      return { ok: true as const, generated };
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  });
  if (!outcome.ok) return outcome;
  const started = performance.now();
  options.onStandingsStart?.();
  const services = buildServices({ config, database, clock, hasher: argon2Hasher });
  const rebuilt = await services.standings.rebuild({}, options.onStandings);
  return {
    ok: true,
    generated: outcome.generated,
    firstYear,
    lastYear,
    standings: rebuilt.done,
    standingsSeconds: (performance.now() - started) / 1000,
  };
}
