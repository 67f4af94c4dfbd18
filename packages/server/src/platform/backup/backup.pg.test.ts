import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { migrationsFolder, queryRows, type Database } from '../db/database';
import { shippedMigrations } from '../db/migration-journal';
import { AppError } from '../errors/app-error';
import { buildTestApp } from '../../../test/build-app';
import { createFactories } from '../../../test/factories';
import { testConfig } from '../../../test/test-config';
import { createEmptyTestDatabase } from '../../../test/test-database';
import { keyFingerprint, readBackupManifest, restoreBackup, writeBackup } from './index';
import type { BackupManifest } from './manifest';

// Backup → restore into an empty database gives the same rows, checksums and files, on the
// engine under test (the file runs on PGlite and on PostgreSQL: *.pg.test.ts).
const t = await buildTestApp();
const f = createFactories(t);
const keys = keyFingerprint(testConfig().idKeys);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-backup-test-'));
const opened: Database[] = [];
afterAll(async () => {
  for (const database of opened) await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function emptyDatabase(): Promise<Database> {
  const database = await createEmptyTestDatabase();
  opened.push(database);
  return database;
}

function backupOf(database: Database, name: string): Promise<BackupManifest> {
  return writeBackup({
    database,
    outFile: path.join(dir, name),
    appVersion: '0.1.0',
    keyFingerprint: keys,
    now: t.clock.now(),
  });
}

async function refusal(run: Promise<unknown>): Promise<AppError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

// The demo seed plus a claim with an evidence scan (a stored file) and a returned claim.
await f.buildClaim({ status: 'returned' });
const scan = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(70_000, 7)]);
await t.database.db.execute(
  sql`insert into evidence_files (sha256, content_type, size_bytes, bytes)
      values (encode(sha256(${scan}), 'hex'), 'image/jpeg', ${scan.length}, ${scan})`,
);
const original = await backupOf(t.database, 'original.tar');

