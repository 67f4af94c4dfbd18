import type { Command } from 'commander';
import { userCreateSchema } from '@jijiao/contracts';
import { CliError } from '../cli-error';
import { withCliErrors } from '../config';
import { withSystemActor } from './excel-files';

interface BootstrapOptions {
  province: string;
  name: string;
  username: string;
  displayName: string;
}

/**
 * `jijiao bootstrap`: the first organisation and the first account of a new installation
 * (no demo data): the province's root and a system administrator with a one-time password.
 */
export function registerBootstrap(program: Command): void {
  program
    .command('bootstrap')
    .description(
      "Create a new installation's province and its first system administrator (empty database only)",
    )
    .requiredOption('--province <code>', 'the province code (GB/T 2260), e.g. 430000')
    .requiredOption('--name <name>', 'the root organisation, e.g. 湖南省卫生健康委员会')
    .option('--username <username>', 'the administrator to create', 'admin')
    .option('--display-name <name>', "the administrator's name as shown", '系统管理员')
    .action(async (options: BootstrapOptions) => {
      if (!/^\d{2}0000$/.test(options.province))
        throw new CliError('--province: a 6-digit province code ending in 0000, e.g. 430000', 2);
      const name = options.name.trim();
      if (name.length === 0 || name.length > 100)
        throw new CliError('--name: 1 to 100 characters', 2);
      // The same rules as an account made from the web.
      const account = userCreateSchema
        .pick({ username: true, displayName: true })
        .safeParse({ username: options.username, displayName: options.displayName });
      if (!account.success) {
        const issue = account.error.issues[0];
        throw new CliError(
          `--${issue?.path[0] === 'displayName' ? 'display-name' : 'username'}: ${issue?.message ?? 'invalid'}`,
          2,
        );
      }
      const result = await withCliErrors(() =>
        withSystemActor('jijiao bootstrap', (services) =>
          services.accountAdmin.bootstrap({
            orgName: name,
            regionCode: options.province,
            username: account.data.username,
            displayName: account.data.displayName,
          }),
        ),
      );
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out(`Created ${name} (${options.province}) and its system administrator.`);
      out(`  username:          ${result.username}`);
      out(`  one-time password: ${result.initialPassword}`);
      out('Sign in with it and choose a new password; it is shown only this once.');
    });
}
