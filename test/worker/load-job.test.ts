import { describe, expect, it } from 'vitest';
import { runLoadJob } from '../../src/worker/load-job.ts';
import { skippedNotice } from '../../src/worker/skipped.ts';
import { readGoldenBody } from '../golden.ts';

const cb = () => ({ signal: new AbortController().signal, onProgress: () => {} });

describe('load job', () => {
  it('keeps the sets when the analysis step fails, and says so', async () => {
    const inputs = [{ kind: 'file' as const, path: 'run/flame.src', file: new Blob([readGoldenBody('heap_flame_allocated.flame.golden')]) }];
    const { sets, warnings } = await runLoadJob(inputs, cb(), () => {
      throw new Error('boom');
    });
    expect(sets.map((s) => s.name)).toEqual(['run']);
    expect(sets[0]!.metrics.map((m) => m.metric)).toEqual(['bytes']);
    expect(warnings).toEqual(['the analysis of this load failed (boom); the profiles are shown without findings']);
  });

  it('reads .bzl and BUCK files as sources, not as profiles', async () => {
    const inputs = [
      { kind: 'file' as const, path: 'run/flame.src', file: new Blob([readGoldenBody('heap_flame_allocated.flame.golden')]) },
      { kind: 'file' as const, path: 'run/test.star.bzl', file: new Blob(['def f():\n    return 1\n']) },
    ];
    const { sets, warnings } = await runLoadJob(inputs, cb());
    expect(warnings).toEqual([]);
    expect(sets.flatMap((s) => s.files.map((f) => f.path))).toEqual(['run/flame.src']);
  });

  it('leaves out what a dropped folder holds besides profiles, by name and by content, and counts it once', async () => {
    const inputs = [
      { kind: 'file' as const, path: 'pkg/flame.src', file: new Blob([readGoldenBody('heap_flame_allocated.flame.golden')]) },
      { kind: 'file' as const, path: 'pkg/README.md', file: new Blob(['# notes\n']) },
      { kind: 'file' as const, path: 'pkg/src/main.cpp', file: new Blob(['int main() {}\n']) },
      { kind: 'file' as const, path: 'pkg/package.json', file: new Blob(['{\n  "name": "x"\n}\n']) },
      { kind: 'file' as const, path: 'pkg/docs/index.html', file: new Blob(['<!doctype html>\n<p>hi</p>\n']) },
      // A file dropped on its own is always read, and a broken profile in a folder is an error.
      { kind: 'file' as const, path: 'notes.md', file: new Blob(['module;list 8\n']) },
      { kind: 'file' as const, path: 'pkg/profile.csv', file: new Blob(['Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes\n"a",zz\n']) },
    ];
    const { sets, warnings, skipped } = await runLoadJob(inputs, cb());
    expect(sets.flatMap((s) => s.files.map((f) => f.path)).sort()).toEqual(['notes.md', 'pkg/flame.src', 'pkg/profile.csv']);
    expect(warnings).toEqual([]);
    expect(skipped).toEqual({ byName: 2, byContent: 2, examples: ['pkg/README.md', 'pkg/src/main.cpp', 'pkg/package.json'] });
    expect(skippedNotice(skipped)).toBe('skipped 4 files in the folder that are not profiles (2 by name, 2 by content): pkg/README.md, pkg/src/main.cpp, pkg/package.json, …');
  });

  it('hands back the sources it read, so they can join runs loaded before or after', async () => {
    const inputs = [{ kind: 'file' as const, path: 'src/BUCK', file: new Blob(['load(":defs.bzl", "f")\n']) }];
    const { sets, sources } = await runLoadJob(inputs, cb());
    expect(sets).toEqual([]);
    expect(sources).toEqual([{ path: 'src/BUCK', text: 'load(":defs.bzl", "f")\n' }]);
  });
});
