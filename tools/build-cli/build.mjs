// Compiles the CLI (src/cli/main.ts and everything it imports) into one ES module,
// build/cli/main.js, so `npx peakscope` starts without compiling TypeScript at every run.
// `npm ci` runs this through the `prepare` script. bin/peakscope.js falls back to compiling
// src/ on the fly (tsx) when the bundle is missing or older than any of its inputs, which
// build/cli/inputs.json lists.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'build', 'cli');

const result = await build({
  absWorkingDir: root,
  entryPoints: ['src/cli/main.ts'],
  outfile: join(outDir, 'main.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Vite is only needed by `open` to build dist/ when it is missing: load it from node_modules then.
  external: ['vite'],
  metafile: true,
  logLevel: 'warning',
});
// Repo-relative paths of every file the bundle was made from, for the staleness check.
const inputs = Object.keys(result.metafile.inputs).filter((p) => !p.startsWith('node_modules/'));
writeFileSync(join(outDir, 'inputs.json'), `${JSON.stringify(inputs)}\n`);
