import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { formatNumber, formatValue } from '../../src/model/units.ts';
import {
  describeWeight,
  frameDetails,
  mergedDetails,
  selfWeight,
  typeMix,
  type FrameContext,
} from '../../src/views/frame-details.ts';
import { fileOfFrame, packageOfFrame } from '../../src/views/frame-colors.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { allocationWeights } from '../../src/worker/assemble.ts';
import { sampleHeapFlame, sampleHeapSummary } from '../samples.ts';

function context(): FrameContext {
  const flame = parseText('f', sampleHeapFlame()).profile;
  const summary = parseText('s', sampleHeapSummary()).profile;
  if (flame?.format !== 'heap-flame' || summary?.format !== 'heap-summary') throw new Error('formats');
  const rows = new Map(computeFunctionTable(flame.tree, summary).map((r) => [r.name, r]));
  return {
    tree: flame.tree,
    weights: flame.tree.total,
    unit: 'bytes',
    allocs: allocationWeights(flame.tree, summary).total,
    functionRow: (n) => rows.get(n) ?? null,
  };
}

describe('frame details', () => {
  const ctx = context();
  const test = nodeAtPath(ctx.tree, ['module', 'defs.bzl.cxx_libraries']).node;

  it('gives name, file, bytes, shares, self, allocations, calls and type mix as text', () => {
    expect(frameDetails(ctx, test)).toEqual([
      'defs.bzl.cxx_libraries',
      'file: defs.bzl',
      '31.7 MiB (33,196,800 bytes)',
      '100% of total, 100% of parent',
      'self: 71.9 KiB (73,600 bytes)',
      'allocations: ≈841,000 on this stack',
      'function (summary CSV): 800 allocations, made 200 calls',
      'bytes per call made: 162 KiB',
      'types: dict 78.3%, string 8.7%, array 8.7%, list 4.3%',
    ]);
    expect(selfWeight(ctx, test)).toBe(73600);
    expect(typeMix(ctx, test, 2)).toBe('dict 78.3%, string 8.7%, 2 more');
  });

  it('describes a type leaf by who allocated it', () => {
    const dict = nodeAtPath(ctx.tree, [
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
      'dict',
    ]).node;
    expect(frameDetails(ctx, dict).slice(0, 2)).toEqual([
      'dict',
      'value type, allocated directly by defs.bzl.platform_flag_table',
    ]);
    const range = nodeAtPath(ctx.tree, ['range']).node;
    expect(frameDetails(ctx, range)[1]).toBe('value type, allocated directly by the module (no function)');
  });

  it('describes a merged node with its count, weight and click target', () => {
    expect(mergedDetails(ctx, { kind: 'small', count: 3 }, 73600, test)).toEqual([
      '3 small frames',
      '71.9 KiB (73,600 bytes), 0.2% of total',
      'each narrower than a pixel at this zoom',
      'click to zoom into the largest: defs.bzl.cxx_libraries',
    ]);
    expect(mergedDetails(ctx, { kind: 'deeper', count: 1 }, 33196800, test)[2]).toBe(
      'stacks go deeper than the levels drawn',
    );
    expect(mergedDetails(ctx, { kind: 'above', count: 40 }, 33196800, test)).toEqual([
      '40 levels above',
      'ancestors of the zoomed frame, folded',
      'click to zoom out to defs.bzl.cxx_libraries',
    ]);
  });
});

describe('exact numbers', () => {
  it('read as toLocaleString(en-US) does, from one shared formatter', () => {
    for (const n of [0, 7, -1234, 999.5, 1234.5678, 1e6, 2 ** 53 - 1, -0.25, NaN, Infinity])
      expect(formatNumber(n)).toBe(n.toLocaleString('en-US'));
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
