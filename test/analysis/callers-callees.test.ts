import { describe, expect, it } from 'vitest';
import { computeSandwich } from '../../src/analysis/callers-callees.ts';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
import { CallTreeBuilder, type CallTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sampleHeapFlame, SAMPLES_DIR } from '../samples.ts';

function flameTree(name: string, text: string): CallTree {
  const parsed = parseText(name, text);
  const p = parsed.profile;
  if (p?.format !== 'heap-flame' && p?.format !== 'time-flame') throw new Error(`${name} is not a flame`);
  return p.tree;
}

const pairs = (entries: { name: string; weight: number }[]) => entries.map((e) => [e.name, e.weight]);

describe('computeSandwich', () => {
  const golden = flameTree('flame.src', sampleHeapFlame());

  it('gives callers and callees with shares on the real heap flame sample', () => {
    const s = computeSandwich(golden, golden.total, 'defs.bzl.cxx_libraries')!;
    expect([s.total, s.self, s.occurrences]).toEqual([33196800, 73600, 1]);
    expect(pairs(s.callers)).toEqual([['module', 33196800]]);
    expect(s.callers[0]!.share).toBe(1);
    expect(pairs(s.callees)).toEqual([['defs.bzl.platform_flag_table', 33123200]]);
    expect(s.callees[0]!.share).toBeCloseTo(33123200 / 33196800, 12);
  });

  it('names the top level as the caller of module, and counts its type leaves as self', () => {
    const s = computeSandwich(golden, golden.total, 'module')!;
    expect([s.total, s.self]).toEqual([33206648, 9848]);
    expect(pairs(s.callers)).toEqual([['', 33206648]]);
    expect(pairs(s.callees)).toEqual([['defs.bzl.cxx_libraries', 33196800]]);
  });

  it('is null for a name that is only a type leaf or absent', () => {
    expect(computeSandwich(golden, golden.total, 'dict')).toBeNull();
    expect(computeSandwich(golden, golden.total, 'no.such.fn')).toBeNull();
  });

  it('counts recursion once: callers of outermost calls, callees under the innermost', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'f'], 'list', 10);
    b.addStack(['module', 'f', 'g'], 'dict', 3);
    b.addStack(['module', 'f', 'g', 'f'], 'list', 5);
    b.addStack(['module', 'f', 'g', 'f', 'h'], 'dict', 7);
    b.addStack(['module', 'f', 'f', 'h'], 'dict', 1);
    b.addStack(['module', 'k', 'f'], 'tuple', 2);
    const tree = b.build();
    const s = computeSandwich(tree, tree.total, 'f')!;
    expect([s.total, s.self, s.occurrences]).toEqual([28, 17, 4]);
    expect(pairs(s.callers)).toEqual([
      ['module', 26],
      ['k', 2],
    ]);
    expect(pairs(s.callees)).toEqual([
      ['h', 8],
      ['g', 3],
    ]);
    // Each side adds up to the total, and the total is the function table's.
    expect(s.callers.reduce((sum, e) => sum + e.weight, 0)).toBe(s.total);
    expect(s.callees.reduce((sum, e) => sum + e.weight, s.self)).toBe(s.total);
    expect(computeFunctionTable(tree).find((r) => r.name === 'f')!.total).toBe(s.total);
  });

  it('uses the weights it is given (another metric laid over the same tree)', () => {
    const doubled = golden.total.map((w) => w * 2);
    expect(computeSandwich(golden, doubled, 'defs.bzl.cxx_libraries')!.total).toBe(66393600);
  });

  it('walks a stack 100,000 frames deep without recursion', () => {
    const b = new CallTreeBuilder('bytes');
    const frames = Array.from({ length: 100_000 }, (_, i) => (i % 2 === 0 ? 'a' : 'b'));
    b.addStack(frames, 'list', 8);
    const tree = b.build();
    const s = computeSandwich(tree, tree.total, 'b')!;
    expect([s.total, s.self, s.occurrences]).toEqual([8, 8, 50_000]);
    expect(pairs(s.callers)).toEqual([['a', 8]]);
  });

  it('agrees with the function table on every function of a real monorepo heap flame', () => {
    const text = readFileSync(join(SAMPLES_DIR, 'monorepo', 'heap-flame-allocated', 'flame.src'), 'utf8');
    const tree = flameTree('flame.src', text);
    const table = computeFunctionTable(tree);
    expect(table.length).toBeGreaterThan(5);
    for (const row of table) {
      const s = computeSandwich(tree, tree.total, row.name)!;
      expect([row.name, s.total, s.self]).toEqual([row.name, row.total, row.self]);
      expect(s.callers.reduce((sum, e) => sum + e.weight, 0)).toBe(s.total);
      expect(s.callees.reduce((sum, e) => sum + e.weight, s.self)).toBeCloseTo(s.total, 6);
    }
  });
});
