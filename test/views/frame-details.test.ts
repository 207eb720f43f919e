import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { formatNumber, formatValue } from '../../src/model/units.ts';
import { describeWeight, frameDetails, mergedDetails, selfWeight, typeMix, type FrameContext } from '../../src/views/frame-details.ts';
import { fileOfFrame, packageOfFrame } from '../../src/views/frame-colors.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { allocationWeights } from '../../src/worker/assemble.ts';
import { readGoldenBody } from '../golden.ts';

function context(): FrameContext {
  const flame = parseText('f', readGoldenBody('heap_flame_allocated.flame.golden')).profile;
  const summary = parseText('s', readGoldenBody('heap_summary_allocated.csv.golden')).profile;
  if (flame?.format !== 'heap-flame' || summary?.format !== 'heap-summary') throw new Error('formats');
  const rows = new Map(computeFunctionTable(flame.tree, summary).map((r) => [r.name, r]));
  return {
    tree: flame.tree, weights: flame.tree.total, unit: 'bytes',
    allocs: allocationWeights(flame.tree, summary).total, functionRow: (n) => rows.get(n) ?? null,
  };
}

describe('frame details', () => {
  const ctx = context();
  const test = nodeAtPath(ctx.tree, ['module', 'test.star.test']).node;

  it('gives name, file, bytes, shares, self, allocations, calls and type mix as text', () => {
    expect(frameDetails(ctx, test)).toEqual([
      'test.star.test',
      'file: test.star',
      '2.94 KiB (3,008 bytes)',
      '99.2% of total, 99.5% of parent',
      'self: 1.22 KiB (1,248 bytes)',
      'allocations: ≈376 on this stack',
      'function (summary CSV): 156 allocations, made 20 calls',
      'bytes per call made: 150 B',
      'types: array 38.5%, list 30.8%, dict 15.4%, tuple 15.4%',
    ]);
    expect(selfWeight(ctx, test)).toBe(1248);
    expect(typeMix(ctx, test, 2)).toBe('array 38.5%, list 30.8%, 2 more');
  });

  it('describes a type leaf by who allocated it', () => {
    const dict = nodeAtPath(ctx.tree, ['module', 'test.star.test', 'test.star.inner', 'dict']).node;
    expect(frameDetails(ctx, dict).slice(0, 2)).toEqual(['dict', 'value type, allocated directly by test.star.inner']);
    const range = nodeAtPath(ctx.tree, ['range']).node;
    expect(frameDetails(ctx, range)[1]).toBe('value type, allocated directly by the module (no function)');
  });

  it('describes a merged node with its count, weight and click target', () => {
    expect(mergedDetails(ctx, { kind: 'small', count: 3 }, 24, test)).toEqual([
      '3 small frames', '24 B (24 bytes), 0.8% of total', 'each narrower than a pixel at this zoom', 'click to zoom into the largest: test.star.test',
    ]);
    expect(mergedDetails(ctx, { kind: 'deeper', count: 1 }, 3008, test)[2]).toBe('stacks go deeper than the levels drawn');
    expect(mergedDetails(ctx, { kind: 'above', count: 40 }, 3008, test)).toEqual(['40 levels above', 'ancestors of the zoomed frame, folded', 'click to zoom out to test.star.test']);
  });
});

describe('exact numbers', () => {
  it('read as toLocaleString(en-US) does, from one shared formatter', () => {
    for (const n of [0, 7, -1234, 999.5, 1234.5678, 1e6, 2 ** 53 - 1, -0.25, NaN, Infinity]) expect(formatNumber(n)).toBe(n.toLocaleString('en-US'));
    expect(describeWeight(1234567.4, 'bytes')).toBe('1.18 MiB (1,234,567 bytes)');
    expect(formatValue(1234567, 'count')).toBe('1,234,567');
  });
});

describe('frame colours', () => {
  it('reads the file and package out of Buck2 frame names', () => {
    expect(fileOfFrame('prelude/cxx/cxx.bzl.cxx_library')).toBe('prelude/cxx/cxx.bzl');
    expect(packageOfFrame('prelude/cxx/cxx.bzl.cxx_library')).toBe('prelude/cxx');
    expect(packageOfFrame('defs.bzl.f')).toBe('//');
    expect(fileOfFrame('module')).toBe('');
  });
});
