import type { Command } from 'commander';
import { openDatabase } from '@jijiao/server';
import { cliConfig, describeDatabase, withCliErrors } from '../config';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description('Apply pending database migrations (also done at every start)')
    .action(async () => {
      const config = cliConfig();
      await withCliErrors(async () => {
        const database = await openDatabase(config.database, 'jijiao migrate');
        try {
          await database.migrate();
        } finally {
          await database.close();
        }
      });
      process.stdout.write(`Migrations applied: ${describeDatabase(config)}\n`);
    });
}
