import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { cspPlugin } from './tools/csp-plugin.ts';
import { samplesPlugin } from './tools/samples-plugin.ts';
import { workerPrebootPlugin } from './tools/worker-preboot-plugin.ts';

// One config for the app build and both test projects: `unit` (node, fast) and `e2e`
// (node tests that serve the built dist/ with `vite preview` and drive Debian's Chromium).
export default defineConfig({
  // Relative asset paths so dist/ works from any sub-path of a static host.
  base: './',
  build: { target: 'es2022', sourcemap: false },
  worker: { format: 'es' },
  // samples/ served at ./samples/ in dev and preview, copied with a manifest into dist/.
  // The Content-Security-Policy <meta> comes from tools/csp-plugin.ts (docs/reliability.md).
  plugins: [cspPlugin(), samplesPlugin(fileURLToPath(new URL('./samples', import.meta.url))), workerPrebootPlugin()],
  // Pre-bundle what the worker and lazily reached modules import, so the dev server does not
  // discover them after the first load and reload the page (aborting the sample's requests).
  optimizeDeps: { include: ['d3', 'd3-flame-graph', 'papaparse', 'fflate', 'fzstd', '@lezer/python', '@lezer/common'] },
  test: {
    // .ci/run asks for a JSON report to print the `N passed, N failed` line CI reads.
    reporters: process.env.PEAKSCOPE_VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: { json: '.vitest-results.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['test/e2e/**/*.e2e.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
