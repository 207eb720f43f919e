// The pprof export read back: every Buck2 heap flame of samples/ (and a time flame, and Bazel's
// own profiles) gives the same tree, node kinds and totals after export and import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeTotals } from '../../src/analysis/totals.ts';
import { parseBytes } from '../../src/formats/parse-file.ts';
import { profileAsPprof, type TreeProfile } from '../../src/formats/pprof-encode.ts';
import { describeTree } from '../../src/model/call-tree.ts';
import type { PprofProfile } from '../../src/model/profile.ts';
import { SAMPLES_DIR } from '../golden.ts';
import { findSamples } from './parse-as.ts';

function load(path: string): TreeProfile {
  const parsed = parseBytes(path, new Uint8Array(readFileSync(join(SAMPLES_DIR, path))));
  expect(parsed.error).toBeNull();
  return parsed.profile as TreeProfile;
}

function roundTrip(profile: TreeProfile, heap: 'allocated' | 'retained' = 'allocated'): PprofProfile {
  const back = parseBytes('export.pb.gz', profileAsPprof(profile, heap, 'test'));
  expect(back.error).toBeNull();
  expect(back.diagnostics).toEqual([]);
  expect(back.profile?.format).toBe('pprof');
  return back.profile as PprofProfile;
}

/** Buck2 writes `empty 1` for an empty flame: that one has no tree to export. */
const hasTree = (path: string) => (load(path) as { format: string }).format !== 'empty';
const heapFlames = findSamples('/flame.src').filter(
  (p) => /\/heap-(flame-)?(allocated|retained)\//.test(p) && hasTree(p),
);

describe('pprof export → import', () => {
  it('finds the Buck2 heap flame samples', () => {
    expect(heapFlames.length).toBeGreaterThanOrEqual(10);
  });

  it.each(heapFlames)('%s keeps its stacks, type leaves and total', (path) => {
    const flame = load(path);
    const retained = path.includes('-retained/');
    const back = roundTrip(flame, retained ? 'retained' : 'allocated');
    expect(describeTree(back.tree)).toEqual(describeTree(flame.tree));
    expect([...back.tree.kind]).toEqual([...flame.tree.kind]);
    expect(back.quantity).toBe(retained ? 'retained-bytes' : 'allocated-bytes');
    expect((computeTotals(back) as { bytes: number }).bytes).toBe(flame.tree.total[0]);
  });

  it('keeps 0-byte stacks and root-level bytes', () => {
    const flame = parseBytes(
      'x.src',
      new TextEncoder().encode('(unknown) 16\nmodule;a.bzl.f;dict 0\nmodule;a.bzl.g;list 8\nrange 8\n'),
    ).profile as TreeProfile;
    const back = roundTrip(flame);
    expect(describeTree(back.tree)).toEqual(describeTree(flame.tree));
    expect(back.tree.total[0]).toBe(32);
  });

  it('a time flame comes back in milliseconds', () => {
    const [path] = findSamples('/time-flame/flame.src').filter(hasTree);
    const flame = load(path!);
    const back = roundTrip(flame);
    expect(back.sampleType).toEqual({ type: 'time', unit: 'milliseconds' });
    expect(describeTree(back.tree)).toEqual(describeTree(flame.tree));
    expect((computeTotals(back) as { milliseconds: number }).milliseconds).toBe(flame.tree.total[0]);
  });

  it.each(['bazel/cpu.pprof.gz', 'bazel/memory.pprof.gz', 'starlark-go/wall.pprof.gz'])(
    '%s keeps its sample type, paths, phases and tree',
    (path) => {
      const profile = load(path) as PprofProfile;
      const back = roundTrip(profile);
      expect(back.sampleType).toEqual(profile.sampleType);
      expect(back.producer).toBe(profile.producer);
      expect(describeTree(back.tree)).toEqual(describeTree(profile.tree));
      const paths = (p: PprofProfile) => new Map(p.tree.names.map((name, id) => [name, p.frames[id]?.path ?? null]));
      expect(paths(back)).toEqual(paths(profile));
      // One sample per stack now: the count of samples is the only figure that changes.
      expect({ ...computeTotals(back), samples: 0 }).toEqual({ ...computeTotals(profile), samples: 0 });
    },
  );
});
