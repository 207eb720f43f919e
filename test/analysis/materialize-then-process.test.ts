// materialize-then-process when the producer's loops are not written with sizes: the walk's
// statement Counts say how many items there were (Count = runs × (1 + the calls in the statement)),
// and a second walk over the items (a comprehension of their names) does not hide the pattern.
// Small hand-written programs with hand-written heap flames and Counts.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

function program(secondUse: string): string {
  return [
    'def _requests(files, kinds):',
    '    out = []',
    '    for f in files:',
    '        for k in kinds:',
    '            out.append({"name": f + k, "src": f, "kind": k})',
    '    return out',
    '',
    'def codegen(name, files, kinds):',
    '    todo = _requests(files, kinds)',
    '    for r in todo:',
    '        genrule(**r)',
    `    ${secondUse}`,
  ].join('\n');
}

const FLAME = [
  'module;gen.bzl.codegen;gen.bzl._requests;dict 2400000',
  'module;gen.bzl.codegen;gen.bzl._requests;string 600000',
  'module;gen.bzl.codegen;gen.bzl._requests;array 100000',
  'module;gen.bzl.codegen;dict 200000',
  'module;gen.bzl.codegen;list 16',
].join('\n');

// 50 files × 12 kinds: the walk's body `genrule(**r)` runs 600 times and calls genrule once each.
const COUNTS = [
  'File,Span,Duration(s),Count',
  '"TOTAL","",0.01,2000',
  '"gen.bzl","9:5-35",0.0,2',
  '"gen.bzl","10:5-11:21",0.0,1',
  '"gen.bzl","11:9-21",0.0,1200',
  '"gen.bzl","12:5-60",0.0,2',
  '"gen.bzl","3:5-5:60",0.0,1',
  '"gen.bzl","4:9-5:60",0.0,50',
  '"gen.bzl","5:13-60",0.0,1200',
].join('\n');

function findingsFor(secondUse: string) {
  return advise({
    heapFlame: heapFlame(FLAME),
    summary: null,
    statement: statementProfile(COUNTS),
    coverage: null,
    sources: [indexStarlarkSource('gen.bzl', program(secondUse))],
  });
}

describe('materialize-then-process read from the walk', () => {
  it('counts the items by the walk and accepts a second walk over their names', () => {
    const [finding] = findingsFor('filegroup(name = name, srcs = [":" + r["name"] for r in todo])');
    expect(finding).toMatchObject({ cause: 'materialize-then-process', span: { line: 9 } });
    expect(finding!.evidence.join('\n')).toContain('about 600 items');
    expect(finding!.evidence.join('\n')).toContain('walked 2 times');
  });

  it('not when another read needs the whole collection at once', () => {
    const findings = findingsFor('filegroup(name = name, srcs = sorted(todo))');
    expect(findings.filter((f) => f.cause === 'materialize-then-process')).toEqual([]);
  });
});

describe('materialize-then-process handed straight on', () => {
  function twoHelpers(consume: string) {
    const text = [
      'def _make_all(n):',
      '    return [{"name": "t%d" % i, "srcs": ["t%d.c" % i]} for i in range(n)]',
      '',
      'def targets():',
      '    _declare(_make_all(5000))',
      '',
      'def _declare(items):',
      `    ${consume}`,
    ].join('\n');
    return advise({
      heapFlame: heapFlame(
        'module;t.bzl.targets;t.bzl._make_all;dict 3000000\nmodule;t.bzl.targets;t.bzl._make_all;string 500000\nmodule;t.bzl.targets;t.bzl._declare;dict 100000\n',
      ),
      summary: null,
      statement: null,
      coverage: null,
      sources: [indexStarlarkSource('t.bzl', text)],
    });
  }

  it('consume(produce()) where consume walks its parameter is the pattern, at the call', () => {
    const [finding] = twoHelpers('for it in items:\n        cc_rule(**it)');
    expect(finding).toMatchObject({ cause: 'materialize-then-process', function: 't.bzl.targets', span: { line: 5 } });
  });

  it('not when the consumer needs the whole list at once', () => {
    const findings = twoHelpers('cc_group(name = "all", items = sorted(items))');
    expect(findings.filter((f) => f.cause === 'materialize-then-process')).toEqual([]);
  });
});
