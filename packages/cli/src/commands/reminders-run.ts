import type { Command } from 'commander';
import { isCalendarDateText, needsLineZh } from '@jijiao/domain';
import type { Services } from '@jijiao/server';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';
import { formatTable } from './text-table';

type Report = Awaited<ReturnType<Services['reminders']['run']>>;

function parseDay(text: string): string {
  if (!isCalendarDateText(text)) throw new CliError(`--as-of: not a day (YYYY-MM-DD): ${text}`, 2);
  return text;
}

/** The report for people: counts per rule, then (dry run) the learners behind and their needs. */
export function formatReminderReport(report: Report): string {
  const verb = report.dryRun ? 'would send' : 'sent';
  const lines = [
    `Reminders as of ${report.asOf}${report.dryRun ? ' (dry run: nothing stored or sent)' : ''}, ${report.seconds.toFixed(2)} s`,
    '',
    formatTable([
      ['rule', 'province', 'year', 'milestone', verb, 'ms'],
      ...report.rules.map((r) => [
        r.rule,
        r.province ?? '(all)',
        r.year === undefined ? '' : String(r.year),
        r.on,
        String(r.created),
        String(r.ms),
      ]),
    ]).trimEnd(),
  ];
  for (const u of report.unreachable)
    lines.push(
      '',
      `${String(u.people)} more people of ${u.province} are behind in ${String(u.year)} but have no account: no reminder reaches them (only accounts are told).`,
    );
  if (report.dryRun) {
    lines.push('');
    if (report.behind.length === 0) lines.push('No learner behind is due a reminder on this day.');
    else {
      lines.push(`Learners behind (first ${String(report.behind.length)}), what they still need:`);
      lines.push(
        formatTable([
          ['name', 'ID number', 'unit', 'needs'],
          ...report.behind.map((b) => [b.name, b.idNumberMasked, b.unitName, needsLineZh(b.needs)]),
        ]).trimEnd(),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `jijiao reminders run [--as-of YYYY-MM-DD] [--dry-run]` (ADR 0039). */
export function registerReminders(program: Command): void {
  const reminders = program
    .command('reminders')
    .description('Reminders before the province calendar’s days (ADR 0039)');
  reminders
    .command('run')
    .description('Apply the reminder rules for a day: each fires once per person, rule and day')
    .option('--as-of <day>', 'the day to run for (default: today, China time)', parseDay)
    .option('--dry-run', 'count and list what would be sent; store and send nothing')
    .option('--limit <n>', 'learners behind a dry run lists', (v) => Number(v), 50)
    .option('--json', 'the report as JSON on stdout')
    .action((options: { asOf?: string; dryRun?: boolean; limit: number; json?: boolean }) =>
      withCliErrors(() =>
        withSystemActor('jijiao reminders run', async (services) => {
          const report = await services.reminders.run({
            asOf: options.asOf,
            dryRun: options.dryRun === true,
            listLimit: options.limit,
          });
          process.stdout.write(
            options.json ? `${JSON.stringify(report)}\n` : formatReminderReport(report),
          );
        }),
      ),
    );
}
