import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';
import { routePreloads, type FirstViews } from './vite-route-preloads';
import { firstViewChunks, firstViewStyles } from './vite-view-chunks';

/** What every signed-in page loads before its own module: the guard, messages and layout. */
const signedIn = [
  'src/session/SessionGuard.tsx',
  'src/i18n/zh-CN-console.ts',
  'src/layouts/AppLayout.tsx',
  'src/pages/home/RoleHome.tsx',
  // The session's schemas, which the shell imports once /me answers.
  'src/api/shell-schemas.ts',
];
/** An admin's home is on a wide screen, with the menu at the side. */
const adminHome = (page: string) => ({
  modules: [...signedIn, 'src/i18n/zh-CN-admin.ts', 'src/layouts/MainMenu.tsx', page],
  fetches: ['/api/v1/me'],
});

/**
 * The first views the server names in a page's HTML (ADR 0030): the public certificate
 * page, the sign-in page and each role's home. Their modules are also what the first-view
 * chunks gather (ADR 0037).
 */
const firstViews: FirstViews = {
  verify: {
    modules: ['src/pages/public/verify/index.tsx'],
    fetches: ['/api/v1/certificates/{serial}/verify'],
  },
  login: { modules: ['src/pages/auth/login/index.tsx'] },
  'home:learner': {
    modules: [...signedIn, 'src/pages/home/learner/index.tsx', 'src/pages/home/learner/reads.ts'],
    // The session, and the reads of pages/home/learner/reads.ts.
    fetches: [
      '/api/v1/me',
      '/api/v1/me/years',
      '/api/v1/me/years/{year}',
      '/api/v1/certificates/mine',
    ],
  },
  'home:unit_admin': adminHome('src/pages/home/unit-admin/index.tsx'),
  'home:reviewer': adminHome('src/pages/home/reviewer/index.tsx'),
  'home:host_admin': adminHome('src/pages/home/host-admin/index.tsx'),
  'home:province_admin': adminHome('src/pages/home/province-admin/index.tsx'),
  'home:system_admin': adminHome('src/pages/home/system-admin/index.tsx'),
};

/**
 * The server serves dist/ under a strict CSP (script-src 'self'): no inline scripts, no
 * CDN, no external fonts. JSX goes through Vite's built-in oxc transform.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [
    routePreloads(firstViews, {
      recordModulesTo: process.env.JIJIAO_FIRST_VIEWS_RECORD,
      ...(process.env.JIJIAO_FIRST_VIEWS_RECORD
        ? {}
        : { styles: () => firstViewStyles(import.meta.dirname) }),
    }),
    // The first pass of build.mjs only records; its files are thrown away uncompressed.
    ...(process.env.JIJIAO_FIRST_VIEWS_RECORD ? [] : [precompress()]),
  ],
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  preview: {
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // The contracts build their zod schemas at module level; building a schema has no effect
      // outside it, so a page that uses a module's constants (error codes, role permissions)
      // does not carry that module's schemas, nor zod when it parses nothing (ADR 0022).
      treeshake: {
        manualPureFunctions: ['z'],
        moduleSideEffects: [{ test: /node_modules[\\/]@rc-component[\\/]/, sideEffects: false }],
      },
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        // Libraries split along the pages that use them (ADR 0022): no antd or vendor
        // group, so a public page fetches only the components it renders.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            {
              // Charts load on demand (components/charts/echarts-core.ts, ADR 0019): never
              // with the shell or a page that draws none.
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/,
              priority: 25,
            },
            {
              // What the shell imports statically arrives in one file, not a dozen.
              name: 'shell',
              tags: ['$initial'],
              priority: 5,
            },
            {
              // The first views' modules in a chunk per set of views that use them.
              name: firstViewChunks(process.env.JIJIAO_FIRST_VIEWS_GROUP, import.meta.dirname),
              priority: 4,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 1500,
  },
});
