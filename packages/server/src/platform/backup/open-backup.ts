import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { AppError } from '../errors/app-error';
import { readManifestEntry, unpackArchive, UnpackError } from './archive';
import { backupManifestSchema, manifestEntry, type BackupManifest } from './manifest';

/** A backup unpacked next to itself and checked: every table file matches its manifest line. */
export interface OpenedBackup {
  manifest: BackupManifest;
  /** Reads a table's rows back, as the `to_jsonb` text lines they were written as. */
  lines(table: BackupManifest['tables'][number]): AsyncIterable<string>;
  close(): Promise<void>;
}

function invalid(file: string, why: string): AppError {
  return new AppError('backup_invalid', `${path.basename(file)} is not a usable backup: ${why}`);
}

export function parseManifest(file: string, text: string): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid(file, 'its manifest is not JSON');
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid(file, `manifest ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? ''}`);
  }
  return parsed.data;
}

/** Only the manifest, without checking the tables (fast: for a list of backups). */
export async function readBackupManifest(file: string): Promise<BackupManifest> {
  try {
    return parseManifest(file, await readManifestEntry(file));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw invalid(file, describe(error));
  }
}

/**
 * Unpacks `file` into a temporary directory beside it and checks every table file against
 * the manifest (rows, bytes, SHA-256 of the uncompressed text). Any mismatch, a damaged
 * gzip or tar, a missing or unexpected entry: `backup_invalid`, naming what is wrong.
 */
export async function openBackup(
  file: string,
  workDir = path.dirname(path.resolve(file)),
): Promise<OpenedBackup> {
  if (!fs.existsSync(file)) throw new AppError('not_found', `${file} does not exist`);
  const dir = await fs.promises.mkdtemp(path.join(workDir, '.jijiao-restore-'));
  const close = () => fs.promises.rm(dir, { recursive: true, force: true });
  try {
    let entries: string[];
    try {
      entries = await unpackArchive(file, dir);
    } catch (error) {
      throw invalid(file, describe(error));
    }
    if (entries[0] !== manifestEntry) throw invalid(file, 'the manifest is missing');
    const manifest = parseManifest(
      file,
      await fs.promises.readFile(path.join(dir, manifestEntry), 'utf8'),
    );
    const expected = new Set([manifestEntry, ...manifest.tables.map((t) => t.file)]);
    for (const name of entries)
      if (!expected.has(name)) throw invalid(file, `${name} is not in the manifest`);
    for (const table of manifest.tables) {
      if (!entries.includes(table.file)) throw invalid(file, `${table.file} is missing`);
      const found = await checksum(path.join(dir, table.file)).catch((error: unknown) => {
        throw invalid(file, `${table.file}: ${describe(error)}`);
      });
      if (found.sha256 !== table.sha256 || found.bytes !== table.bytes || found.rows !== table.rows)
        throw invalid(
          file,
          `${table.file} does not match its checksum (${found.rows} rows, ${found.bytes} bytes; the manifest says ${table.rows} rows, ${table.bytes} bytes)`,
        );
    }
    return {
      manifest,
      lines: (table) => readLines(path.join(dir, table.file)),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

/** A backup's manifest, once every table of it has matched its checksum; else `backup_invalid`. */
export async function checkBackupFile(file: string): Promise<BackupManifest> {
  const opened = await openBackup(file);
  await opened.close();
  return opened.manifest;
}

async function checksum(file: string): Promise<{ sha256: string; bytes: number; rows: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  let rows = 0;
  for await (const chunk of fs.createReadStream(file).pipe(zlib.createGunzip())) {
    const buffer = chunk as Buffer;
    hash.update(buffer);
    bytes += buffer.length;
    for (let at = buffer.indexOf(10); at !== -1; at = buffer.indexOf(10, at + 1)) rows += 1;
  }
  return { sha256: hash.digest('hex'), bytes, rows };
}

async function* readLines(file: string): AsyncIterable<string> {
  const input = fs.createReadStream(file).pipe(zlib.createGunzip());
  yield* readline.createInterface({ input, crlfDelay: Infinity });
}

function describe(error: unknown): string {
  if (error instanceof UnpackError) return error.message;
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return 'damaged compressed data';
    return error.message;
  }
  return String(error);
}
