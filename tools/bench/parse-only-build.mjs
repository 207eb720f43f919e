// Bundles the parse-only harness worker from src/ (the same code the app's worker runs) into
// `outDir`/parse-only-worker.js, for run.mjs and parse-ab.mjs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

export async function buildParseOnlyWorker(outDir) {
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      lib: {
        entry: join(HERE, 'harness', 'parse-only-worker.ts'),
        formats: ['es'],
        fileName: () => 'parse-only-worker.js',
      },
      outDir,
      emptyOutDir: false,
      copyPublicDir: false,
      target: 'es2022',
    },
  });
}
