import type { Command } from 'commander';
import { startWorker } from '@jijiao/server';
import { cliConfig, describeDatabase, withCliErrors } from '../config';
import { stopOnSignal } from './stop-on-signal';

/** `jijiao worker`: background work only, beside web processes started with `--no-workers`. */
export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description(
      'Run background work only (jobs, HR push, notifications, standings, daily runs): needs DATABASE_URL',
    )
    .action(async () => {
      const config = cliConfig();
      const logTo = process.stdout.isTTY ? { logTo: process.stdout } : {};
      const worker = await withCliErrors(() => startWorker(config, logTo));
      process.stdout.write(
        `继教 Jijiao worker on ${describeDatabase(config)}: background work only. Press Ctrl+C to stop.\n`,
      );
      const code = await stopOnSignal(() => worker.shutdown());
      if (code !== 0) process.exit(code);
    });
}
