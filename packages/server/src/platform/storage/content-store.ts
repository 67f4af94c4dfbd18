import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** sha256 of bytes, lower-case hex: a stored file's name. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const hexName = /^[0-9a-f]{64}$/;

/**
 * Files named by the sha256 of their bytes, under `<dir>/<first two hex>/<hash><ext>`.
 * Writing the same bytes twice leaves one file (the name is the content), and a write is a
 * rename of a finished temporary file, so a process killed mid-write leaves no half file
 * under a hash name. Reading checks the hash: a damaged file reads as missing.
 */
export class ContentStore {
  constructor(
    readonly dir: string,
    private readonly extension: string,
  ) {}

  pathOf(sha256: string): string {
    if (!hexName.test(sha256)) throw new Error('not a sha256');
    return path.join(this.dir, sha256.slice(0, 2), `${sha256}${this.extension}`);
  }

  /** Stores the bytes (once) and answers their hash. */
  async put(bytes: Uint8Array, sha256 = sha256Hex(bytes)): Promise<string> {
    const target = this.pathOf(sha256);
    // Kept when already there and whole; a damaged file is replaced.
    if ((await this.get(sha256)) !== null) return sha256;
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await fs.writeFile(temporary, bytes);
    await fs.rename(temporary, target);
    return sha256;
  }

  /**
   * Removes temporary files older than `before`: what writes cut short by a crash left
   * behind (a write renames its temporary file within milliseconds, so an old one has no
   * writer). Answers how many were removed.
   */
  async sweepTemporaries(before: Date): Promise<number> {
    let names: string[];
    try {
      names = await fs.readdir(this.dir, { recursive: true, encoding: 'utf8' });
    } catch {
      return 0;
    }
    let removed = 0;
    for (const name of names) {
      if (!name.endsWith('.tmp')) continue;
      const file = path.join(this.dir, name);
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile() || stat.mtime >= before) continue;
      await fs.rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** The stored bytes, or null when the file is missing or no longer has this hash. */
  async get(sha256: string): Promise<Buffer | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.pathOf(sha256));
    } catch {
      return null;
    }
    return sha256Hex(bytes) === sha256 ? bytes : null;
  }
}
