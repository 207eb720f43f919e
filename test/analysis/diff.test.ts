import { describe, expect, it } from 'vitest';
import {
  changeOf, diffCallTrees, diffTotals, diffWidths, DiffError, functionDeltas, shareDelta, typeDeltas,
  type DiffTree,
} from '../../src/analysis/diff.ts';
import { CallTreeBuilder, describeTree, stackOf, type CallTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { readGoldenBody } from '../golden.ts';

function heapTree(text: string): CallTree {
  const parsed = parseText('flame.src', text);
  if (parsed.profile?.format !== 'heap-flame') throw new Error(`not a heap flame: ${parsed.error?.message}`);
  return parsed.profile.tree;
}

const GOLDEN = readGoldenBody('heap_flame_allocated.flame.golden');
/** The golden with test.star.inner's dict line shrunk from 1760 to 176 bytes. */
const SHRUNK = GOLDEN.replace('test.star.inner;dict 1760', 'test.star.inner;dict 176');

/** Readable lines `- stack: base → target (status)` for assertions. */
function describeDiff(diff: DiffTree): string[] {
  const lines: string[] = [];
  for (let i = 1; i < diff.base.name.length; i++) {
    lines.push(`${stackOf(diff.base, i).join(';')}: ${diff.base.total[i]} → ${diff.target.total[i]} (${changeOf(diff, i)})`);
  }
  return lines;
}

function nodeByStack(tree: CallTree, stack: string): number {
  for (let i = 1; i < tree.name.length; i++) if (stackOf(tree, i).join(';') === stack) return i;
  throw new Error(`no node ${stack}`);
}

describe('diffCallTrees on the upstream heap flame golden', () => {
  it('reports −1584 bytes in total, at test.star.inner and at module', () => {
    expect(SHRUNK).not.toBe(GOLDEN);
    const diff = diffCallTrees(heapTree(GOLDEN), heapTree(SHRUNK));
    expect(diffTotals(diff)).toEqual({ name: '', base: 3032, target: 1448, delta: -1584 });
    const byName = new Map(functionDeltas(diff).map((f) => [f.name, f]));
    expect(byName.get('test.star.inner')).toMatchObject({ base: 1760, target: 176, delta: -1584, baseSelf: 1760, targetSelf: 176 });
    expect(byName.get('module')).toMatchObject({ base: 3024, target: 1440, delta: -1584, baseSelf: 16, targetSelf: 16 });
    expect(byName.get('test.star.test')).toMatchObject({ base: 3008, target: 1424, delta: -1584, baseSelf: 1248, targetSelf: 1248 });
    expect(typeDeltas(diff).map((t) => [t.name, t.delta])).toEqual([
      ['dict', -1584], ['array', 0], ['list', 0], ['tuple', 0], ['function', 0], ['range', 0],
    ]);
  });

  it('keeps every stack and marks only the shrunk path', () => {
    const diff = diffCallTrees(heapTree(GOLDEN), heapTree(SHRUNK));
    expect(describeDiff(diff)).toEqual([
      'range: 8 → 8 (same)',
      'module: 3024 → 1440 (shrank)',
      'module;function: 16 → 16 (same)',
      'module;test.star.test: 3008 → 1424 (shrank)',
      'module;test.star.test;dict: 192 → 192 (same)',
      'module;test.star.test;list: 384 → 384 (same)',
      'module;test.star.test;array: 480 → 480 (same)',
      'module;test.star.test;tuple: 192 → 192 (same)',
      'module;test.star.test;test.star.inner: 1760 → 176 (shrank)',
      'module;test.star.test;test.star.inner;dict: 1760 → 176 (shrank)',
    ]);
  });

  it('is the identity when both sides are the same file', () => {
    const diff = diffCallTrees(heapTree(GOLDEN), heapTree(GOLDEN));
    expect(describeTree(diff.base)).toEqual(describeTree(heapTree(GOLDEN)));
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
      ['module', -102], ['a.bzl.f', -70], ['a.bzl.old', -40], ['a.bzl.fresh', 8],
    ]);
    expect(typeDeltas(diff).map((t) => [t.name, t.base, t.target])).toEqual([
      ['dict', 100, 30], ['list', 40, 0], ['tuple', 0, 8],
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
    const diff = diffCallTrees(heapTree('module;f;list 10\nmodule;g;list 30\n'), heapTree('module;f;list 20\nmodule;g;list 60\n'));
    expect(shareDelta(diff, nodeByStack(diff.base, 'module;f'))).toBeCloseTo(0);
  });
});

describe('guards', () => {
  it('refuses to compare bytes with milliseconds', () => {
    const ms = new CallTreeBuilder('milliseconds');
    ms.addStack(['module'], null, 5);
    expect(() => diffCallTrees(heapTree(GOLDEN), ms.build())).toThrow(DiffError);
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
