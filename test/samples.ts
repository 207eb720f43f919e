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
