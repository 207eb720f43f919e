// dict-view-in-loop for views taken in a table of lambdas (`SELECT[kind](…)`, each lambda walking
// `TABLE.values()`), called from a loop: the profile names every lambda of a file alike, so the
// views' bytes are judged together (each alone is a small share), and the loop that repeats the
// view is the caller's — not the comprehension the view feeds, which runs it once per call.
// A small hand-written program with a hand-written heap flame.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame } from './fixtures.ts';

const PROGRAM = [
  'TABLE = {"k%d" % i: struct(kind = ("a", "b", "c")[i % 3], level = i) for i in range(90)}',
  '',
  'SELECT = {',
  '    "a": lambda lo: [t for t in TABLE.values() if t.kind == "a" and t.level >= lo],',
  '    "b": lambda lo: [t for t in TABLE.values() if t.kind == "b" and t.level >= lo],',
  '    "c": lambda lo: [t for t in TABLE.values() if t.kind == "c" and t.level >= lo],',
  '}',
  '',
  'def pick(libs, kinds):',
  '    out = []',
  '    for lib in libs:',
  '        for kind in kinds:',
  '            out.append(len(SELECT[kind](lib.level)))',
  '    return out',
].join('\n');

const FLAME = [
  'module;sel.bzl.pick;list 100000',
  'module;sel.bzl.pick;sel.bzl.lambda;list 300000',
  'module;sel.bzl.pick;sel.bzl.lambda;array 3000000',
  '',
].join('\n');

describe('dict views in a table of lambdas', () => {
  const findings = advise({
    heapFlame: heapFlame(FLAME),
    summary: null,
    statement: null,
    coverage: null,
    sources: [indexStarlarkSource('sel.bzl', PROGRAM)],
  });
  const views = findings.filter((f) => f.cause === 'dict-view-in-loop');

  it('is one finding, at the first lambda, with the bytes of all three views', () => {
    expect(views).toHaveLength(1);
    expect(views[0]).toMatchObject({ function: 'sel.bzl.lambda', span: { line: 4 } });
    expect(views[0]!.evidence.join('\n')).toContain('lines 5, 6');
  });

  it("names the caller's loop that repeats the view, not the comprehension it feeds", () => {
    expect(views[0]!.evidence[0]).toContain('for kind in kinds');
  });
});
