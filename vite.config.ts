import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { goldenTestFiles } from './tools/crosscheck-files.ts';
import { cspPlugin } from './tools/csp-plugin.ts';
import { heapFlameWasmPlugin } from './tools/heap-flame-wasm-plugin.ts';
import { samplesPlugin } from './tools/samples-plugin.ts';
import { workerPrebootPlugin } from './tools/worker-preboot-plugin.ts';

// One config for the app build and the test projects: `unit` (node, fast) and `e2e` (node tests
// that serve the built dist/ with `vite preview` and drive Debian's Chromium) make `npm test`;
// `crosscheck` and `crosscheck-e2e` are the test files that read the upstream goldens in
// ../shared (`npm run crosscheck`, run by .ci/run where that folder exists).
const CROSSCHECK = goldenTestFiles(fileURLToPath(new URL('.', import.meta.url)));
const CROSSCHECK_UNIT = CROSSCHECK.filter((f) => f.endsWith('.test.ts'));
const CROSSCHECK_E2E = CROSSCHECK.filter((f) => f.endsWith('.e2e.ts'));
const E2E = { environment: 'node' as const, testTimeout: 60_000, hookTimeout: 120_000, fileParallelism: false };

export default defineConfig({
  // Relative asset paths so dist/ works from any sub-path of a static host.
  base: './',
  build: { target: 'es2022', sourcemap: false },
  // The worker's bundle carries the heap flame reader's WebAssembly as a file of its own (the
  // dev server and the tests, which apply `plugins` to the worker's modules, read the base64 one).
  worker: { format: 'es', plugins: () => [heapFlameWasmPlugin()] },
  // samples/ served at ./samples/ in dev and preview, copied with a manifest into dist/.
  // The Content-Security-Policy <meta> comes from tools/csp-plugin.ts (docs/reliability.md).
  plugins: [
    cspPlugin(),
    samplesPlugin(fileURLToPath(new URL('./samples', import.meta.url))),
    workerPrebootPlugin(),
    heapFlameWasmPlugin(),
  ],
  // Pre-bundle what the worker and lazily reached modules import, so the dev server does not
  // discover them after the first load and reload the page (aborting the sample's requests).
  optimizeDeps: { include: ['d3', 'd3-flame-graph', 'papaparse', 'fflate', 'fzstd', '@lezer/python', '@lezer/common'] },
  test: {
    setupFiles: ['test/setup.ts'],
    // .ci/run asks for a JSON report (PEAKSCOPE_VITEST_JSON=1, or the file to write) to print the
    // `N passed, N failed` line CI reads.
    reporters: process.env.PEAKSCOPE_VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: {
      json:
        process.env.PEAKSCOPE_VITEST_JSON && process.env.PEAKSCOPE_VITEST_JSON !== '1'
          ? process.env.PEAKSCOPE_VITEST_JSON
          : '.vitest-results.json',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...CROSSCHECK_UNIT],
        },
      },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.e2e.ts'], exclude: CROSSCHECK_E2E, ...E2E } },
      {
        extends: true,
        test: {
          name: 'crosscheck',
          environment: 'node',
          include: CROSSCHECK_UNIT.length > 0 ? CROSSCHECK_UNIT : ['none'],
        },
      },
      {
        extends: true,
        test: { name: 'crosscheck-e2e', include: CROSSCHECK_E2E.length > 0 ? CROSSCHECK_E2E : ['none'], ...E2E },
      },
    ],
  },
});
