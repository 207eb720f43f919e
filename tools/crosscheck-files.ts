// Which test files read the upstream goldens in ../shared/starlark-golden: they form the
// cross-check (`npm run crosscheck`), and `npm test` leaves them out, so a clone with nothing
// beside it passes `npm test`. Decided from each file's text, so a new test that reads a golden
// joins the cross-check by itself.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A call that reads a golden: test/golden.ts's readers, its folder, or test/analysis/fixtures.ts's `golden.*()`. */
const READS_GOLDEN = /\breadGolden(?:Body)?\(|\bGOLDEN_DIR\b|\bgolden\.(?:source|statement|heapFlame)\(/;

function listTests(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) listTests(path, out);
    else if (/\.(test|e2e)\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

/** Repo-relative paths of the test files (`.test.ts` and `.e2e.ts`) under `test/` that read goldens. */
export function goldenTestFiles(root: string): string[] {
  return listTests(join(root, 'test'))
    .filter((path) => READS_GOLDEN.test(readFileSync(path, 'utf8')))
    .map((path) => relative(root, path))
    .sort();
}
