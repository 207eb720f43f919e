import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { describeTree, type CallTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { toFolded } from '../../src/views/export-folded.ts';
import { sampleHeapFlame, SAMPLES_DIR, sampleTimeFlame } from '../samples.ts';

function treeOf(text: string): { format: string; tree: CallTree } {
  const p = parseText('flame.src', text).profile;
  if (p?.format !== 'heap-flame' && p?.format !== 'time-flame') throw new Error(`not a flame: ${p?.format}`);
  return p;
}

describe('folded export', () => {
  it('writes a real heap flame back line for line', () => {
    const golden = sampleHeapFlame();
    expect(toFolded(treeOf(golden).tree)).toBe(golden);
  });

  it('writes a real time flame back with its root frame, module unquoted, same tree', () => {
    const golden = sampleTimeFlame();
    const tree = treeOf(golden).tree;
    const text = toFolded(tree, { rootFrame: 'root' });
    expect(text.split('\n')[0]).toBe('root;module;defs.bzl.cxx_libraries;defs.bzl.platform_flag_table 81');
    const again = treeOf(text);
    expect(again.format).toBe('time-flame');
    expect(describeTree(again.tree)).toEqual(describeTree(tree));
  });

  it('keeps 0-byte stacks of a retained flame', () => {
    const tree = treeOf('module;a.bzl.f;list 0\nmodule;string 8\n').tree;
    expect(toFolded(tree)).toBe('module;a.bzl.f;list 0\nmodule;string 8\n');
  });

  for (const path of [
    'monorepo/heap-flame-allocated/flame.src',
    'monorepo/heap-allocated/flame.src',
    'huge-collection/before/heap-flame-retained/flame.src',
    'monorepo/time-flame/flame.src',
  ]) {
    it(`re-parses to the same tree and function totals: samples/${path}`, () => {
      const original = treeOf(readFileSync(join(SAMPLES_DIR, path), 'utf8'));
      const text = toFolded(original.tree, { rootFrame: original.format === 'time-flame' ? 'root' : null });
      const again = treeOf(text);
      expect(again.format).toBe(original.format);
      expect(again.tree.total[0]).toBe(original.tree.total[0]);
      expect(describeTree(again.tree)).toEqual(describeTree(original.tree));
      expect(computeFunctionTable(again.tree)).toEqual(computeFunctionTable(original.tree));
    });
  }
});
