import { describe, expect, it } from 'vitest';
import { runLoadJob } from '../../src/worker/load-job.ts';
import { sampleHeapFlame } from '../samples.ts';

const cb = () => ({ signal: new AbortController().signal, onProgress: () => {} });

describe('load job', () => {
  it('keeps the sets when the analysis step fails, and says so', async () => {
    const inputs = [{ kind: 'file' as const, path: 'run/flame.src', file: new Blob([sampleHeapFlame()]) }];
    const { sets, warnings } = await runLoadJob(inputs, cb(), () => {
      throw new Error('boom');
    });
    expect(sets.map((s) => s.name)).toEqual(['run']);
    expect(sets[0]!.metrics.map((m) => m.metric)).toEqual(['bytes']);
    expect(warnings).toEqual(['the analysis of this load failed (boom); the profiles are shown without findings']);
  });

  it('reads .bzl and BUCK files as sources, not as profiles', async () => {
    const inputs = [
      { kind: 'file' as const, path: 'run/flame.src', file: new Blob([sampleHeapFlame()]) },
      { kind: 'file' as const, path: 'run/test.star.bzl', file: new Blob(['def f():\n    return 1\n']) },
    ];
    const { sets, warnings } = await runLoadJob(inputs, cb());
    expect(warnings).toEqual([]);
    expect(sets.flatMap((s) => s.files.map((f) => f.path))).toEqual(['run/flame.src']);
  });

  it('leaves out a README and C++ sources found in a dropped folder, and names them', async () => {
    const inputs = [
      { kind: 'file' as const, path: 'pkg/flame.src', file: new Blob([sampleHeapFlame()]) },
      { kind: 'file' as const, path: 'pkg/README.md', file: new Blob(['# notes\n']) },
      { kind: 'file' as const, path: 'pkg/src/main.cpp', file: new Blob(['int main() {}\n']) },
      { kind: 'file' as const, path: 'notes.md', file: new Blob(['module;list 8\n']) },
    ];
    const { sets, warnings } = await runLoadJob(inputs, cb());
    expect(sets.flatMap((s) => s.files.map((f) => f.path)).sort()).toEqual(['notes.md', 'pkg/flame.src']);
    expect(warnings).toEqual(["skipped 2 files that are not profiles (documentation, other languages' sources): pkg/README.md, pkg/src/main.cpp"]);
  });
});
