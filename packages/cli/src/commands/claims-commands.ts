import type { Command } from 'commander';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';

function parseYear(text: string): number {
  const year = Number(text);
  if (!Number.isInteger(year) || year < 1990 || year > 2100)
    throw new CliError(`--year: not a year: ${text}`, 2);
  return year;
}

const out = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `jijiao claims add-year|archive-year|restore-year`: the claims' partitions by year (ADR
 * 0042).
 */
export function registerClaims(program: Command): void {
  const claims = program
    .command('claims')
    .description(
      'The credit claims’ partitions by year: add one, archive an ended year, restore an archived one (ADR 0042)',
    );
  claims
    .command('add-year')
    .description(
      'Create the partition of a year, moving its claims out of the default partition (this year, the two before and the next are kept by a daily step)',
    )
    .requiredOption('--year <year>', 'the year', parseYear)
    .action((options: { year: number }) =>
      withCliErrors(() =>
        withSystemActor('jijiao claims add-year', async (services, actor) => {
          const { created, moved } = await services.claimYears.addYear(actor, options.year);
          out(
            created
              ? `Created credit_claims_y${String(options.year)}; moved ${String(moved)} claim(s) into it from credit_claims_default`
              : `credit_claims_y${String(options.year)} exists already: nothing to do`,
          );
        }),
      ),
    );
  claims
    .command('archive-year')
    .description(
      'Write an ended, audited year’s claims (and their provenances, reviews, evidence) to a gzip’d JSON-lines file, then detach and drop its partition',
    )
    .requiredOption('--year <year>', 'the year to archive', parseYear)
    .option('--out <file>', 'the archive file (default: claims-<year>.jsonl.gz here)')
    .action((options: { year: number; out?: string }) =>
      withCliErrors(() =>
        withSystemActor('jijiao claims archive-year', async (services, actor) => {
          const file = options.out ?? `claims-${String(options.year)}.jsonl.gz`;
          const done = await services.claimYears.archiveYear(actor, options.year, file);
          const rows = Object.entries(done.rows)
            .map(([table, n]) => `${table} ${String(n)}`)
            .join(', ');
          out(
            `Archived ${String(done.year)} to ${done.file} (${String(done.bytes)} bytes, sha256 ${done.sha256})`,
          );
          out(`Rows moved out: ${rows}`);
        }),
      ),
    );
  claims
    .command('restore-year')
    .description(
      'Put an archived year back from its archive file (checked against the SHA-256 recorded when it was archived), in one transaction',
    )
    .requiredOption('--year <year>', 'the archived year', parseYear)
    .requiredOption('--from <file>', 'the archive file archive-year wrote')
    .action((options: { year: number; from: string }) =>
      withCliErrors(() =>
        withSystemActor('jijiao claims restore-year', async (services, actor) => {
          const done = await services.claimYears.restoreYear(actor, options.year, options.from);
          const rows = Object.entries(done.rows)
            .map(([table, n]) => `${table} ${String(n)}`)
            .join(', ');
          out(`Restored ${String(done.year)} from ${done.file} (sha256 ${done.sha256})`);
          out(`Rows put back: ${rows}`);
        }),
      ),
    );
}
