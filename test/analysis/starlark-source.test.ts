import { describe, expect, it } from 'vitest';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { golden, spanText } from './fixtures.ts';

describe('indexStarlarkSource', () => {
  const index = indexStarlarkSource('test.star', golden.source());

  it('finds the defs of upstream test.star with their params and spans', () => {
    expect(index.defs.map((d) => `${d.name}(${d.params.join(', ')}) ${spanText(d.span)}`)).toEqual([
      'inner(x) 2:1-8:1',
      'test() 9:1-15:1',
    ]);
    expect(index.syntaxErrors).toBe(0);
  });

  it('finds both for loops, starting where the statement profile says', () => {
    expect(index.loops.map((l) => `${l.kind} ${spanText(l.span)} in ${index.defs[l.def!]!.name} over ${l.iterable}`)).toEqual([
      'for 6:9-8:1 in inner over range(10)',
      'for 11:5-14:1 in test over noop([1, 2, 3, 4, 5])',
    ]);
    expect(index.loops[1]!.assigned).toEqual(['x', 'r']);
  });

  it('places calls in their loop; the iterable of a loop is not inside it', () => {
    const calls = index.calls.map((c) => `${c.callee}@${spanText(c.span)} loop=${c.loop} args=${c.argNames.join(',')}`);
    expect(calls).toContain('noop@7:13-19 loop=0 args=');
    expect(calls).toContain('noop@11:14-35 loop=null args=');
    expect(calls).toContain('inner@12:9-17 loop=1 args=x');
  });

  it('indexes statements with their def and loop', () => {
    const at = (line: number) => index.statements.find((s) => s.span.line === line)!;
    expect(at(7)).toMatchObject({ kind: 'ExpressionStatement', def: 0, loop: 0 });
    expect(at(13)).toMatchObject({ kind: 'UpdateStatement', def: 1, loop: 1, assigns: ['r'] });
    expect(at(16)).toMatchObject({ def: null, loop: null });
  });

  it('sees comprehensions, repeats, view calls, fail checks and string building', () => {
    const text = [
      'def check(targets, constraints):',
      '    million = [1 for i in range(1 << 20)]',
      '    big = million * (1 << 10)',
      '    for t in targets:',
      '        for k, v in constraints.items():',
      '            pass',
      '        if not valid([t]):',
      '            fail("bad " + t)',
      '        names = {n: n for n in t.names}',
      '        label = "%s:%s" % (t, k)',
      '',
    ].join('\n');
    const idx = indexStarlarkSource('defs.bzl', text);
    expect(idx.loops.map((l) => `${l.kind}@${l.span.line} depth=${l.depth}`)).toEqual([
      'comprehension@2 depth=0', 'for@4 depth=0', 'for@5 depth=1', 'comprehension@9 depth=1',
    ]);
    expect(idx.constructs.filter((c) => c.kind === 'list-comprehension')[0]!.sizeHint).toBe(1048576);
    expect(idx.constructs.find((c) => c.kind === 'repeat')).toMatchObject({ sizeHint: 1024, loop: null });
    expect(idx.calls.find((c) => c.viewMethod === 'items')).toMatchObject({ callee: 'constraints.items', loop: 1, argNames: ['constraints'] });
    expect(idx.failChecks).toEqual([expect.objectContaining({ conditionAllocates: ['call valid()', 'list literal'], loop: 1 })]);
    expect(idx.constructs.map((c) => c.kind)).toEqual(expect.arrayContaining(['concat', 'percent-format', 'dict-comprehension']));
    expect(idx.loops[1]!.assigned).toEqual(expect.arrayContaining(['t', 'k', 'v', 'names', 'label']));
  });

  it('never evaluates source text and survives broken input', () => {
    const idx = indexStarlarkSource('BUCK', 'def f(:\n  fail(1\nx = [\n');
    expect(idx.syntaxErrors).toBeGreaterThan(0);
    expect(idx.defs.length).toBeLessThanOrEqual(1);
  });

  it('keeps indexing the statements after a broken one', () => {
    const idx = indexStarlarkSource('BUCK', 'def f(:\n    pass\nxs = [0] * 1024\nfor k, v in d.items():\n    g(k)\n');
    expect(idx.syntaxErrors).toBe(1);
    expect(idx.constructs.find((c) => c.kind === 'repeat')).toMatchObject({ sizeHint: 1024, span: { line: 3 } });
    expect(idx.loops.map((l) => [l.kind, l.targets, l.iterable, l.span.line])).toEqual([['for', ['k', 'v'], 'd.items()', 4]]);
    expect(idx.calls.map((c) => [c.callee, c.viewMethod, c.loop])).toEqual([['d.items', 'items', null], ['g', null, 0]]);
  });
});
