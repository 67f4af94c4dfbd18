import type { Command } from 'commander';
import type { AuditRun } from '@jijiao/contracts';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';

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

function progressLine(run: AuditRun): string {
  const percent = run.total === 0 ? 100 : Math.floor((run.done / run.total) * 100);
  return `evaluated ${String(run.done)}/${String(run.total)} people (${String(percent)}%)`;
}

/** `jijiao audit run --year Y [--province CODE]`: opens the year's audit if needed and runs it. */
export function registerAuditRun(program: Command): void {
  const audit = program.command('audit').description('The annual audit (学分审验)');
  audit
    .command('run')
    .description('Evaluate (or re-evaluate) every person of the province for an ended year')
    .requiredOption('--year <year>', 'the audit year (must have ended)', parseYear)
    .option(
      '--province <code>',
      'the province’s region code; needed when there are several',
      parseProvince,
    )
    .option('--json', 'the summary as JSON on stdout')
    .action((options: { year: number; province?: string; json?: boolean }) =>
      withCliErrors(() =>
        withSystemActor('jijiao audit run', async (services, actor) => {
          const opened = await services.audits.findOrOpen(actor, options.year, options.province);
          const started = process.hrtime.bigint();
          const tty = process.stderr.isTTY;
          const run = await services.audits.run(actor, opened.id, (progress) => {
            process.stderr.write(
              tty ? `\r${progressLine(progress)}` : `${progressLine(progress)}\n`,
            );
          });
          if (tty) process.stderr.write('\n');
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          const rate = run.done === 0 ? 0 : run.compliant / run.done;
          const summary = {
            auditId: opened.id,
            province: opened.provinceName,
            year: opened.year,
            people: run.done,
            compliant: run.compliant,
            rate: Math.round(rate * 10_000) / 10_000,
            seconds: Math.round(seconds * 100) / 100,
          };
          if (options.json) {
            process.stdout.write(`${JSON.stringify(summary)}\n`);
            return;
          }
          process.stdout.write(
            `${summary.province} ${String(summary.year)}: ${String(summary.people)} people, ${String(summary.compliant)} compliant (${(rate * 100).toFixed(1)}%), ${summary.seconds.toFixed(2)} s\n`,
          );
        }),
      ),
    );
}
