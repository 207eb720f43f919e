import { describe, expect, it } from 'vitest';
import { computeFunctionTable, functionBytesOf } from '../../src/analysis/function-table.ts';
import { CallTreeBuilder } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { readGoldenBody } from '../golden.ts';

describe('function table', () => {
  it('gives exact self and total bytes on the upstream heap flame golden', () => {
    const parsed = parseText('flame.src', readGoldenBody('heap_flame_allocated.flame.golden'));
    if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
    const table = computeFunctionTable(parsed.profile.tree);
    expect(table.map((f) => [f.name, f.self, f.total, f.topCaller])).toEqual([
      ['module', 16, 3024, ''],
      ['test.star.test', 1248, 3008, 'module'],
      ['test.star.inner', 1760, 1760, 'test.star.test'],
    ]);
  });

  it('counts recursion once per stack in total, every level in self', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'f'], 'list', 10);
    b.addStack(['module', 'f', 'f'], 'list', 5);
    b.addStack(['module', 'f', 'f', 'g'], 'dict', 1);
    const f = computeFunctionTable(b.build()).find((r) => r.name === 'f')!;
    expect([f.self, f.total]).toEqual([15, 16]);
  });

  it('picks the caller with the most bytes', () => {
    const b = new CallTreeBuilder('bytes');
    b.addStack(['module', 'a', 'h'], 'list', 1);
    b.addStack(['module', 'b', 'h'], 'list', 9);
    expect(computeFunctionTable(b.build()).find((r) => r.name === 'h')!.topCaller).toBe('b');
  });

  it('gives function bytes from the heap flame when there is one, else self bytes from the summary', () => {
    const flame = parseText('flame.src', readGoldenBody('heap_flame_allocated.flame.golden')).profile;
    const summary = parseText('profile.csv', readGoldenBody('heap_summary_allocated.csv.golden')).profile;
    if (flame?.format !== 'heap-flame' || summary?.format !== 'heap-summary') throw new Error('goldens not read');
    expect(Object.fromEntries(functionBytesOf(flame, summary))).toEqual({
      module: { self: 16, total: 3024 },
      'test.star.test': { self: 1248, total: 3008 },
      'test.star.inner': { self: 1760, total: 1760 },
    });
    const fromSummary = functionBytesOf(null, summary);
    expect([...fromSummary.values()].every((b) => b.total === null)).toBe(true);
    expect(fromSummary.get('test.star.inner')).toEqual({ self: summary.functions.find((f) => f.name === 'test.star.inner')!.allocBytes, total: null });
    expect(functionBytesOf(null, null).size).toBe(0);
  });
});

