import type { Command } from 'commander';
import { startServer } from '@jijiao/server';
import { cliConfig, describeDatabase, withCliErrors } from '../config';
import { formatDemoAccounts } from './text-table';
import { stopOnSignal } from './stop-on-signal';

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('Serve the web app and the API (embedded database unless DATABASE_URL is set)')
    .option('-p, --port <port>', 'port to listen on (default: PORT or 3000)', (v) =>
      Number.parseInt(v, 10),
    )
    .option('--no-demo', 'start without demo data and demo accounts')
    .option(
      '--no-workers',
      'serve requests only: leave background work to `jijiao worker` processes',
    )
    .action(async (options: { port?: number; demo: boolean; workers: boolean }) => {
      const config = cliConfig({
        ...(options.port === undefined ? {} : { port: options.port }),
        ...(options.demo ? {} : { demo: false }),
      });
      // In a terminal the log reads like the banner; piped, it stays JSON for a collector.
      const logTo = process.stdout.isTTY ? { logTo: process.stdout } : {};
      const server = await withCliErrors(() =>
        startServer(config, { ...logTo, workers: options.workers }),
      );
      const out = (line: string) => process.stdout.write(`${line}\n`);
      out('');
      out(`继教 Jijiao is running at ${server.url}`);
      out(`Database: ${describeDatabase(config)}`);
      if (!options.workers) out('Background work: none here (left to `jijiao worker`)');
      if (server.demo) {
        out('');
        out('Demo mode (all data is fictitious). Sign in as:');
        process.stdout.write(formatDemoAccounts(server.demo.accounts));
        out(
          config.demo.password === undefined
            ? `Password for every demo account: ${server.demo.password}`
            : 'Password for every demo account: the value of JIJIAO_DEMO_PASSWORD',
        );
        if (server.demo.seeded)
          out(
            server.demo.deviceToken === undefined
              ? `Check-in kiosk: ${server.url}/kiosk (device token: the value of JIJIAO_DEMO_DEVICE_TOKEN)`
              : `Check-in kiosk: ${server.url}/kiosk#token=${server.demo.deviceToken}`,
          );
        if (!server.demo.seeded)
          out(
            '(The demo data was already there; accounts keep the password they were seeded with.)',
          );
      }
      out('Press Ctrl+C to stop.');
      const code = await stopOnSignal(() => server.shutdown());
      // Cut short: whatever still holds the event loop (a job, a socket) must not keep it alive.
      if (code !== 0) process.exit(code);
    });
}
