import type { Command } from 'commander';
import { PeopleExcel, peopleTemplate } from '@jijiao/server';
import { exportWorkbook, importWorkbook, resolveOrg, writeTemplateFile } from './excel-files';

/** `jijiao people template|import|export FILE.xlsx`: the Excel side of the people registry. */
export function registerPeopleExcel(program: Command): void {
  const people = program
    .command('people')
    .description('Health professionals as Excel files: template, import, export');

  people
    .command('template <file>')
    .description('Write the empty import template (.xlsx, Chinese headers, a 说明 sheet)')
    .action((file: string) => writeTemplateFile(file, peopleTemplate()));

  people
    .command('import <file>')
    .description(
      'Import people from an .xlsx file: every row is checked first; any problem and nothing is written (exit 1)',
    )
    .option('--dry-run', 'check and report only; write nothing')
    .option('--unit <unit>', 'unit for rows without 单位: its id, credit code or exact name')
    .action((file: string, options: { dryRun?: boolean; unit?: string }) =>
      importWorkbook('jijiao people import', file, async (bytes, services, actor) => {
        const excel = new PeopleExcel(services);
        const unitId = options.unit
          ? await resolveOrg(options.unit, (text) => excel.findUnit(actor, text))
          : undefined;
        return excel.import(actor, bytes, { dryRun: options.dryRun === true, unitId }, 'cli');
      }),
    );

  people
    .command('export <file>')
    .description('Export people (ID numbers masked) to an .xlsx file')
    .option('--unit <unit>', 'only this unit: its id, credit code or exact name')
    .action((file: string, options: { unit?: string }) =>
      exportWorkbook('jijiao people export', file, async (services, actor) => {
        const excel = new PeopleExcel(services);
        const unitId = options.unit
          ? await resolveOrg(options.unit, (text) => excel.findUnit(actor, text))
          : undefined;
        return excel.export(actor, unitId ? { unitId } : {}, 'cli');
      }),
    );
}
