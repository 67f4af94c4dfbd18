// `npm run build`: the web app in two passes (ADR 0037). The first pass splits the code as
// Vite does by default and records which first views (vite.config.ts) load each module;
// the second builds dist/ with the modules of the same set of first views in one chunk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const root = import.meta.dirname;
// `--logLevel LEVEL`, as `vite build` takes it (npm start passes `warn`).
const at = process.argv.indexOf('--logLevel');
const logLevel = at >= 0 ? process.argv[at + 1] : undefined;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'jijiao-web-first-pass-'));
const recorded = path.join(scratch, 'first-view-modules.json');
try {
  process.env.JIJIAO_FIRST_VIEWS_RECORD = recorded;
  await build({ root, logLevel: 'warn', build: { outDir: path.join(scratch, 'dist') } });
  delete process.env.JIJIAO_FIRST_VIEWS_RECORD;
  process.env.JIJIAO_FIRST_VIEWS_GROUP = recorded;
  await build({ root, ...(logLevel ? { logLevel } : {}) });
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
