// A .bzl loaded only for its constants has no frame in the profiles: the run gets it through the
// loads of the sources the profiles name, transitively, from the loader's own project.
import { describe, expect, it } from 'vitest';
import { withLoadedSources } from '../../src/analysis/loaded-sources.ts';
import { indexStarlarkSource, type SourceIndex } from '../../src/analysis/starlark-source.ts';

const FILES: Record<string, string> = {
  'app/BUCK': 'load("//defs:deps.bzl", "java_group")\njava_group(name = "a")\n',
  'app/defs/deps.bzl':
    'load(":settings.bzl", "S")\nload("@prelude//:rules.bzl", "r")\ndef java_group(name):\n    pass\n',
  'app/defs/settings.bzl': 'S = dict(buckets = 1 << 19)\n',
  'other/defs/settings.bzl': 'S = dict(buckets = 8)\n',
  'other/defs/deps.bzl': 'X = 1\n',
};

describe('sources loaded by a run’s sources', () => {
  it('follows load labels, rooted and beside the loader, into the loader’s project', () => {
    const all = Object.entries(FILES).map(([path, text]) => ({ path, text }));
    const indexed = new Map<string, SourceIndex>();
    const indexOf = (s: { path: string; text: string }) => {
      if (!indexed.has(s.path)) indexed.set(s.path, indexStarlarkSource(s.path, s.text));
      return indexed.get(s.path)!;
    };
    const run = withLoadedSources([indexOf(all[0]!)], all, indexOf);
    expect(run.map((s) => s.path)).toEqual(['app/BUCK', 'app/defs/deps.bzl', 'app/defs/settings.bzl']);
    // Only the files a label names were indexed.
    expect([...indexed.keys()].sort()).toEqual(['app/BUCK', 'app/defs/deps.bzl', 'app/defs/settings.bzl']);
  });
});
