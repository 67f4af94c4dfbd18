import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * The name function of the code-splitting group that gathers the first views' modules into
 * a few chunks (ADR 0037).
 *
 * Left to itself the splitter cuts a chunk for every combination of the app's ~80 lazy
 * pages that shares a module, so the learner's home fetched 60 files, most of 0.1–2 kB;
 * over HTTP/1.1 on a phone (six connections, 150 ms a round trip) their round trips, not
 * their bytes, decided when the page showed. The build therefore runs twice
 * (`build.mjs`): the first pass splits as usual and records, for every module a first view
 * (the certificate page, the sign-in page, each role's home) loads beyond the shell, which
 * first views load it (`routePreloads`' `recordModulesTo`); the second pass puts the
 * modules loaded by the same set of first views into one chunk named after that set.
 * That record is taken after tree-shaking, so a library's barrel (`antd`, the icons) does
 * not drag in what no view renders. A first view loads exactly the code it loaded before,
 * in fewer files; a module no first view loads keeps the default splitting.
 *
 * `recorded`: the first pass's file; when absent (a plain `vite build`) nothing is grouped.
 */
export function firstViewChunks(
  recorded: string | undefined,
  root: string,
): (moduleId: string) => string | null {
  if (recorded === undefined || !fs.existsSync(recorded)) return () => null;
  const viewsOf = JSON.parse(fs.readFileSync(recorded, 'utf8')) as Record<string, string[]>;
  const everyView = new Set(Object.values(viewsOf).flat());
  const chunkOf = new Map(
    Object.entries(viewsOf).map(([module, views]) => [
      path.resolve(root, module),
      views.length === everyView.size
        ? 'views-all'
        : `views-${views.map((view) => view.replace(/^home:/, '').replace(/[^a-z0-9]+/gi, '-')).join('_')}`,
    ]),
  );
  return (moduleId) => chunkOf.get(moduleId) ?? null;
}

/**
 * The antd styles the phone's first views render, as {view: css}: `first-view-styles.tsx`
 * run in a child Node (NODE_ENV=production, as the class hashes are the production
 * build's). Served as each view's stylesheet, they spare the phone generating them.
 */
export function firstViewStyles(root: string): Record<string, string> {
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'first-view-styles.tsx'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', TSX_TSCONFIG_PATH: 'tsconfig.json' },
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Record<string, string>;
}
