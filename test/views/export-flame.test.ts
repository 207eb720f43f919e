import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { CallTree } from '../../src/model/call-tree.ts';
import { exportFrames, type FlameExportInput } from '../../src/views/export-flame.ts';
import { MATCH_COLOR } from '../../src/views/frame-colors.ts';
import { nodeAtPath } from '../../src/views/tree-search.ts';
import { sampleHeapFlame } from '../samples.ts';

const p = parseText('flame.src', sampleHeapFlame()).profile;
if (p?.format !== 'heap-flame') throw new Error('not a heap flame');
const tree: CallTree = p.tree;
const rows = new Map(computeFunctionTable(tree).map((r) => [r.name, r]));

function input(change: Partial<FlameExportInput> = {}): FlameExportInput {
  return {
    tree,
    weights: tree.total,
    unit: 'bytes',
    allocs: null,
    functionRow: (n) => rows.get(n) ?? null,
    zoom: 0,
    widthPx: 1000,
    icicle: true,
    typeLeaves: true,
    colorBy: 'type',
    matchedNames: null,
    ...change,
  };
}

describe('exportFrames', () => {
  it('flattens a real heap flame in pre-order, heaviest child first, with tooltips and legend', () => {
    // Wide enough that no frame is folded into "N small frames".
    const { frames, zoom, legend } = exportFrames(input({ widthPx: 1_000_000 }));
    expect(zoom).toBe(0);
    expect(frames.name).toEqual([
      'all',
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
      'string',
      'dict',
      'array',
      'list',
      'dict',
      'string',
      'array',
      'list',
      'string',
      'array',
      'list',
      'range',
    ]);
    expect(frames.value).toEqual([
      33206672, 33206648, 33196800, 33123200, 20448000, 5955200, 4800000, 1920000, 57600, 6400, 6400, 3200, 5600, 4232,
      16, 24,
    ]);
    expect(frames.parent).toEqual([-1, 0, 1, 2, 3, 3, 3, 3, 2, 2, 2, 2, 1, 1, 1, 0]);
    // Each parent comes before its children, and children never weigh more than the parent.
    frames.parent.forEach((parent, i) => {
      if (parent >= 0) expect([parent < i, frames.value[i]! <= frames.value[parent]!]).toEqual([true, true]);
    });
    expect(frames.detail.map((d) => d.split('\n')[0])).toEqual(frames.name);
    expect(frames.detail[2]).toContain('31.7 MiB (33,196,800 bytes)');
    expect(legend[0]).toEqual({ key: 'string', color: frames.color[4], text: '19.5 MiB' });
  });

  it('folds frames too narrow to see into one counted frame per parent', () => {
    const { frames } = exportFrames(input({ widthPx: 1000 }));
    expect(frames.name.filter((n) => n === '3 small frames')).toHaveLength(2);
    expect(frames.value.reduce((s, v, i) => s + (frames.parent[i] === -1 ? v : 0), 0)).toBe(33206672);
  });

  it('starts at the zoomed frame with its ancestors before it, and colours search matches', () => {
    const inner = nodeAtPath(tree, ['module', 'defs.bzl.cxx_libraries', 'defs.bzl.platform_flag_table']).node;
    const matched = new Uint8Array(tree.names.length);
    matched[tree.names.indexOf('dict')] = 1;
    const { frames, zoom } = exportFrames(input({ zoom: inner, matchedNames: matched }));
    expect(frames.name.slice(0, zoom + 1)).toEqual([
      'all',
      'module',
      'defs.bzl.cxx_libraries',
      'defs.bzl.platform_flag_table',
    ]);
    expect(frames.name.slice(zoom + 1)).toEqual(['string', 'dict', 'array', 'list']);
    expect(frames.color[zoom + 2]).toBe(MATCH_COLOR);
    expect(frames.color[zoom + 1]).not.toBe(MATCH_COLOR);
  });
});
