import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { firstViewChunks } from '../../vite-view-chunks';

const dirs: string[] = [];
function recorded(map: Record<string, string[]>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-view-chunks-'));
  dirs.push(dir);
  const file = path.join(dir, 'first-view-modules.json');
  fs.writeFileSync(file, JSON.stringify(map));
  return file;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('firstViewChunks (ADR 0037)', () => {
  const root = '/app/web';

  it('names a module after the set of first views that load it', () => {
    const name = firstViewChunks(
      recorded({
        'src/a.tsx': ['verify', 'login', 'home:learner'],
        'src/b.tsx': ['home:learner'],
        '../../node_modules/antd/es/tag/index.js': ['login', 'home:learner'],
        'src/c.tsx': ['verify'],
      }),
      root,
    );
    expect(name('/app/web/src/a.tsx')).toBe('views-all');
    expect(name('/app/web/src/b.tsx')).toBe('views-learner');
    expect(name('/node_modules/antd/es/tag/index.js')).toBe('views-login_learner');
    expect(name('/app/web/src/c.tsx')).toBe('views-verify');
  });

  it('leaves a module no first view loads to the default splitting', () => {
    const name = firstViewChunks(recorded({ 'src/a.tsx': ['verify'] }), root);
    expect(name('/app/web/src/pages/statistics/index.tsx')).toBeNull();
  });

  it('groups nothing without the first pass (a plain `vite build`)', () => {
    expect(firstViewChunks(undefined, root)('/app/web/src/a.tsx')).toBeNull();
    expect(
      firstViewChunks('/nonexistent/first-view-modules.json', root)('/app/web/src/a.tsx'),
    ).toBeNull();
  });
});
