// loop-invariant-call through `**kwargs`: a helper called in a loop with `**kwargs` forwarded
// from the def around the loop passes the same keywords on every pass, so a costly call the
// helper makes from them (and from parameters passed unchanged) repeats for nothing. A keyword
// the loop changes (`salt = step`) reaches the same `**kwargs` and makes the call vary.
// A small hand-written program with hand-written heap flames.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

function program(forwarded: string): string {
  return [
    'def _digest(lines, salt = ""):',
    '    return "%x" % hash(salt + "\\n".join(lines))',
    '',
    'def _labels(step, lines, **kwargs):',
    '    return ["step:" + step, _digest(lines, salt = kwargs.get("salt", ""))]',
    '',
    'def steps(names, lines = [], **kwargs):',
    '    for step in names:',
    `        native_rule(name = step, labels = _labels(step, lines, ${forwarded}))`,
  ].join('\n');
}

function findingsFor(forwarded: string) {
  const calls = 100;
  return advise({
    heapFlame: heapFlame(
      [
        `module;p.bzl.steps;list ${100 * calls}`,
        `module;p.bzl.steps;p.bzl._labels;list ${100 * calls}`,
        `module;p.bzl.steps;p.bzl._labels;p.bzl._digest;string ${50_000 * calls}`,
        '',
      ].join('\n'),
    ),
    summary: null,
    statement: statementProfile(
      [
        'File,Span,Duration(s),Count',
        `p.bzl,2:5-47,0.1,${3 * calls}`,
        `p.bzl,5:5-73,0.1,${3 * calls}`,
        'p.bzl,8:5-9:80,0.1,1',
        `p.bzl,9:9-80,0.1,${3 * calls}`,
      ].join('\n'),
    ),
    coverage: null,
    sources: [indexStarlarkSource('p.bzl', program(forwarded))],
  }).filter((f) => f.cause === 'loop-invariant-call');
}

describe('loop-invariant-call through **kwargs', () => {
  it('is said of a helper call whose keywords come unchanged through **kwargs', () => {
    const findings = findingsFor('**kwargs');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.span.line).toBe(5);
  });

  it('is not said when the loop passes a keyword of its own into **kwargs', () => {
    expect(findingsFor('salt = step, **kwargs')).toEqual([]);
  });
});

describe('argument reads of *xs and **kw', () => {
  it('are marked by their star, not counted as a position', () => {
    const source = indexStarlarkSource('a.bzl', 'def f(a, **kw):\n    g(a, *a, **kw)\n');
    const args = source.reads.filter((r) => r.use === 'argument').map((r) => [r.name, r.position, r.keyword]);
    expect(args).toEqual([
      ['a', 0, ''],
      ['a', -1, '*'],
      ['kw', -1, '**'],
    ]);
    expect(source.defs[0]!.kwargs).toBe('kw');
  });
});
