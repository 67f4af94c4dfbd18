import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { AppError } from '../errors/app-error';
import { migrationsFolder, queryRows, type Database, type Tx } from '../db/database';
import { shippedMigrations } from '../db/migration-journal';
import {
  appliedMigrationTimes,
  catalogTables,
  foreignKeys,
  ident,
  rowCounts,
  storedFilesDigest,
  tableRef,
  type CatalogTable,
} from './catalog';
import type { BackupManifest } from './manifest';
import { openBackup, type OpenedBackup } from './open-backup';

export interface RestoreInput {
  database: Database;
  file: string;
  keyFingerprint: string;
  /** Replace whatever the target holds (its schema is dropped first). */
  force?: boolean;
}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: number;
  /** Migrations applied after the data, when the backup came from an older version. */
  migratedFrom: string | null;
}

/** At most this many rows, or about this many bytes, per INSERT. */
const batchRows = 2000;
const batchBytes = 8 * 1024 * 1024;

/**
 * Restores a checked backup into an empty database (or any database, with `force`): the
 * schema is migrated to the backup's version, every table loaded in one transaction with
 * its foreign keys re-checked after, sequences set, row counts and stored files verified;
 * then the migrations the backup predates run. Nothing is written when a check fails.
 */
export async function restoreBackup(input: RestoreInput): Promise<RestoreResult> {
  const { database } = input;
  const backup = await openBackup(input.file);
  try {
    const { manifest } = backup;
    const shipped = shippedMigrations();
    const known = shipped.map((m) => m.tag);
    const newer = manifest.migrations.length > known.length;
    const diverged = manifest.migrations.some(
      (tag, i) => known[i] !== undefined && known[i] !== tag,
    );
    if (newer || diverged)
      throw new AppError(
        'backup_invalid',
        newer
          ? `${path.basename(input.file)} was made by a newer version (${manifest.appVersion}, migration ${manifest.migrations.at(-1)}); this version knows migrations up to ${known.at(-1)}: restore it with that version or later`
          : `${path.basename(input.file)} holds migrations this version does not ship: restore it with the version that made it (${manifest.appVersion})`,
      );
    if (manifest.keyFingerprint !== input.keyFingerprint)
      throw new AppError(
        'backup_invalid',
        `${path.basename(input.file)} was made with other ID-number keys: set JIJIAO_ID_ENCRYPTION_KEY and JIJIAO_ID_LOOKUP_KEY to the keys of the installation it came from`,
      );
    const older = manifest.migrations.length < known.length;
    await prepareTarget(database, input.force ?? false, older ? manifest.migrations.length : null);
    await migrateTo(database, manifest.migrations.length, older);
    const rows = await database.db.transaction((tx) => load(tx, backup));
    if (older) await database.migrate();
    return {
      manifest,
      rows,
      migratedFrom: older ? (manifest.migrations.at(-1) ?? '(none)') : null,
    };
  } finally {
    await backup.close();
  }
}

/**
 * An empty target is a database without tables, or whose tables hold no row. Its schema is
 * dropped when forced, or when it is migrated past an older backup's version (it is empty).
 */
async function prepareTarget(
  database: Database,
  force: boolean,
  olderMigrations: number | null,
): Promise<void> {
  const tables = await catalogTables(database.db);
  const counts = await rowCounts(database.db, tables);
  const filled = [...counts.entries()].filter(([, n]) => n > 0);
  if (filled.length === 0 && !force) {
    const applied = (await appliedMigrationTimes(database.db)).length;
    if (olderMigrations === null || applied <= olderMigrations) return;
  } else if (!force) {
    const rows = filled.reduce((sum, [, n]) => sum + n, 0);
    throw new AppError(
      'conflict',
      `the target database is not empty (${rows} rows in ${filled.length} tables, e.g. ${filled[0]?.[0]}): restore into an empty database, or pass --force to replace its contents`,
    );
  }
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`drop schema if exists drizzle cascade`);
    await tx.execute(sql`drop schema if exists public cascade`);
    await tx.execute(sql`create schema public`);
  });
}

/** Applies the first `count` shipped migrations (all of them unless the backup is older). */
async function migrateTo(database: Database, count: number, older: boolean): Promise<void> {
  if (!older) return database.migrate();
  const folder = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'jijiao-migrations-'));
  try {
    await fs.promises.cp(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(await fs.promises.readFile(journalFile, 'utf8')) as {
      entries: unknown[];
    };
    journal.entries = journal.entries.slice(0, count);
    await fs.promises.writeFile(journalFile, JSON.stringify(journal));
    await database.migrate(folder);
  } finally {
    await fs.promises.rm(folder, { recursive: true, force: true });
  }
}

async function load(tx: Tx, backup: OpenedBackup): Promise<number> {
  const { manifest } = backup;
  await tx.execute(sql`set local timezone = 'UTC'`);
  const tables = new Map((await catalogTables(tx)).map((t) => [t.name, t]));
  for (const entry of manifest.tables)
    if (!tables.has(entry.name))
      throw new AppError(
        'backup_invalid',
        `the backup holds table ${entry.name}, which its version's schema does not have`,
      );
  const keys = await foreignKeys(tx);
  for (const key of keys)
    await tx.execute(
      sql`alter table ${tableRef(key.table)} drop constraint ${sql.raw(ident(key.name))}`,
    );
  let total = 0;
  for (const entry of manifest.tables) {
    const table = tables.get(entry.name) as CatalogTable;
    let batch: string[] = [];
    let bytes = 0;
    for await (const line of backup.lines(entry)) {
      batch.push(line);
      bytes += line.length;
      if (batch.length >= batchRows || bytes >= batchBytes) {
        await insertRows(tx, table, batch);
        batch = [];
        bytes = 0;
      }
    }
    if (batch.length) await insertRows(tx, table, batch);
    total += entry.rows;
  }
  // Re-adding each key checks every row against it: a backup cannot smuggle in an orphan.
  for (const key of keys)
    await tx.execute(
      sql`alter table ${tableRef(key.table)} add constraint ${sql.raw(ident(key.name))} ${sql.raw(key.definition)}`,
    );
  for (const sequence of manifest.sequences)
    if (sequence.lastValue !== null)
      await tx.execute(
        sql`select setval(${`public.${ident(sequence.name)}`}::regclass, ${sequence.lastValue}::bigint, true)`,
      );
  const counts = await rowCounts(tx, [...tables.values()]);
  for (const entry of manifest.tables)
    if (counts.get(entry.name) !== entry.rows)
      throw new AppError(
        'backup_invalid',
        `table ${entry.name} holds ${counts.get(entry.name)} rows after the restore; the manifest says ${entry.rows}`,
      );
  const files = await storedFilesDigest(tx);
  const digest = createHash('sha256').update(files.lines.join('\n')).digest('hex');
  if (files.count !== manifest.files.count || digest !== manifest.files.sha256)
    throw new AppError(
      'backup_invalid',
      `the stored files after the restore (${files.count}) differ from the backup's (${manifest.files.count})`,
    );
  return total;
}

async function insertRows(tx: Tx, table: CatalogTable, lines: string[]): Promise<void> {
  const columns = table.insertable.map(ident).join(', ');
  await queryRows(
    tx,
    sql`insert into ${tableRef(table.name)} (${sql.raw(columns)})
        ${sql.raw(table.identityAlways ? 'overriding system value' : '')}
        select ${sql.raw(columns)}
          from jsonb_populate_recordset(null::${tableRef(table.name)}, ${`[${lines.join(',')}]`}::jsonb)`,
  );
}
