import { describe, expect, it } from 'vitest';
import { computeFunctionTable, functionBytesOf } from '../../src/analysis/function-table.ts';
import { CallTreeBuilder } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { sampleHeapFlame, sampleHeapSummary } from '../samples.ts';

describe('function table', () => {
  it('gives exact self and total bytes on the real heap flame sample', () => {
    const parsed = parseText('flame.src', sampleHeapFlame());
    if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
    const table = computeFunctionTable(parsed.profile.tree);
    expect(table.map((f) => [f.name, f.self, f.total, f.topCaller])).toEqual([
      ['module', 9848, 33206648, ''],
      ['defs.bzl.cxx_libraries', 73600, 33196800, 'module'],
      ['defs.bzl.platform_flag_table', 33123200, 33123200, 'defs.bzl.cxx_libraries'],
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
    const flame = parseText('flame.src', sampleHeapFlame()).profile;
    const summary = parseText('profile.csv', sampleHeapSummary()).profile;
    if (flame?.format !== 'heap-flame' || summary?.format !== 'heap-summary') throw new Error('samples not read');
    expect(Object.fromEntries(functionBytesOf(flame, summary))).toEqual({
      module: { self: 9848, total: 33206648 },
      'defs.bzl.cxx_libraries': { self: 73600, total: 33196800 },
      'defs.bzl.platform_flag_table': { self: 33123200, total: 33123200 },
    });
    const fromSummary = functionBytesOf(null, summary);
    expect([...fromSummary.values()].every((b) => b.total === null)).toBe(true);
    expect(fromSummary.get('defs.bzl.platform_flag_table')).toEqual({
      self: summary.functions.find((f) => f.name === 'defs.bzl.platform_flag_table')!.allocBytes,
      total: null,
    });
    expect(functionBytesOf(null, null).size).toBe(0);
  });
});
