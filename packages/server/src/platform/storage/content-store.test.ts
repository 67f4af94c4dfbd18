import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContentStore, sha256Hex } from './content-store';

const dirs: string[] = [];
function store(): ContentStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-content-'));
  dirs.push(dir);
  return new ContentStore(dir, '.pdf');
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('ContentStore', () => {
  it('stores bytes once under their hash and reads a damaged file as missing', async () => {
    const s = store();
    const bytes = Buffer.from('%PDF-1.7 a certificate');
    const hash = await s.put(bytes);
    expect(hash).toBe(sha256Hex(bytes));
    expect(await s.put(bytes)).toBe(hash);
    expect(fs.readdirSync(path.dirname(s.pathOf(hash)))).toEqual([`${hash}.pdf`]);
    expect(await s.get(hash)).toEqual(bytes);
    fs.writeFileSync(s.pathOf(hash), 'damaged');
    expect(await s.get(hash)).toBeNull();
    await s.put(bytes);
    expect(await s.get(hash)).toEqual(bytes);
  });

  it('sweeps temporary files older than the bound and keeps newer ones and stored files', async () => {
    const s = store();
    const kept = await s.put(Buffer.from('kept'));
    const sub = path.join(s.dir, 'cd');
    fs.mkdirSync(sub, { recursive: true });
    const stale = path.join(sub, `${'cd'.repeat(32)}.pdf.aaaaaaaaaaaa.tmp`);
    const fresh = path.join(sub, `${'cd'.repeat(32)}.pdf.bbbbbbbbbbbb.tmp`);
    fs.writeFileSync(stale, 'half');
    fs.writeFileSync(fresh, 'being written');
    const old = new Date(Date.now() - 120_000);
    fs.utimesSync(stale, old, old);

    expect(await s.sweepTemporaries(new Date(Date.now() - 60_000))).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    expect(await s.get(kept)).not.toBeNull();
  });

  it('sweeps nothing when the store has never been written', async () => {
    const s = new ContentStore(path.join(os.tmpdir(), 'jijiao-content-never-made'), '.pdf');
    expect(await s.sweepTemporaries(new Date())).toBe(0);
  });
});
