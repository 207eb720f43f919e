// Sizes written through names: a statement that copies or sorts a module-level collection of
// known size outweighs a comprehension filtering a small parameter, and constants a build file
// loads from another file size its `list(range(…))`. Small hand-written programs with a
// hand-written heap flame (one stack per frame): the split of a frame's own bytes is what is tested.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { attribute } from '../../src/analysis/attribution.ts';
import { ProfileJoins } from '../../src/analysis/profile-joins.ts';
import type { AdviceInput } from '../../src/analysis/rules/context.ts';
import { knownIntegers } from '../../src/analysis/starlark-constants.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

function input(files: Record<string, string>, flame: string): AdviceInput {
  const sources = Object.entries(files).map(([path, text]) => indexStarlarkSource(path, text));
  return { heapFlame: heapFlame(flame), summary: null, statement: null, coverage: null, sources };
}

/** Own bytes the attribution gives each line of a file. */
function bytesByLine(advice: AdviceInput, file: string): Map<number, number> {
  const lines = new Map<number, number>();
  for (const s of attribute(new ProfileJoins(advice)).statements) {
    if (s.file === file) lines.set(s.span.line, (lines.get(s.span.line) ?? 0) + s.own);
  }
  return lines;
}

const TABLE_DEFS = [
  'TABLE = ["pkg/{}".format(i) for i in range(3000)]',
  '',
  'def tools(names, extra):',
  '    out = []',
  '    for n in names:',
  '        everything = sorted(TABLE + extra)',
  '        picked = [e for e in extra if e in everything]',
  '        out.append(picked)',
  '    return out',
].join('\n');

describe('sizes written through names', () => {
  it('knows the length of a top-level collection and constants loaded from another file', () => {
    const table = indexStarlarkSource('defs.bzl', TABLE_DEFS);
    const consts = indexStarlarkSource('consts.bzl', 'WIDTH = 40\nDEPTH = 500\n');
    const build = indexStarlarkSource(
      'BUCK',
      'load(":consts.bzl", "WIDTH", "DEPTH")\nids = list(range(WIDTH * DEPTH))\n',
    );
    expect(knownIntegers([table], table, 0).get('len TABLE')).toBe(3000);
    const known = knownIntegers([table, consts, build], build, null);
    expect([known.get('WIDTH'), known.get('DEPTH'), known.get('len TABLE')]).toEqual([40, 500, 3000]);
    const aliased = indexStarlarkSource('BUCK', 'load(":consts.bzl", width = "WIDTH")\nids = list(range(width))\n');
    expect(knownIntegers([consts, aliased], aliased, null).get('width')).toBe(40);
  });

  it('a constant written with the file’s earlier constants is known, and sizes a slot table only indexed', () => {
    const deps = [
      '_BITS = 20',
      '_SLOTS = 1 << _BITS',
      '',
      'def dedupe(deps):',
      '    slots = [None] * _SLOTS',
      '    out = []',
      '    for d in deps:',
      '        i = hash(d) % _SLOTS',
      '        if slots[i] == None:',
      '            slots[i] = d',
      '            out.append(d)',
      '    return out',
    ].join('\n');
    const index = indexStarlarkSource('deps.bzl', deps);
    expect(index.constants).toEqual({ _BITS: 20, _SLOTS: 1 << 20 });
    const advice = input(
      { 'deps.bzl': deps },
      'module;deps.bzl.dedupe;array 8388700\nmodule;deps.bzl.dedupe;list 96\n',
    );
    expect(bytesByLine(advice, 'deps.bzl').get(5)! / 8_388_700).toBeGreaterThan(0.99);
    expect(advise(advice)[0]).toMatchObject({ cause: 'huge-collection', span: { line: 5 } });
  });

  it('a constant two files bind to different values is not known in a third', () => {
    const a = indexStarlarkSource('a.bzl', 'N = 1\n');
    const b = indexStarlarkSource('b.bzl', 'N = 2\n');
    const build = indexStarlarkSource('BUCK', 'x = 1\n');
    expect(knownIntegers([a, b, build], build, null).has('N')).toBe(false);
  });

  it('sorting a big module table in a loop outweighs a comprehension over a small parameter', () => {
    const advice = input({ 'defs.bzl': TABLE_DEFS }, 'module;defs.bzl.tools;array 1000000\n');
    const lines = bytesByLine(advice, 'defs.bzl');
    expect(lines.get(6)! / 1_000_000).toBeGreaterThan(0.9); // everything = sorted(TABLE + extra)
    expect(lines.get(7) ?? 0).toBeLessThan(lines.get(6)! / 20); // picked = [e for e in extra if …]
  });

  it('a top-level list(range(n)) sized by loaded constants keeps its bytes and is a huge collection', () => {
    const build = [
      'load(":consts.bzl", "WIDTH", "DEPTH")',
      'ids = list(range(WIDTH * DEPTH))',
      'for w in range(WIDTH):',
      '    first = ids[w * DEPTH]',
      '    native_rule(name = "part_{}".format(w), labels = [str(first)], env = {"W": str(w)})',
    ].join('\n');
    const advice = input(
      { 'consts.bzl': 'WIDTH = 40\nDEPTH = 25000\n', BUCK: build },
      'module;array 1600000\nmodule;string 4000\nmodule;dict 8000\n',
    );
    expect(bytesByLine(advice, 'BUCK').get(2)! / 1_612_000).toBeGreaterThan(0.9);
    const [finding] = advise(advice);
    expect(finding).toMatchObject({ cause: 'huge-collection', span: { line: 2 } });
  });

  it('a statement of written size cannot take more than its elements can hold: the rest stays with an unbounded one', () => {
    const build = [
      'WIDTH = int(read_config("shards", "width", "40"))',
      'ids = list(range(WIDTH * 25000))',
      'for w in range(WIDTH):',
      '    first = ids[w * 25000]',
      '    native_rule(name = "part_{}".format(w), labels = [str(first)])',
    ].join('\n');
    // Count is 1 + the calls evaluated in a statement, per run: 40 passes, three calls in the last line.
    const counts = [
      'File,Span,Duration(s),Count',
      '"TOTAL","",0.01,250',
      '"BUCK","2:1-33",0.01,3',
      '"BUCK","3:1-5:67",0.0,2',
      '"BUCK","4:5-27",0.0,40',
      '"BUCK","5:5-67",0.0,160',
    ];
    const advice = {
      ...input({ BUCK: build }, 'module;array 8000000\nmodule;string 4000\n'),
      statement: statementProfile(counts.join('\n')),
    };
    expect(bytesByLine(advice, 'BUCK').get(2)! / 8_004_000).toBeGreaterThan(0.9);
  });
});

