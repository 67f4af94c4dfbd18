import type { Command } from 'commander';
import { ProjectsExcel, projectsTemplate } from '@jijiao/server';
import { exportWorkbook, importWorkbook, resolveOrg, writeTemplateFile } from './excel-files';

/** `jijiao projects template|import|export FILE.xlsx`: the Excel side of the project registry. */
export function registerProjectsExcel(program: Command): void {
  const projects = program
    .command('projects')
    .description('CME projects as Excel files: template, import, export');

  projects
    .command('template <file>')
    .description('Write the empty import template (.xlsx, Chinese headers, a 说明 sheet)')
    .action((file: string) => writeTemplateFile(file, projectsTemplate()));

  projects
    .command('import <file>')
    .description(
      'Import projects from an .xlsx file (upsert by number): every row is checked first; any problem and nothing is written (exit 1)',
    )
    .option('--dry-run', 'check and report only; write nothing')
    .option('--unit <host>', 'host for rows without 举办单位: its id, credit code or exact name')
    .action((file: string, options: { dryRun?: boolean; unit?: string }) =>
      importWorkbook('jijiao projects import', file, async (bytes, services, actor) => {
        const excel = new ProjectsExcel(services);
        const hostId = options.unit
          ? await resolveOrg(options.unit, (text) => excel.findHost(actor, text))
          : undefined;
        return excel.import(actor, bytes, { dryRun: options.dryRun === true, hostId }, 'cli');
      }),
    );

  projects
    .command('export <file>')
    .description('Export projects to an .xlsx file')
    .option('--unit <host>', 'only projects whose host’s name contains this text')
    .action((file: string, options: { unit?: string }) =>
      exportWorkbook('jijiao projects export', file, (services, actor) =>
        new ProjectsExcel(services).export(
          actor,
          options.unit ? { host: options.unit } : {},
          'cli',
        ),
      ),
    );
}
