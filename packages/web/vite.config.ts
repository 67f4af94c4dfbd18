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
      onwarn(warning, warn) {
        // antd marks its modules "use client" for React Server Components; meaningless here.
        if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
        warn(warning);
      },
      output: {
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            {
              // Charts load on demand (components/charts/echarts-core.ts, ADR 0019): never
              // with the start-up vendor chunk.
              name: 'echarts',
              test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/,
              priority: 25,
            },
          ],
        },
      },
    },
    chunkSizeWarningLimit: 1500,
  },
});
