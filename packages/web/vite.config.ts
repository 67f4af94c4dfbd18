import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

/**
 * The server serves dist/ under a strict CSP (script-src 'self'): no inline scripts, no
 * CDN, no external fonts. JSX goes through Vite's built-in oxc transform.
 */
export default defineConfig({
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress()],
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
      treeshake: { manualPureFunctions: ['z'] },
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
          ],
        },
      },
    },
    chunkSizeWarningLimit: 1500,
  },
});
