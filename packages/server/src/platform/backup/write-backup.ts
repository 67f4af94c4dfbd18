import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { AppError } from '../errors/app-error';
import { queryRows, type Database, type Tx } from '../db/database';
import { shippedMigrations } from '../db/migration-journal';
import { packDirectory } from './archive';
import {
  appliedMigrationTimes,
  catalogTables,
  ident,
  sequenceValues,
  storedFilesDigest,
  tableRef,
  type CatalogTable,
} from './catalog';
import { backupFormat, manifestEntry, type BackupManifest } from './manifest';

export interface WriteBackupInput {
  database: Database;
  outFile: string;
  appVersion: string;
  keyFingerprint: string;
  now: Date;
}

/**
 * Writes every table of `public` from one repeatable-read snapshot into a tar at `outFile`
 * (never overwritten), with a manifest of row counts and checksums. The archive appears
 * only when complete: it is packed under a temporary name and renamed.
 */
export async function writeBackup(input: WriteBackupInput): Promise<BackupManifest> {
  const { database, outFile } = input;
  if (fs.existsSync(outFile))
    throw new AppError('conflict', `${outFile} exists: a backup never overwrites a file`);
  const dir = path.dirname(path.resolve(outFile));
  await fs.promises.mkdir(dir, { recursive: true });
  const staging = await fs.promises.mkdtemp(path.join(dir, '.jijiao-backup-'));
  try {
    const manifest = await database.db.transaction(async (tx) => {
      await tx.execute(sql`set transaction isolation level repeatable read, read only`);
      await tx.execute(sql`set local timezone = 'UTC'`);
      const applied = await appliedMigrationTimes(tx);
      const byWhen = new Map(shippedMigrations().map((m) => [m.when, m.tag]));
      const migrations = applied.map((when) => {
        const tag = byWhen.get(when);
        if (!tag)
          throw new AppError(
            'invalid_state',
            'the database holds a migration this version does not know: back up with the version that applied it',
          );
        return tag;
      });
      await fs.promises.mkdir(path.join(staging, 'tables'));
      const tables: BackupManifest['tables'] = [];
      for (const table of await catalogTables(tx)) {
        const file = `tables/${table.name}.ndjson.gz`;
        tables.push({
          name: table.name,
          file,
          ...(await dumpTable(tx, table, path.join(staging, file))),
        });
      }
      const files = await storedFilesDigest(tx);
      return {
        ...backupFormat,
        appVersion: input.appVersion,
        createdAt: input.now.toISOString(),
        engine: database.kind,
        migrations,
        keyFingerprint: input.keyFingerprint,
        tables,
        sequences: await sequenceValues(tx),
        files: {
          count: files.count,
          bytes: files.bytes,
          sha256: createHash('sha256').update(files.lines.join('\n')).digest('hex'),
        },
      } satisfies BackupManifest;
    });
    await fs.promises.writeFile(
      path.join(staging, manifestEntry),
      `${JSON.stringify(manifest, null, 2)}\n`,
    );
    const partial = `${outFile}.partial`;
    await packDirectory(staging, [manifestEntry, ...manifest.tables.map((t) => t.file)], partial);
    await fs.promises.rename(partial, outFile);
    return manifest;
  } finally {
    await fs.promises.rm(staging, { recursive: true, force: true });
    await fs.promises.rm(`${outFile}.partial`, { force: true });
  }
}

/** Rows as `to_jsonb` text, one per line, in primary-key order (whole-row order without one). */
async function dumpTable(
  tx: Tx,
  table: CatalogTable,
  file: string,
): Promise<{ rows: number; bytes: number; sha256: string }> {
  const gzip = zlib.createGzip();
  const written = pipeline(gzip, fs.createWriteStream(file, { flags: 'wx' }));
  const hash = createHash('sha256');
  let rows = 0;
  let bytes = 0;
  const order = table.primaryKey.length
    ? table.primaryKey.map((c) => `t.${ident(c)}`).join(', ')
    : 'to_jsonb(t)';
  await tx.execute(
    sql`declare jijiao_backup no scroll cursor for
          select to_jsonb(t)::text as j from ${tableRef(table.name)} t order by ${sql.raw(order)}`,
  );
  const fetch = sql.raw(`fetch forward ${table.wide ? 16 : 4000} from jijiao_backup`);
  try {
    for (;;) {
      const batch = await queryRows<{ j: string }>(tx, fetch);
      if (batch.length === 0) break;
      const chunk = Buffer.from(batch.map((row) => `${row.j}\n`).join(''), 'utf8');
      hash.update(chunk);
      bytes += chunk.length;
      rows += batch.length;
      if (!gzip.write(chunk)) await once(gzip, 'drain');
    }
    await tx.execute(sql`close jijiao_backup`);
  } finally {
    gzip.end();
    await written;
  }
  return { rows, bytes, sha256: hash.digest('hex') };
}
