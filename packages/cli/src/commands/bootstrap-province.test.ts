import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJijiao } from '../../test/run-jijiao';

// Input errors stop before any database is opened: exit 2, the option named, nothing written.
describe('jijiao bootstrap refuses bad input, naming the option', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-bootstrap-'));
  const run = (args: string[]) => runJijiao(['bootstrap', ...args], { dataDir, timeoutMs: 60_000 });

  it.each([
    [
      ['--province', '4300', '--name', '湖南省卫生健康委员会'],
      '--province: a 6-digit province code',
    ],
    [
      ['--province', '431000', '--name', '湖南省卫生健康委员会'],
      '--province: a 6-digit province code',
    ],
    [['--province', '430000', '--name', '   '], '--name: 1 to 100 characters'],
    [['--province', '430000', '--name', '委'.repeat(101)], '--name: 1 to 100 characters'],
    [['--province', '430000', '--name', '湖南省', '--username', 'a b'], '--username: '],
    [['--province', '430000', '--name', '湖南省', '--display-name', ''], '--display-name: '],
  ])('%j', (args, message) => {
    const result = run(args);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(message);
    expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
  });
});
