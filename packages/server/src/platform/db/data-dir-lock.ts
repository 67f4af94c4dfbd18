import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error';

interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(lockPath: string): LockInfo | undefined {
  try {
    return JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
  } catch {
    return undefined;
  }
}

export interface DataDirLock {
  release(): void;
}

/**
 * PGlite is one process's database. Before opening a data directory we take an exclusive
 * lock file in it; a second process (a CLI command while the server runs) is refused with
 * a message that says what to do. A lock left by a dead process is taken over.
 */
export function acquireDataDirLock(dir: string, command: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, 'jijiao.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockPath, 'wx', 0o600);
      const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
      fs.writeSync(fd, JSON.stringify(info));
      fs.closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          if (readLock(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(lockPath);
      if (holder && holder.pid !== process.pid && isAlive(holder.pid)) {
        throw new AppError(
          'database_locked',
          `The embedded database in ${dir} is in use by process ${holder.pid} (${holder.command}, since ${holder.startedAt}). ` +
            'Stop that process first (Ctrl+C in its terminal), or run both against a PostgreSQL server by setting DATABASE_URL.',
          { pid: holder.pid, dataDir: dir },
        );
      }
      if (holder?.pid === process.pid) {
        throw new AppError(
          'database_locked',
          `The embedded database in ${dir} is already open in this process.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new AppError('database_locked', `Could not lock the data directory ${dir}.`);
}
