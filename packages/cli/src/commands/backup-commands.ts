import path from 'node:path';
import type { Command } from 'commander';
import {
  argon2Hasher,
  buildServices,
  checkBackupFile,
  openDatabase,
  systemClock,
  type BackupManifest,
  type Services,
} from '@jijiao/server';
import { CliError } from '../cli-error';
import { cliConfig, describeDatabase, withCliErrors } from '../config';

const out = (line: string) => process.stdout.write(`${line}\n`);

/** Opens the configured database without migrating it (a restore decides the schema). */
async function withBackups<T>(
  command: string,
  work: (services: Services) => Promise<T>,
): Promise<T> {
  const config = cliConfig();
  return withCliErrors(async () => {
    const database = await openDatabase(config.database, command);
    try {
      return await work(
        buildServices({ config, database, clock: systemClock, hasher: argon2Hasher }),
      );
    } finally {
      await database.close();
    }
  });
}

function summary(manifest: BackupManifest): string[] {
  const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  return [
    `  made:       ${manifest.createdAt} by jijiao ${manifest.appVersion} (${manifest.engine})`,
    `  migration:  ${manifest.migrations.at(-1) ?? '(none)'} (${manifest.migrations.length})`,
    `  tables:     ${manifest.tables.length}, ${rows} rows`,
    `  files:      ${manifest.files.count} stored files, ${manifest.files.bytes} bytes`,
  ];
}

/**
 * `jijiao backup --out FILE` writes a backup of the configured database (ADR 0032);
 * `jijiao backup --check FILE` checks one without touching any database.
 */
export function registerBackup(program: Command): void {
  program
    .command('backup')
    .description('Back up the database (every table, one snapshot) into a file, or check a backup')
    .option('--out <file>', 'write a backup to this file (never overwritten)')
    .option('--check <file>', 'check a backup: every table against its manifest’s checksums')
    .action(async (options: { out?: string; check?: string }) => {
      if ((options.out === undefined) === (options.check === undefined))
        throw new CliError('give either --out FILE (back up) or --check FILE (check a backup)', 2);
      if (options.check !== undefined) {
        const file = options.check;
        // Checking reads the file only: no database is opened.
        const manifest = await withCliErrors(() => checkBackupFile(file));
        out(`${file}: every table matches its checksum.`);
        for (const line of summary(manifest)) out(line);
        return;
      }
      const file = path.resolve(options.out ?? '');
      const config = cliConfig();
      const manifest = await withBackups('jijiao backup', (services) =>
        services.backups.backupTo(file),
      );
      out(`Backed up ${describeDatabase(config)} to ${file}`);
      for (const line of summary(manifest)) out(line);
    });
}

/** `jijiao restore FILE [--force]`: into an empty database; `--force` replaces a non-empty one. */
export function registerRestore(program: Command): void {
  program
    .command('restore')
    .description('Restore a backup into an empty database (checked first; all or nothing)')
    .argument('<file>', 'a file written by `jijiao backup` or the scheduled backup')
    .option('--force', 'replace the contents of a database that is not empty', false)
    .action(async (file: string, options: { force: boolean }) => {
      const config = cliConfig();
      const result = await withBackups('jijiao restore', (services) =>
        services.backups.restoreFrom(path.resolve(file), { force: options.force }),
      );
      out(`Restored ${file} into ${describeDatabase(config)}: ${result.rows} rows.`);
      for (const line of summary(result.manifest)) out(line);
      if (result.migratedFrom)
        out(`  Migrated from ${result.migratedFrom} to this version's schema after the restore.`);
    });
}
