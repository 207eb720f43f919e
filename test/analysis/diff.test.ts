import { describe, expect, it } from 'vitest';
import {
  changeOf,
  diffCallTrees,
  diffTotals,
  diffWidths,
  DiffError,
  functionDeltas,
  shareDelta,
  typeDeltas,
  type DiffTree,
} from '../../src/analysis/diff.ts';
import { CallTreeBuilder, describeTree, stackOf, type CallTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { sampleHeapFlame } from '../samples.ts';

function heapTree(text: string): CallTree {
  const parsed = parseText('flame.src', text);
  if (parsed.profile?.format !== 'heap-flame') throw new Error(`not a heap flame: ${parsed.error?.message}`);
  return parsed.profile.tree;
}

const BASE = sampleHeapFlame();
/** The real loop-invariant-call flame with platform_flag_table's dict line cut from 5955200 to 595520 bytes. */
const SHRUNK = BASE.replace('defs.bzl.platform_flag_table;dict 5955200', 'defs.bzl.platform_flag_table;dict 595520');
const CUT = 595520 - 5955200;

/** Readable lines `- stack: base → target (status)` for assertions. */
function describeDiff(diff: DiffTree): string[] {
  const lines: string[] = [];
  for (let i = 1; i < diff.base.name.length; i++) {
    lines.push(
      `${stackOf(diff.base, i).join(';')}: ${diff.base.total[i]} → ${diff.target.total[i]} (${changeOf(diff, i)})`,
    );
  }
  return lines;
}

function nodeByStack(tree: CallTree, stack: string): number {
  for (let i = 1; i < tree.name.length; i++) if (stackOf(tree, i).join(';') === stack) return i;
  throw new Error(`no node ${stack}`);
}

describe('diffCallTrees on a real heap flame', () => {
  it('reports the cut in total, at defs.bzl.platform_flag_table and at every caller', () => {
    expect(SHRUNK).not.toBe(BASE);
    const diff = diffCallTrees(heapTree(BASE), heapTree(SHRUNK));
    expect(diffTotals(diff)).toEqual({ name: '', base: 33206672, target: 33206672 + CUT, delta: CUT });
    const byName = new Map(functionDeltas(diff).map((f) => [f.name, f]));
    expect(byName.get('defs.bzl.platform_flag_table')).toMatchObject({
      base: 33123200,
      target: 33123200 + CUT,
      delta: CUT,
      baseSelf: 33123200,
      targetSelf: 33123200 + CUT,
    });
    expect(byName.get('module')).toMatchObject({
      base: 33206648,
      target: 33206648 + CUT,
      delta: CUT,
      baseSelf: 9848,
      targetSelf: 9848,
    });
    expect(byName.get('defs.bzl.cxx_libraries')).toMatchObject({
      base: 33196800,
      target: 33196800 + CUT,
      delta: CUT,
      baseSelf: 73600,
      targetSelf: 73600,
    });
    expect(typeDeltas(diff).map((t) => [t.name, t.delta])).toEqual([
      ['dict', CUT],
      ['string', 0],
      ['array', 0],
      ['list', 0],
      ['range', 0],
    ]);
  });

  it('keeps every stack and marks only the shrunk path', () => {
    const diff = diffCallTrees(heapTree(BASE), heapTree(SHRUNK));
    const cxx = 'module;defs.bzl.cxx_libraries';
    const pft = `${cxx};defs.bzl.platform_flag_table`;
    expect(describeDiff(diff)).toEqual([
      'range: 24 → 24 (same)',
      `module: 33206648 → ${33206648 + CUT} (shrank)`,
      'module;list: 16 → 16 (same)',
      'module;string: 5600 → 5600 (same)',
      'module;array: 4232 → 4232 (same)',
      `${cxx}: 33196800 → ${33196800 + CUT} (shrank)`,
      `${cxx};dict: 57600 → 57600 (same)`,
      `${cxx};string: 6400 → 6400 (same)`,
      `${cxx};array: 6400 → 6400 (same)`,
      `${cxx};list: 3200 → 3200 (same)`,
      `${pft}: 33123200 → ${33123200 + CUT} (shrank)`,
      `${pft};dict: 5955200 → 595520 (shrank)`,
      `${pft};string: 20448000 → 20448000 (same)`,
      `${pft};array: 4800000 → 4800000 (same)`,
      `${pft};list: 1920000 → 1920000 (same)`,
    ]);
  });

  it('is the identity when both sides are the same file', () => {
    const diff = diffCallTrees(heapTree(BASE), heapTree(BASE));
    expect(describeTree(diff.base)).toEqual(describeTree(heapTree(BASE)));
    expect(describeTree(diff.target)).toEqual(describeTree(diff.base));
    expect(functionDeltas(diff).every((f) => f.delta === 0)).toBe(true);
  });
});

describe('new and gone frames', () => {
  const base = heapTree('module;a.bzl.f;dict 100\nmodule;a.bzl.old;list 40\n');
  const target = heapTree('module;a.bzl.f;dict 30\nmodule;a.bzl.fresh;tuple 8\n');
  const diff = diffCallTrees(base, target);

  it('puts the union of both sides into one shape, base stacks first', () => {
    expect(describeDiff(diff)).toEqual([
      'module: 140 → 38 (shrank)',
      'module;a.bzl.f: 100 → 30 (shrank)',
      'module;a.bzl.f;dict: 100 → 30 (shrank)',
      'module;a.bzl.old: 40 → 0 (gone)',
      'module;a.bzl.old;list: 40 → 0 (gone)',
      'module;a.bzl.fresh: 0 → 8 (new)',
      'module;a.bzl.fresh;tuple: 0 → 8 (new)',
    ]);
  });

  it('lists gone and new functions and types with their deltas', () => {
    expect(functionDeltas(diff).map((f) => [f.name, f.delta])).toEqual([
      ['module', -102],
      ['a.bzl.f', -70],
      ['a.bzl.old', -40],
      ['a.bzl.fresh', 8],
    ]);
    expect(typeDeltas(diff).map((t) => [t.name, t.base, t.target])).toEqual([
      ['dict', 100, 30],
      ['list', 40, 0],
      ['tuple', 0, 8],
    ]);
  });

  it('widths by the larger side keep gone frames visible and still nest', () => {
    const byTarget = diffWidths(diff, 'target');
    const byMax = diffWidths(diff, 'max');
    const old = nodeByStack(diff.base, 'module;a.bzl.old');
    expect(byTarget[old]).toBe(0);
    expect(byMax[old]).toBe(40);
    expect(byMax[nodeByStack(diff.base, 'module')]).toBe(100 + 40 + 8);
    for (let i = 1; i < byMax.length; i++) expect(byMax[diff.base.parent[i]!]!).toBeGreaterThanOrEqual(byMax[i]!);
  });
});

describe('normalised mode', () => {
  it('shows a frame that kept its bytes growing in share when the rest shrank', () => {
    const diff = diffCallTrees(
      heapTree('module;a.bzl.keep;list 50\nmodule;a.bzl.big;dict 50\n'),
      heapTree('module;a.bzl.keep;list 50\nmodule;a.bzl.big;dict 0\n'),
    );
    const keep = nodeByStack(diff.base, 'module;a.bzl.keep');
    expect(changeOf(diff, keep)).toBe('same');
    expect(shareDelta(diff, keep)).toBeCloseTo(0.5);
    expect(shareDelta(diff, nodeByStack(diff.base, 'module;a.bzl.big'))).toBeCloseTo(-0.5);
  });

  it('is zero for a frame whose share did not move', () => {
    const diff = diffCallTrees(
      heapTree('module;f;list 10\nmodule;g;list 30\n'),
      heapTree('module;f;list 20\nmodule;g;list 60\n'),
    );
    expect(shareDelta(diff, nodeByStack(diff.base, 'module;f'))).toBeCloseTo(0);
  });
});

describe('guards', () => {
  it('refuses to compare bytes with milliseconds', () => {
    const ms = new CallTreeBuilder('milliseconds');
    ms.addStack(['module'], null, 5);
    expect(() => diffCallTrees(heapTree(BASE), ms.build())).toThrow(DiffError);
  });

  it('walks a 50 000-deep stack without recursion', () => {
    const frames = Array.from({ length: 50_000 }, (_, i) => `f${i % 7}`);
    const b = new CallTreeBuilder('bytes');
    b.addStack(frames, 'list', 8);
    const t = new CallTreeBuilder('bytes');
    t.addStack(frames, 'list', 16);
    const diff = diffCallTrees(b.build(), t.build());
    expect(diffTotals(diff).delta).toBe(8);
    expect(functionDeltas(diff).find((f) => f.name === 'f3')?.delta).toBe(8);
  });
});
