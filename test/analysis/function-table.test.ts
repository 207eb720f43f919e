import { describe, expect, it } from 'vitest';
import { computeFunctionTable } from '../../src/analysis/function-table.ts';
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
});
