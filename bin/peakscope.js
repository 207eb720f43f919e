#!/usr/bin/env node
// `npx peakscope …`: runs the compiled CLI (build/cli/main.js, written by `npm ci`'s prepare
// step, tools/build-cli/build.mjs) so start-up costs no TypeScript compilation. When that bundle
// is missing or older than one of its sources (an edited checkout), tsx compiles src/cli/*.ts on
// the fly instead: slower, never stale.
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLE = join(ROOT, 'build', 'cli', 'main.js');

// A reader that quits early (`peakscope report x | head`) is not an error.
process.stdout.on('error', (e) => {
  if (e.code !== 'EPIPE') throw e;
});

/** True when the bundle exists and no file it was built from changed since. */
function bundleIsFresh() {
  try {
    const built = statSync(BUNDLE).mtimeMs;
    const inputs = JSON.parse(readFileSync(join(ROOT, 'build', 'cli', 'inputs.json'), 'utf8'));
    return inputs.every((input) => statSync(join(ROOT, input)).mtimeMs <= built);
  } catch {
    return false; // no bundle, or a source it lists is gone: compile from source
  }
}

async function loadMain() {
  if (process.env.PEAKSCOPE_FROM_SOURCE !== '1' && bundleIsFresh())
    return (await import(pathToFileURL(BUNDLE).href)).main;
  const { register } = await import('tsx/esm/api');
  register();
  return (await import('../src/cli/main.ts')).main;
}

try {
  const main = await loadMain();
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  // Only a broken install gets here: main() turns every other failure into one line itself.
  process.stderr.write(`peakscope: cannot start: ${String(e instanceof Error ? e.message : e).split('\n')[0]}\n`);
  process.exitCode = 2;
}
