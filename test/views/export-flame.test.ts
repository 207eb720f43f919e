import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { CallTree } from '../../src/model/call-tree.ts';
import { exportFrames, type FlameExportInput } from '../../src/views/export-flame.ts';
import { MATCH_COLOR } from '../../src/views/frame-colors.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { readGoldenBody } from '../golden.ts';

const p = parseText('flame.src', readGoldenBody('heap_flame_allocated.flame.golden')).profile;
if (p?.format !== 'heap-flame') throw new Error('not a heap flame');
const tree: CallTree = p.tree;
const rows = new Map(computeFunctionTable(tree).map((r) => [r.name, r]));

function input(change: Partial<FlameExportInput> = {}): FlameExportInput {
  return {
    tree, weights: tree.total, unit: 'bytes', allocs: null, functionRow: (n) => rows.get(n) ?? null,
    zoom: 0, widthPx: 1000, icicle: true, typeLeaves: true, colorBy: 'type', matchedNames: null, ...change,
  };
}

describe('exportFrames', () => {
  it('flattens the golden flame in pre-order, heaviest child first, with tooltips and legend', () => {
    const { frames, zoom, legend } = exportFrames(input());
    expect(zoom).toBe(0);
    expect(frames.name).toEqual(['all', 'module', 'test.star.test', 'test.star.inner', 'dict', 'array', 'list', 'dict', 'tuple', 'function', 'range']);
    expect(frames.value).toEqual([3032, 3024, 3008, 1760, 1760, 480, 384, 192, 192, 16, 8]);
    expect(frames.parent).toEqual([-1, 0, 1, 2, 3, 2, 2, 2, 2, 1, 0]);
    // Each parent comes before its children, and children never weigh more than the parent.
    frames.parent.forEach((parent, i) => {
      if (parent >= 0) expect([parent < i, frames.value[i]! <= frames.value[parent]!]).toEqual([true, true]);
    });
    expect(frames.detail.map((d) => d.split('\n')[0])).toEqual(frames.name);
    expect(frames.detail[2]).toContain('2.94 KiB (3,008 bytes)');
    expect(legend[0]).toEqual({ key: 'dict', color: frames.color[4], text: '1.91 KiB' });
  });

  it('starts at the zoomed frame with its ancestors before it, and colours search matches', () => {
    const inner = nodeAtPath(tree, ['module', 'test.star.test', 'test.star.inner']).node;
    const matched = new Uint8Array(tree.names.length);
    matched[tree.names.indexOf('dict')] = 1;
    const { frames, zoom } = exportFrames(input({ zoom: inner, matchedNames: matched }));
    expect(frames.name.slice(0, zoom + 1)).toEqual(['all', 'module', 'test.star.test', 'test.star.inner']);
    expect(frames.name.slice(zoom + 1)).toEqual(['dict']);
    expect(frames.color[zoom + 1]).toBe(MATCH_COLOR);
  });
});
