import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

describe('jijiao worker', () => {
  it('refuses the embedded database with a clear message, touching no data directory', () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-cli-worker-'));
    try {
      const result = runJijiao(['worker'], { dataDir });
      expect(result.status).toBe(1);
      expect(result.stderr).toContain('jijiao worker needs DATABASE_URL');
      expect(result.stderr).not.toContain('    at ');
      expect(fs.readdirSync(dataDir)).toEqual([]);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
