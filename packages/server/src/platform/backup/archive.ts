import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { extract, pack } from 'tar-stream';

/**
 * A backup is a plain tar (readable with `tar tf`) of files staged in a directory: the
 * manifest first, then the gzipped tables. Entries are written from files, sizes known.
 */
export async function packDirectory(
  dir: string,
  entries: string[],
  outFile: string,
): Promise<void> {
  const archive = pack();
  const written = pipeline(archive, fs.createWriteStream(outFile, { flags: 'wx' }));
  try {
    for (const name of entries) {
      const file = path.join(dir, name);
      const { size } = await fs.promises.stat(file);
      const entry = archive.entry({ name, size, mode: 0o600, mtime: new Date(0) });
      await pipeline(fs.createReadStream(file), entry);
    }
    archive.finalize();
  } catch (error) {
    archive.destroy(error as Error);
  }
  await written;
}

const safeEntryName = /^(manifest\.json|tables\/[a-z_][a-z0-9_]*\.ndjson\.gz)$/;

/**
 * Unpacks an archive into `dir`, refusing any entry a backup never holds (no path ever
 * leaves `dir`). Returns the entry names in archive order.
 */
export function unpackArchive(file: string, dir: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const names: string[] = [];
    const source = fs.createReadStream(file);
    const reader = extract();
    let current: fs.WriteStream | undefined;
    let failed = false;
    // Events, not async iteration: a file cut short errors the reader while an entry is
    // being written, and that entry's stream would never end.
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      current?.destroy();
      reader.destroy();
      source.destroy();
      reject(error);
    };
    reader.on('entry', (header, stream, next) => {
      const name = header.name;
      if (header.type !== 'file' || !safeEntryName.test(name)) {
        stream.resume();
        fail(new UnpackError(`unexpected entry "${name}"`));
        return;
      }
      const target = path.join(dir, name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const out = fs.createWriteStream(target, { flags: 'wx' });
      current = out;
      stream.on('error', fail);
      out.on('error', fail);
      out.on('finish', () => {
        names.push(name);
        next();
      });
      stream.pipe(out);
    });
    reader.on('finish', () => {
      if (!failed) resolve(names);
    });
    reader.on('error', fail);
    source.on('error', fail);
    source.pipe(reader);
  });
}

/** Reads only the manifest (the first entry) of an archive, for listing. */
export function readManifestEntry(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const source = fs.createReadStream(file);
    const reader = extract();
    let settled = false;
    const settle = (error: Error | null, text?: string) => {
      if (settled) return;
      settled = true;
      reader.destroy();
      source.destroy();
      if (error) reject(error);
      else resolve(text ?? '');
    };
    reader.on('entry', (header, stream) => {
      if (header.name !== 'manifest.json') {
        stream.resume();
        settle(new UnpackError('the manifest is not its first entry'));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: unknown) => chunks.push(chunk as Buffer));
      stream.on('error', (error: Error) => {
        settle(error);
      });
      stream.on('end', () => {
        settle(null, Buffer.concat(chunks).toString('utf8'));
      });
    });
    reader.on('finish', () => {
      settle(new UnpackError('the archive is empty'));
    });
    reader.on('error', (error: Error) => {
      settle(error);
    });
    source.on('error', (error: Error) => {
      settle(error);
    });
    source.pipe(reader);
  });
}

export class UnpackError extends Error {
  override name = 'UnpackError';
}