describe('backup and restore', () => {
  it('writes a manifest with every table, its rows and checksum, and the stored files', async () => {
    expect(original.tables.length).toBeGreaterThan(30);
    const people = original.tables.find((table) => table.name === 'people');
    const [count] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from people`,
    );
    expect(people?.rows).toBe(count?.n);
    expect(original.files.count).toBeGreaterThanOrEqual(1);
    expect(original.migrations.length).toBeGreaterThan(20);
    expect(await readBackupManifest(path.join(dir, 'original.tar'))).toEqual(original);
  });

  it('restores into an empty database with identical rows, checksums and files', async () => {
    const target = await emptyDatabase();
    const result = await restoreBackup({
      database: target,
      file: path.join(dir, 'original.tar'),
      keyFingerprint: keys,
    });
    expect(result.rows).toBe(original.tables.reduce((sum, table) => sum + table.rows, 0));
    const again = await backupOf(target, 'again.tar');
    expect(again.tables).toEqual(original.tables);
    expect(again.files).toEqual(original.files);
    expect(again.sequences).toEqual(original.sequences);
    // Identity columns continue after the restored rows.
    const [next] = await queryRows<{ id: string }>(
      target.db,
      sql`insert into audit_log (at, action, actor_username) values (now(), 'test.after_restore', 'x')
          returning id::text as id`,
    );
    const before = original.sequences.find((s) => s.name === 'audit_log_id_seq');
    expect(BigInt(next?.id ?? 0)).toBeGreaterThan(BigInt(before?.lastValue ?? 0));
  });

  it('refuses a non-empty target unless forced, and replaces it when forced', async () => {
    const target = await emptyDatabase();
    const file = path.join(dir, 'original.tar');
    await restoreBackup({ database: target, file, keyFingerprint: keys });
    const refused = await refusal(restoreBackup({ database: target, file, keyFingerprint: keys }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/not empty .*--force/);
    await restoreBackup({ database: target, file, keyFingerprint: keys, force: true });
    expect((await backupOf(target, 'forced.tar')).tables).toEqual(original.tables);
  });

  it('refuses a damaged archive, naming what is wrong, and writes nothing', async () => {
    const bytes = fs.readFileSync(path.join(dir, 'original.tar'));
    const people = original.tables.findIndex((table) => table.name === 'people');
    // Flip a byte in the middle of the archive's data, and cut another copy short.
    const flipped = Buffer.from(bytes);
    const at = bytes.indexOf(Buffer.from(`tables/${original.tables[people]?.name}`)) + 2048;
    flipped[at] = (flipped[at] ?? 0) ^ 0xff;
    fs.writeFileSync(path.join(dir, 'flipped.tar'), flipped);
    fs.writeFileSync(path.join(dir, 'cut.tar'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    fs.writeFileSync(path.join(dir, 'noise.tar'), Buffer.from('not a backup at all'));
    const target = await emptyDatabase();
    for (const name of ['noise.tar', 'cut.tar', 'flipped.tar']) {
      process.stderr.write(`case ${name}\n`);
      const error = await refusal(
        restoreBackup({ database: target, file: path.join(dir, name), keyFingerprint: keys }),
      );
      expect(error.code, name).toBe('backup_invalid');
      expect(error.message, name).toMatch(new RegExp(`^${name} is not a usable backup: .+`));
    }
    const [tables] = await queryRows<{ n: number }>(
      target.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables?.n).toBe(0);
  });

  it('refuses a newer version’s backup and one made under other ID keys', async () => {
    const target = await emptyDatabase();
    const file = path.join(dir, 'original.tar');
    const other = await refusal(
      restoreBackup({ database: target, file, keyFingerprint: 'other.keys' }),
    );
    expect(other.message).toMatch(/other ID-number keys/);
    const newer = await writeNewer(file);
    const error = await refusal(
      restoreBackup({ database: target, file: newer, keyFingerprint: keys }),
    );
    expect(error.code).toBe('backup_invalid');
    expect(error.message).toMatch(/newer version \(9\.0\.0, migration 9999_future\)/);
  });
});

describe('a backup made by an older version', () => {
  it('is restored into its own schema, then migrated to this version', async () => {
    // A database at the previous migration, as the version before this one left it.
    const older = await emptyDatabase();
    const folder = fs.mkdtempSync(path.join(dir, 'migrations-'));
    fs.cpSync(migrationsFolder, folder, { recursive: true });
    const journalFile = path.join(folder, 'meta/_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: unknown[] };
    journal.entries = journal.entries.slice(0, -1);
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    await older.migrate(folder);
    await older.db.execute(
      sql`insert into audit_log (at, action, actor_username) values (now(), 'sign_out', 'old')`,
    );
    const manifest = await backupOf(older, 'older.tar');
    const shipped = shippedMigrations();
    expect(manifest.migrations).toEqual(shipped.slice(0, -1).map((m) => m.tag));

    const target = await emptyDatabase();
    const result = await restoreBackup({
      database: target,
      file: path.join(dir, 'older.tar'),
      keyFingerprint: keys,
    });
    expect(result.migratedFrom).toBe(shipped.at(-2)?.tag);
    const [applied] = await queryRows<{ n: number }>(
      target.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(applied?.n).toBe(shipped.length);
    const again = await backupOf(target, 'older-restored.tar');
    expect(again.tables.find((t) => t.name === 'audit_log')?.rows).toBe(1);
    expect(again.migrations).toEqual(shipped.map((m) => m.tag));
  });
});

/** A copy of the backup whose manifest claims a migration this version does not ship. */
async function writeNewer(file: string): Promise<string> {
  const { extract, pack } = await import('tar-stream');
  const out = path.join(dir, 'newer.tar');
  const archive = pack();
  const done = new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
    archive.on('end', () => {
      fs.writeFileSync(out, Buffer.concat(chunks));
      resolve();
    });
    archive.on('error', reject);
  });
  const reader = extract();
  fs.createReadStream(file).pipe(reader);
  for await (const entry of reader) {
    const chunks: Buffer[] = [];
    for await (const chunk of entry) chunks.push(chunk as Buffer);
    let body = Buffer.concat(chunks);
    if (entry.header.name === 'manifest.json') {
      const manifest = JSON.parse(body.toString('utf8')) as BackupManifest;
      manifest.appVersion = '9.0.0';
      manifest.migrations.push('9999_future');
      body = Buffer.from(JSON.stringify(manifest));
    }
    archive.entry({ name: entry.header.name }, body);
  }
  archive.finalize();
  await done;
  return out;
}
