import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { acquireDataDirLock } from './data-dir-lock';

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-lock-'));
}

describe('acquireDataDirLock', () => {
  it('refuses a data directory held by another live process, saying what to do', () => {
    const dir = tempDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(
        path.join(dir, 'jijiao.lock'),
        JSON.stringify({ pid: holder.pid, command: 'jijiao start', startedAt: 'now' }),
      );
      let error: unknown;
      try {
        acquireDataDirLock(dir, 'jijiao migrate');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('database_locked');
      expect((error as AppError).message).toContain(`process ${String(holder.pid)}`);
      expect((error as AppError).message).toContain('DATABASE_URL');
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a dead process, and releases it', () => {
    const dir = tempDir();
    fs.writeFileSync(
      path.join(dir, 'jijiao.lock'),
      JSON.stringify({ pid: 2 ** 22 + 17, command: 'old', startedAt: 'then' }),
    );
    const lock = acquireDataDirLock(dir, 'jijiao start');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'jijiao.lock'), 'utf8'))).toMatchObject({
      pid: process.pid,
    });
    lock.release();
    expect(fs.existsSync(path.join(dir, 'jijiao.lock'))).toBe(false);
  });
});
