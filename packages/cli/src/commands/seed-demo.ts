import type { Command } from 'commander';
import {
  argon2Hasher,
  completeDemo,
  openDatabase,
  seedDemo,
  seedDemoScale,
  yearRange,
  type Config,
  type Database,
  type DemoScaleResult,
} from '@jijiao/server';

import { CliError } from '../cli-error';
import { cliConfig, describeDatabase, withCliErrors } from '../config';
import { progressWriter } from './progress-writer';
import { formatDemoAccounts } from './text-table';

interface SeedDemoOptions {
  people?: number;
  years?: number;
  seed?: number;
}

/** A whole number within bounds, or exit 2 naming the option. */
function boundedInteger(option: string, max: number) {
  return (text: string): number => {
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < 1 || n > max)
      throw new CliError(`--${option}: a whole number from 1 to ${String(max)}: ${text}`, 2);
    return n;
  };
}

const maxPeople = 1_000_000;
const maxYears = 10;
const maxSeed = 2_147_483_647;

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description(
      'Seed the demo province 演示省 (990000) into an empty database; with --people, generate that many more people (once per database)',
    )
    .option(
      '--people <n>',
      `generate N more people with credits into the demo province (1–${String(maxPeople)})`,
      boundedInteger('people', maxPeople),
    )
    .option(
      '--years <n>',
      `with --people: years of credits, ending this year (default 2, at most ${String(maxYears)})`,
      boundedInteger('years', maxYears),
    )
    .option(
      '--seed <n>',
      'with --people: the generator’s seed (default 1; the same seed, the same people)',
      boundedInteger('seed', maxSeed),
    )
    .action(async (options: SeedDemoOptions) => {
      if (options.people === undefined && (options.years ?? options.seed) !== undefined)
        throw new CliError(`--${options.years ? 'years' : 'seed'}: only with --people`, 2);
      const config = cliConfig();
      if (!config.demo.enabled)
        throw new CliError(
          'Demo data is refused outside demo mode (NODE_ENV=production or JIJIAO_DEMO=false).',
          2,
        );
      const out = (line: string) => process.stdout.write(`${line}\n`);
      const started = performance.now();
      const result = await withCliErrors(async () => {
        const database = await openDatabase(config.database, 'jijiao seed-demo');
        try {
          await database.migrate();
          const seeded = await seedDemo(database, config, argon2Hasher);
          const completed = seeded.seeded ? await completeDemo(database, config) : undefined;
          reportDemo(config, { ...seeded, completed }, out);
          if (options.people === undefined) return undefined;
          return await generate(database, config, {
            people: options.people,
            years: options.years ?? 2,
            seed: options.seed ?? 1,
          });
        } finally {
          await database.close();
        }
      });
      if (!result) return;
      if (!result.ok)
        throw new CliError(
          result.reason === 'no_demo_province'
            ? 'The database holds no demo province 演示省 (990000): --people generates into the demo only.'
            : 'The database already holds generated people (seed-demo --people ran before): nothing generated. Use an empty data directory (or database) to generate another province.',
          1,
        );
      const g = result.generated;
      out(
        `Generated ${String(g.people)} people in ${String(g.units)} units (${String(g.orgs)} organisations), ${String(g.projects)} projects and ${String(g.claims)} credit claims of ${yearRange(result.firstYear, result.lastYear)} in ${g.seconds.toFixed(1)} s.`,
      );
      out(
        `Computed ${String(result.standings)} standings and the unit tallies in ${result.standingsSeconds.toFixed(1)} s (${((performance.now() - started) / 1000).toFixed(1)} s in all).`,
      );
    });
}

function reportDemo(
  config: Config,
  result: Awaited<ReturnType<typeof seedDemo>> & {
    completed: Awaited<ReturnType<typeof completeDemo>> | undefined;
  },
  out: (line: string) => void,
): void {
  if (!result.seeded) {
    out(`The database already holds organisations: nothing seeded (${describeDatabase(config)}).`);
    return;
  }
  out(
    `Seeded the demo province: ${String(result.orgs)} organisations, ${String(result.people)} people, ${String(result.accounts.length)} accounts (${describeDatabase(config)}).`,
  );
  const audit = result.completed?.audit;
  if (audit)
    out(
      `Filed the demo audit of ${String(audit.year)}: ${String(audit.compliant)} of ${String(audit.people)} people compliant, ${String(audit.certificates)} certificates.`,
    );
  process.stdout.write(formatDemoAccounts(result.accounts));
}

async function generate(
  database: Database,
  config: Config,
  options: { people: number; years: number; seed: number },
): Promise<DemoScaleResult> {
  // Started with the standings' rebuild, so that its rate is theirs alone.
  let progress: ReturnType<typeof progressWriter> | undefined;
  try {
    return await seedDemoScale(database, config, {
      ...options,
      log: (line) => process.stderr.write(`${line}\n`),
      onStandingsStart: () => {
        progress = progressWriter('standings computed');
      },
      onStandings: (done, total) => {
        progress?.update(done, total);
      },
    });
  } finally {
    progress?.end();
  }
}
