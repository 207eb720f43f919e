import { describe, expect, it } from 'vitest';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { readSample } from '../samples.ts';
import { spanText } from './fixtures.ts';

describe('indexStarlarkSource', () => {
  // Our loop-invariant-call program, the one samples/loop-invariant-call/before profiles.
  const index = indexStarlarkSource('defs.bzl', readSample('programs/loop-invariant-call/before/defs.bzl'));

  it('finds the defs of a real program with their params and spans', () => {
    expect(index.defs.map((d) => `${d.name}(${d.params.join(', ')}) ${spanText(d.span)}`)).toEqual([
      'platform_flag_table(platforms, opt_level) 5:1-16:1',
      'cxx_libraries(names, opt_level) 17:1-26:1',
    ]);
    expect(index.syntaxErrors).toBe(0);
  });

  it('finds every for loop, with the spans the statement profile gives them', () => {
    expect(
      index.loops.map((l) => `${l.kind} ${spanText(l.span)} in ${index.defs[l.def!]!.name} over ${l.iterable}`),
    ).toEqual([
      'for 8:5-15:1 in platform_flag_table over platforms',
      'for 9:9-15:1 in platform_flag_table over range(150)',
      'for 18:5-26:1 in cxx_libraries over names',
    ]);
    const profiled = readSample('loop-invariant-call/before/statement/profile.csv');
    for (const loop of index.loops) expect(profiled).toContain(`"defs.bzl","${spanText(loop.span)}"`);
    expect(index.loops[2]!.assigned).toEqual(['name', 'flags']);
  });

  it('places calls in their loop; the iterable of a loop is not inside it', () => {
    const calls = index.calls.map((c) => `${c.callee}@${spanText(c.span)} loop=${c.loop} args=${c.argNames.join(',')}`);
    expect(calls).toContain('range@9:22-32 loop=0 args=');
    expect(calls).toContain('platform_flag_table@20:17-58 loop=2 args=PLATFORMS,opt_level');
    expect(calls).toContain('cxx_library@21:9-25:10 loop=2 args=name,flags');
  });

  it('indexes statements with their def and loop', () => {
    const at = (line: number) => index.statements.find((s) => s.span.line === line)!;
    expect(at(10)).toMatchObject({ kind: 'AssignStatement', def: 0, loop: 1, assigns: ['key'] });
    expect(at(20)).toMatchObject({ kind: 'AssignStatement', def: 1, loop: 2, assigns: ['flags'] });
    expect(at(3)).toMatchObject({ def: null, loop: null, assigns: ['PLATFORMS'] });
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
      'comprehension@2 depth=0',
      'for@4 depth=0',
      'for@5 depth=1',
      'comprehension@9 depth=1',
    ]);
    expect(idx.constructs.filter((c) => c.kind === 'list-comprehension')[0]!.sizeHint).toBe(1048576);
    expect(idx.constructs.find((c) => c.kind === 'repeat')).toMatchObject({ sizeHint: 1024, loop: null });
    expect(idx.calls.find((c) => c.viewMethod === 'items')).toMatchObject({
      callee: 'constraints.items',
      loop: 1,
      argNames: ['constraints'],
    });
    expect(idx.failChecks).toEqual([
      expect.objectContaining({ conditionAllocates: ['call valid()', 'list literal'], loop: 1 }),
    ]);
    expect(idx.constructs.map((c) => c.kind)).toEqual(
      expect.arrayContaining(['concat', 'percent-format', 'dict-comprehension']),
    );
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
    expect(idx.loops.map((l) => [l.kind, l.targets, l.iterable, l.span.line])).toEqual([
      ['for', ['k', 'v'], 'd.items()', 4],
    ]);
    expect(idx.calls.map((c) => [c.callee, c.viewMethod, c.loop])).toEqual([
      ['d.items', 'items', null],
      ['g', null, 0],
    ]);
  });
});

describe('names bound more than once', () => {
  it('a struct field, load alias, constant or collection bound twice is indexed, the later binding kept', () => {
    const text = [
      'load(":a.bzl", f = "one")',
      'load(":b.bzl", f = "two")',
      'N = 1',
      'N = 2',
      'XS = [1, 2]',
      'XS = [1, 2, 3]',
      'A = struct(rule = java_library)',
      'B = struct(rule = go_binary)',
      'C = struct(__proto__ = go_binary)',
    ].join('\n');
    const index = indexStarlarkSource('defs.bzl', `${text}\n`);
    expect(index.loadAliases['f']).toBe('two');
    expect(index.constants['N']).toBe(2);
    expect(index.fieldAliases['rule']).toBe('go_binary');
    expect(Object.hasOwn(index.fieldAliases, '__proto__')).toBe(true);
    expect(Object.keys(index.lengths)).toEqual(['XS']);
  });
});
