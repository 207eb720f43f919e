// growth-by-copying of a copy per pass (`sorted(x)`, `dict(x)`): only when what is copied
// accumulates across the passes (`acc = dict(acc, …)`); a name bound afresh on every pass
// (`env = make_env(cell)`) is copied per item, which is not growth. Hand-written sources and heap flame.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame } from './fixtures.ts';

const FLAME = ['module;m.bzl.matrix;dict 3000000', 'module;m.bzl.matrix;list 900000', 'module;string 100'].join('\n');

function growthIn(body: string[]) {
  const text = ['def matrix(cells, shards):', ...body].join('\n');
  return advise({
    heapFlame: heapFlame(FLAME),
    summary: null,
    statement: null,
    coverage: null,
    sources: [indexStarlarkSource('m.bzl', text)],
  }).filter((f) => f.cause === 'growth-by-copying');
}

describe('growth-by-copying of a collection copied per pass', () => {
  it('a dict rebuilt from itself on every pass, then copied, grows', () => {
    const found = growthIn([
      '    env = {}',
      '    for cell in cells:',
      '        env = dict(env, **{cell: "1"})',
      '        native_rule(name = cell, keys = sorted(env))',
    ]);
    expect(found.map((f) => f.span.line)).toContain(4);
  });

  it.each([
    [
      'in the same loop',
      [
        '    for cell in cells:',
        '        env = make_env(cell)',
        '        native_rule(name = cell, keys = sorted(env))',
      ],
    ],
    [
      'in an outer loop',
      [
        '    for cell in cells:',
        '        env = make_env(cell)',
        '        for shard in range(shards):',
        '            native_rule(name = cell, keys = sorted(env))',
      ],
    ],
  ])('not when the copied dict is bound afresh on every pass (%s)', (_, body) => {
    expect(growthIn(body)).toEqual([]);
  });
});
