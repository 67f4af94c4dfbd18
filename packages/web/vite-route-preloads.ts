import fs from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/**
 * A first view, by name: the lazily loaded modules it renders (paths from the web root),
 * and the API reads it starts with (`{year}`: the current credit year, filled in by the
 * server).
 */
export type FirstViews = Readonly<
  Record<string, { modules: readonly string[]; fetches?: readonly string[] }>
>;

/** Where the build writes, for the server, the files each first view needs. */
export const routePreloadsFile = 'route-preloads.json';

interface ChunkLike {
  type: 'chunk';
  fileName: string;
  isEntry: boolean;
  imports: readonly string[];
  moduleIds: readonly string[];
}

/** `start` and every chunk it imports statically, transitively. */
function closure(start: string, byFile: ReadonlyMap<string, ChunkLike>): Set<string> {
  const seen = new Set<string>();
  const next = [start];
  while (next.length > 0) {
    const file = next.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    next.push(...(byFile.get(file)?.imports ?? []));
  }
  return seen;
}

/**
 * Writes `route-preloads.json`: for each first view (the certificate page, the sign-in page,
 * each role's home), the chunks it loads beyond what index.html already names, and the API
 * reads it starts with. The server names them in the page's HTML as `modulepreload` and
 * `preload` links (ADR 0030), so a phone fetches them while the shell downloads instead of
 * discovering them one after another once the shell has run. A listed module the build does
 * not produce fails the build: the list can not silently go stale.
 */
export function routePreloads(
  views: FirstViews,
  {
    recordModulesTo,
    styles,
  }: {
    /** The first pass of build.mjs: where to record which views load each module (ADR 0037). */
    recordModulesTo?: string;
    /** Each view's pre-rendered antd styles (first-view-styles.tsx, ADR 0037). */
    styles?: () => Readonly<Record<string, string>>;
  } = {},
): Plugin {
  let root = '';
  let base = '/';
  return {
    name: 'jijiao-route-preloads',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      base = config.base;
    },
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter(
        (output): output is typeof output & ChunkLike => output.type === 'chunk',
      );
      const byFile = new Map<string, ChunkLike>(chunks.map((chunk) => [chunk.fileName, chunk]));
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (entry === undefined) throw new Error('route preloads: the build has no entry chunk');
      const inShell = closure(entry.fileName, byFile);
      const preloads: Record<string, { modules: string[]; fetches: string[]; styles?: string[] }> =
        {};
      const cssOf = styles?.() ?? {};
      /** Module (path from the web root) → the first views that load it beyond the shell. */
      const viewsOfModule = new Map<string, string[]>();
      for (const [view, { modules, fetches = [] }] of Object.entries(views)) {
        const files = new Set<string>();
        for (const module of modules) {
          const id = path.resolve(root, module);
          const chunk = chunks.find((c) => c.moduleIds.includes(id));
          if (chunk === undefined)
            throw new Error(`route preloads: ${view} names ${module}, which no chunk contains`);
          for (const file of closure(chunk.fileName, byFile))
            if (!inShell.has(file)) files.add(file);
        }
        for (const file of files)
          for (const id of byFile.get(file)?.moduleIds ?? []) {
            const module = path.relative(root, id).split(path.sep).join('/');
            viewsOfModule.set(module, [...(viewsOfModule.get(module) ?? []), view]);
          }
        preloads[view] = {
          modules: [...files].sort().map((file) => `${base}${file}`),
          fetches: [...fetches],
        };
        const css = cssOf[view];
        if (css !== undefined) {
          const ref = this.emitFile({
            type: 'asset',
            name: `first-view-${view.replace(/[^a-z0-9]+/gi, '-')}.css`,
            source: css,
          });
          preloads[view].styles = [`${base}${this.getFileName(ref)}`];
        }
      }
      this.emitFile({
        type: 'asset',
        fileName: routePreloadsFile,
        source: `${JSON.stringify(preloads, null, 2)}\n`,
      });
      if (recordModulesTo !== undefined)
        fs.writeFileSync(
          recordModulesTo,
          `${JSON.stringify(Object.fromEntries([...viewsOfModule].sort()), null, 1)}\n`,
        );
    },
  };
}
