import type { Command } from 'commander';
import { argon2Hasher, completeDemo, openDatabase, seedDemo } from '@jijiao/server';

import { CliError } from '../cli-error';
import { cliConfig, describeDatabase, withCliErrors } from '../config';
import { formatDemoAccounts } from './text-table';

export function registerSeedDemo(program: Command): void {
  program
    .command('seed-demo')
    .description('Seed the demo province 演示省 (990000) into an empty database')
    .action(async () => {
      const config = cliConfig();
      if (!config.demo.enabled)
        throw new CliError(
          'Demo data is refused outside demo mode (NODE_ENV=production or JIJIAO_DEMO=false).',
          2,
        );
      const result = await withCliErrors(async () => {
        const database = await openDatabase(config.database, 'jijiao seed-demo');
        try {
          await database.migrate();
          const seeded = await seedDemo(database, config, argon2Hasher);
          const completed = seeded.seeded ? await completeDemo(database, config) : undefined;
          return { ...seeded, completed };
        } finally {
          await database.close();
        }
      });
      const out = (line: string) => process.stdout.write(`${line}\n`);
      if (!result.seeded) {
        out(
          `The database already holds organisations: nothing seeded (${describeDatabase(config)}).`,
        );
        return;
      }
      out(
        `Seeded the demo province: ${result.orgs} organisations, ${result.people} people, ${result.accounts.length} accounts (${describeDatabase(config)}).`,
      );
      const audit = result.completed?.audit;
      if (audit)
        out(
          `Filed the demo audit of ${audit.year}: ${audit.compliant} of ${audit.people} people compliant, ${audit.certificates} certificates.`,
        );
      process.stdout.write(formatDemoAccounts(result.accounts));
    });
}
