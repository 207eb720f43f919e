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
  return adviseOn('gen.bzl', program(secondUse), FLAME, COUNTS);
}

/** The advisor's findings for one file (and the files it loads) with a heap flame and, when given, statement Counts. */
function adviseOn(path: string, text: string, flame: string, counts: string | null, loaded: [string, string][] = []) {
  return advise({
    heapFlame: heapFlame(flame),
    summary: null,
    statement: counts === null ? null : statementProfile(counts),
    coverage: null,
    sources: [indexStarlarkSource(path, text), ...loaded.map(([p, t]) => indexStarlarkSource(p, t))],
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
    const flame =
      'module;t.bzl.targets;t.bzl._make_all;dict 3000000\nmodule;t.bzl.targets;t.bzl._make_all;string 500000\nmodule;t.bzl.targets;t.bzl._declare;dict 100000\n';
    return adviseOn('t.bzl', text, flame, null);
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

describe('materialize-then-process by keys', () => {
  function indexByName(secondLoop: string) {
    const text = [
      'def libs(names):',
      '    by_name = {}',
      '    for n in names:',
      '        by_name[n] = {"srcs": ["%s/%d.cc" % (n, i) for i in range(8)], "name": n}',
      `    for n in ${secondLoop}:`,
      '        spec = by_name[n]',
      '        cc_library(name = spec["name"], srcs = spec["srcs"])',
    ].join('\n');
    const counts = [
      'File,Span,Duration(s),Count',
      '"TOTAL","",0.01,4000',
      '"l.bzl","2:5-17",0.0,1',
      '"l.bzl","3:5-4:80",0.0,1',
      '"l.bzl","4:9-80",0.0,1000',
      '"l.bzl","5:5-7:60",0.0,1',
      '"l.bzl","6:9-25",0.0,1000',
      '"l.bzl","7:9-60",0.0,2000',
    ].join('\n');
    const flame = 'module;l.bzl.libs;dict 3000000\nmodule;l.bzl.libs;string 900000\nmodule;l.bzl.libs;array 300000\n';
    return adviseOn('l.bzl', text, flame, counts);
  }

  it('a dict filled by name in one loop and looked up by the same names in a second', () => {
    const [finding] = indexByName('names');
    expect(finding).toMatchObject({ cause: 'materialize-then-process', span: { line: 4 } });
    expect(finding!.evidence.join('\n')).toContain('about 1,000 items');
  });

  it('not when the second loop goes over other keys (a few lookups, not a walk)', () => {
    const findings = indexByName('["a", "b"]');
    expect(findings.filter((f) => f.cause === 'materialize-then-process')).toEqual([]);
  });
});

describe('materialize-then-process along a chain of collections', () => {
  function chain(firstFlame: string) {
    const buck = [
      'load(":rules.bzl", "make_rule")',
      'MODS = [("m%d" % i, ("a", "b")[i % 2]) for i in range(40)]',
      'KINDS = ["lib", "test", "bench", "doc", "fuzz"]',
      'RULES = [make_rule(m, k) for m in MODS for k in KINDS]',
      'for r in RULES:',
      '    native_rule(**r)',
    ].join('\n');
    const rules = 'def make_rule(m, k):\n    return {"name": m[0] + k, "srcs": ["%s/%s.c" % (m[0], k)] * 20}\n';
    const counts = [
      'File,Span,Duration(s),Count',
      '"TOTAL","",0.01,700',
      '"BUCK","2:1-60",0.0,1',
      '"BUCK","4:1-55",0.0,201',
      '"BUCK","5:1-6:21",0.0,1',
      '"BUCK","6:5-21",0.0,400',
      '"rules.bzl","2:5-70",0.0,200',
    ].join('\n');
    const flame = `${firstFlame}module;rules.bzl.make_rule;dict 1500000\nmodule;rules.bzl.make_rule;array 900000\n`;
    return adviseOn('BUCK', buck, flame, counts, [['rules.bzl', rules]]);
  }

  it('a small first table walked into a heavy second collection: the second is the culprit', () => {
    const [finding] = chain('module;tuple 3000\nmodule;string 2000\n');
    expect(finding).toMatchObject({ cause: 'materialize-then-process', function: 'module', span: { line: 4 } });
  });

  it('a heavy first link is reported once, at the first collection', () => {
    const findings = chain('module;tuple 3000000\nmodule;string 2000\n').filter(
      (f) => f.cause === 'materialize-then-process',
    );
    expect(findings.map((f) => f.span.line)).toEqual([2]);
  });
});
