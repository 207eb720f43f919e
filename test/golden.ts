// Access to the upstream profiler goldens in ../shared/starlark-golden (never copied into
// the repo) and to our own samples.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const GOLDEN_DIR = join(REPO_ROOT, '..', 'shared', 'starlark-golden');
export const SAMPLES_DIR = join(REPO_ROOT, 'samples');

/** A golden file as upstream wrote it, `# @generated` header included. */
export function readGolden(name: string): string {
  return readFileSync(join(GOLDEN_DIR, name), 'utf8');
}

/** A golden with its 6-line test header removed, as a real profiler output would be. */
export function readGoldenBody(name: string): string {
  return readGolden(name).replace(/^(#[^\n]*\n)+\n/, '');
}
