import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands';
import { CliError } from './cli-error';

/** Runs the CLI and returns the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  const program = new Command('jijiao')
    .description('Jijiao: continuing medical education credits')
    .exitOverride()
    .showHelpAfterError();
  registerCommands(program);
  try {
    await program.parseAsync([...argv]);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError) {
      process.stderr.write(`jijiao: ${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  }
}
