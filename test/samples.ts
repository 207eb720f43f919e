// Our own real profiles in samples/ (made by the real engines, see samples/README.md): what every
// `npm test` test reads. The upstream goldens in ../shared are for `npm run crosscheck` only
// (test/golden.ts), so a clone with nothing beside it passes `npm test`.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');

/** A file under samples/, as text: `readSample('loop-invariant-call/before/statement/profile.csv')`. */
export function readSample(relativePath: string): string {
  return readFileSync(join(SAMPLES_DIR, relativePath), 'utf8');
}

/**
 * Small real profiles that tests use as fixtures: one run of our loop-invariant-call program
 * (samples/programs/loop-invariant-call/before) under the real profiler. Its heap flame has a
 * root-level stack (`range`), `module`, and a function calling a function:
 * `module;defs.bzl.cxx_libraries;defs.bzl.platform_flag_table;dict`.
 */
export const SAMPLE_RUN = 'loop-invariant-call/before';
export const sampleHeapFlame = () => readSample(`${SAMPLE_RUN}/heap-flame-allocated/flame.src`);
export const sampleHeapSummary = () => readSample(`${SAMPLE_RUN}/heap-summary-allocated/profile.csv`);
export const sampleTimeFlame = () => readSample(`${SAMPLE_RUN}/time-flame/flame.src`);
export const sampleStatements = () => readSample(`${SAMPLE_RUN}/statement/profile.csv`);

/**
 * A real heap flame whose inner function is a large but not overwhelming share (44%), so a
 * click on it visibly widens it: `module;macros/defs.bzl.generated_libraries;
 * macros/defs.bzl.make_target;<type>` from samples/materialize-then-process/before.
 */
export const sampleBalancedHeapFlame = () =>
  readSample('materialize-then-process/before/heap-flame-allocated/flame.src');
