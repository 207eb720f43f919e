// loop-invariant-call inside a lambda: a top-level table of lambdas (`_EMIT = {"a": lambda r: …}`)
// called once per row, each lambda rebuilding an index from a global (`build_index(INDEX_SRC)`).
// The lambda reads only globals for that call, so it is the same on every pass of the loop that
// calls the lambda; a call reading the lambda's own parameter is not.
// A small hand-written program with a hand-written heap flame.
import { describe, expect, it } from 'vitest';
import { adviseOnFlame } from './fixtures.ts';

function program(argument: string): string {
  return [
    'INDEX_SRC = [("t%d" % i, i) for i in range(400)]',
    '',
    'def build_index(src):',
    '    ix = {}',
    '    for k, v in src:',
    '        ix[k] = v',
    '    return ix',
    '',
    '_EMIT = {',
    `    "a": lambda r: r + str(len(build_index(${argument}))),`,
    '}',
    '',
    'def gen(rows):',
    '    out = []',
    '    for r in rows:',
    '        out.append(_EMIT["a"](r))',
    '    return out',
  ].join('\n');
}

const FLAME = [
  'module;gen.bzl.gen;gen.bzl.lambda;gen.bzl.build_index;dict 3000000',
  'module;gen.bzl.gen;list 20000',
].join('\n');

function findingsOf(argument: string) {
  return adviseOnFlame('gen.bzl', program(argument), FLAME).filter((f) => f.cause === 'loop-invariant-call');
}

describe('loop-invariant-call in a lambda', () => {
  it('finds a call in a lambda that reads only globals', () => {
    const [finding] = findingsOf('INDEX_SRC');
    expect(finding).toMatchObject({ function: 'gen.bzl.lambda', span: { line: 10 } });
    expect(finding!.bytes).toBeGreaterThanOrEqual(3_000_000);
  });

  it('not when the call reads the lambda parameter', () => {
    expect(findingsOf('[r]')).toEqual([]);
  });
});
