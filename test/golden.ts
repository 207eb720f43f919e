// The upstream profiler goldens in ../shared/starlark-golden (never copied into the repo): read
// only by the cross-check (`npm run crosscheck`, test/crosscheck/), never by `npm test`.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './samples.ts';

export { REPO_ROOT, SAMPLES_DIR } from './samples.ts';
export const GOLDEN_DIR = join(REPO_ROOT, '..', 'shared', 'starlark-golden');

/** True where the goldens are beside the clone (the workspace and CI, not a lone clone). */
export const HAVE_GOLDENS = existsSync(GOLDEN_DIR);

/** A golden file as upstream wrote it, `# @generated` header included. */
export function readGolden(name: string): string {
  return readFileSync(join(GOLDEN_DIR, name), 'utf8');
}

/** A golden with its 6-line test header removed, as a real profiler output would be. */
export function readGoldenBody(name: string): string {
  return readGolden(name).replace(/^(#[^\n]*\n)+\n/, '');
}
