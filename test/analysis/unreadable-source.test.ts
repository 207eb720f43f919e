// A Starlark file the indexer cannot read (a bug of ours, or input no grammar foresaw) must not
// stop the run: it stays, empty, with its reason, and `report` says which file and why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SourceIndexer } from '../../src/analysis/starlark-indexer.ts';
import { indexStarlarkSource, outlineOf } from '../../src/analysis/starlark-source.ts';
import { loadPaths } from '../../src/cli/load-paths.ts';
import { analyseReport } from '../../src/cli/report-analysis.ts';
import { REPO_ROOT } from '../samples.ts';

afterEach(() => vi.restoreAllMocks());

/** Makes the indexer throw for one file name, as a bug would. */
function breakIndexerFor(file: string): void {
  const run = SourceIndexer.prototype.run;
  vi.spyOn(SourceIndexer.prototype, 'run').mockImplementation(function (this: SourceIndexer) {
    const index = run.call(this);
    if (index.path.endsWith(file)) throw new TypeError('Cannot redefine property: rule');
    return index;
  });
}

describe('a source the indexer cannot read', () => {
  it('is an empty index that says why, and its outline carries the reason to the page', () => {
    breakIndexerFor('defs.bzl');
    const index = indexStarlarkSource('pkg/defs.bzl', 'def f():\n    return [1]\n');
    expect(index).toMatchObject({ path: 'pkg/defs.bzl', defs: [], statements: [] });
    expect(index.unreadable).toBe('Cannot redefine property: rule');
    expect(outlineOf(index).unreadable).toBe('Cannot redefine property: rule');
    expect(indexStarlarkSource('pkg/BUCK', 'x = 1\n').unreadable).toBeUndefined();
  });

  it('leaves the run analysed and is named in the report notes', async () => {
    breakIndexerFor('ports.bzl');
    const program = 'held4-hc-port-pool';
    const loaded = await loadPaths([
      `${REPO_ROOT}/samples/corpus/${program}`,
      `${REPO_ROOT}/samples/programs/corpus/${program}`,
    ]);
    const analysis = analyseReport(
      loaded.flatMap((a) => a.files),
      loaded.flatMap((a) => a.sources),
    );
    expect(analysis.runs[0]!.sources.some((p) => p.endsWith('build_defs/services.bzl'))).toBe(true);
    expect(
      analysis.notes.some((n) => /ports\.bzl could not be indexed \(Cannot redefine property: rule\)/.test(n)),
    ).toBe(true);
  });
});
