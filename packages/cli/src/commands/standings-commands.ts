import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';
import { progressWriter } from './progress-writer';

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1990 || year > 2200)
    throw new CliError(`--year: not a year: ${text}`, 2);
  return year;
}

function parseProvince(text: string): string {
  if (!/^\d{2}0000$/.test(text))
    throw new CliError(`--province: not a province code (e.g. 430000): ${text}`, 2);
  return text;
}

interface ScopeOptions {
  year?: number;
  province?: string;
  json?: boolean;
}

/** `jijiao standings rebuild|verify`: the stored standings of every person's year (ADR 0018). */
export function registerStandings(program: Command): void {
  const standings = program
    .command('standings')
    .description('Each person’s standing of a year, stored and kept current (ADR 0018)');
  const scoped = (command: Command) =>
    command
      .option('--year <year>', 'only this year', parseYear)
      .option('--province <code>', 'only this province (its region code)', parseProvince)
      .option('--json', 'the summary as JSON on stdout');

  scoped(
    standings
      .command('rebuild')
      .description(
        'Compute every standing again from the claims (all years and provinces by default)',
      ),
  ).action((options: ScopeOptions) =>
    withCliErrors(() =>
      withSystemActor('jijiao standings rebuild', async (services) => {
        const provincePath = await provincePathOf(services.standings, options.province);
        const progress = progressWriter('computed');
        const result = await services.standings.rebuild(
          { year: options.year, provincePath },
          (done, total) => {
            progress.update(done, total);
          },
        );
        progress.end();
        const summary = { ...result, seconds: Math.round(progress.seconds() * 100) / 100 };
        process.stdout.write(
          options.json
            ? `${JSON.stringify(summary)}\n`
            : `${String(result.done)} standings computed in ${summary.seconds.toFixed(2)} s\n`,
        );
      }),
    ),
  );

  scoped(
    standings
      .command('verify')
      .description(
        'Compare every stored standing with a fresh evaluation; exit 1 and list the first that differ',
      )
      .option('--limit <n>', 'how many differing standings to list', (v) => Number(v), 20),
  ).action((options: ScopeOptions & { limit: number }) =>
    withCliErrors(() =>
      withSystemActor('jijiao standings verify', async (services) => {
        const provincePath = await provincePathOf(services.standings, options.province);
        const progress = progressWriter('checked');
        const result = await services.standings.verify(
          { year: options.year, provincePath },
          options.limit,
          (checked) => {
            progress.update(checked);
          },
        );
        progress.end();
        if (options.json) process.stdout.write(`${JSON.stringify(result)}\n`);
        else {
          process.stdout.write(
            `${String(result.checked)} standings checked, ${String(result.drifted)} differ\n`,
          );
          for (const d of result.first)
            process.stdout.write(`  ${d.personId} ${String(d.year)}: ${d.fields.join(', ')}\n`);
          process.stdout.write(
            `${String(result.tallies.drifted)} unit tallies differ from their standings\n`,
          );
          for (const d of result.tallies.first)
            process.stdout.write(
              `  unit ${d.unitId} ${String(d.year)}: ${String(d.stored)} people counted, ${String(d.fresh)} stored\n`,
            );
        }
        if (result.drifted > 0)
          throw new CliError(
            `${String(result.drifted)} standing(s) differ from the rules engine: run \`jijiao standings rebuild\``,
            1,
          );
        if (result.tallies.drifted > 0)
          throw new CliError(
            `${String(result.tallies.drifted)} unit tallies differ from their standings: run \`jijiao standings rebuild\``,
            1,
          );
      }),
    ),
  );
}

async function provincePathOf(
  standings: { provincePath(code: string): Promise<string | undefined> },
  code: string | undefined,
): Promise<string | undefined> {
  if (code === undefined) return undefined;
  const path = await standings.provincePath(code);
  if (!path) throw new CliError(`--province: no province with region code ${code}`, 2);
  return path;
}