describe('constants passed down calls', () => {
  it('a parameter takes the constant names its callers pass, and its default where a call leaves it out', () => {
    const defs = indexStarlarkSource(
      'defs.bzl',
      [
        'BASE = 20000',
        'SPAN = 1200000',
        'def _pool(base, span):',
        '    return list(range(base, base + span))',
        'def _lines(bundle, count):',
        '    return ["{}/{}".format(bundle, i) for i in range(count)]',
        'def ports(services, count = 6000):',
        '    pool = _pool(BASE, SPAN)',
        '    return _lines("assets", count)',
      ].join('\n'),
    );
    const build = indexStarlarkSource('BUCK', 'load(":defs.bzl", "ports")\nports(["a", "b"])\n');
    const sources = [defs, build];
    const def = (name: string) => defs.defs.findIndex((d) => d.name === name);
    expect(knownIntegers(sources, defs, def('ports')).get('count')).toBe(6000);
    const pool = knownIntegers(sources, defs, def('_pool'));
    expect([pool.get('base'), pool.get('span')]).toEqual([20000, 1200000]);
    // `count` reaches `_lines` through `ports`, whose only caller leaves it at its default.
    expect(knownIntegers(sources, defs, def('_lines')).get('count')).toBe(6000);
  });

  it('a default that is a name is not a parameter of the def', () => {
    const defs = indexStarlarkSource('defs.bzl', 'N = 3\ndef f(a, b = N, c = 4):\n    return a\n');
    expect(defs.defs[0]).toMatchObject({ params: ['a', 'b', 'c'] });
    expect(Object.keys(defs.defs[0]!.defaults)).toEqual(['b', 'c']);
  });

  it('two callers passing different constants leave the parameter unknown', () => {
    const defs = indexStarlarkSource('defs.bzl', 'def f(n):\n    return list(range(n))\nf(1)\nf(2)\n');
    expect(knownIntegers([defs], defs, 0).has('n')).toBe(false);
  });
});
