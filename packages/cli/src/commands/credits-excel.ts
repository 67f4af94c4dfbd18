import path from 'node:path';
import type { Command } from 'commander';
import { creditsTemplate } from '@jijiao/server';
import { importWorkbook, resolveOrg, writeTemplateFile } from './excel-files';

/** `jijiao credits template|import FILE.xlsx`: credits of a unit's staff as Excel files. */
export function registerCreditsExcel(program: Command): void {
  const credits = program
    .command('credits')
    .description('Credits of a unit’s staff as Excel files: template, import');

  credits
    .command('template <file>')
    .description('Write the empty credit import template (.xlsx, Chinese headers, a 说明 sheet)')
    .action((file: string) => writeTemplateFile(file, creditsTemplate()));

  credits
    .command('import <file>')
    .description(
      'Import credits for a unit from an .xlsx file: every row is checked first; any problem and nothing is written (exit 1). The claims are submitted into the unit’s review chain.',
    )
    .requiredOption('--unit <unit>', 'the unit: its id, credit code or exact name')
    .option('--dry-run', 'check and report only; write nothing')
    .action((file: string, options: { dryRun?: boolean; unit: string }) =>
      importWorkbook('jijiao credits import', file, async (bytes, services, actor) => {
        const { creditsImport } = services;
        const unitId = await resolveOrg(
          options.unit,
          async (text) => (await creditsImport.unitInScope(actor, text).catch(() => undefined))?.id,
        );
        return creditsImport.import(
          actor,
          unitId,
          bytes,
          { dryRun: options.dryRun === true, fileName: path.basename(file) },
          'cli',
        );
      }),
    );
}
