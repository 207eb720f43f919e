// huge-collection follows a helper's returned collection into its callers: a helper that returns a
// big comprehension whose callers only index it is the culprit, at its `return`; when a caller
// walks the value, it is not. Small hand-written programs, hand-written heap flame and Counts.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { RuleContext, type AdviceInput } from '../../src/analysis/rules/context.ts';
import { elementCount } from '../../src/analysis/rules/element-count.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame, statementProfile } from './fixtures.ts';

const HELPER = [
  'def all_cases(names, per_name):',
  '    return [',
  '        "{}::{}".format(name, n)',
  '        for name in names',
  '        for n in range(per_name)',
  '    ]',
].join('\n');

function macro(use: string): string {
  return [
    'load(":cases.bzl", "all_cases")',
    '',
    'def suites(names, per_name):',
    '    cases = all_cases(names, per_name)',
    '    for i, name in enumerate(names):',
    `        native_rule(name = name, label = ${use})`,
  ].join('\n');
}

// The caller's own lists: what a walk of the cases keeps (a filter per suite keeps a thousand each).
const FLAME =
  'module;suites.bzl.suites;cases.bzl.all_cases;string 6000000\nmodule;suites.bzl.suites;cases.bzl.all_cases;array 1200000\nmodule;suites.bzl.suites;dict 20000\nmodule;suites.bzl.suites;array 900000\n';
// Count is 1 + the calls evaluated in a statement: 100 000 format calls (plus the ranges) in the return.
const STATEMENTS = [
  'File,Span,Duration(s),Count',
  '"TOTAL","",0.05,100300',
  '"cases.bzl","2:5-6:6",0.05,100101',
  '"suites.bzl","4:5-39",0.0,1',
  '"suites.bzl","5:5-6:50",0.0,1',
  '"suites.bzl","6:9-50",0.0,100',
].join('\n');

function run(use: string, text = macro(use)): AdviceInput {
  const sources = [indexStarlarkSource('cases.bzl', HELPER), indexStarlarkSource('suites.bzl', text)];
  // The rule call's row spans the use as written (`native_rule(name = name, label = …)`).
  const line6 = text.split('\n')[5]!;
  return {
    heapFlame: heapFlame(FLAME),
    summary: null,
    statement: statementProfile(
      // Buck2 ends every line with a newline: without it the last row is dropped as cut short.
      STATEMENTS.replace('5:5-6:50', `5:5-6:${line6.length}`).replace('6:9-50', `6:9-${line6.length}`) + '\n',
    ),
    coverage: null,
    sources,
  };
}

describe('huge-collection through a helper’s return value', () => {
  it('a returned comprehension its caller only indexes is a huge collection at the return', () => {
    const [finding] = advise(run('cases[i * 1000]'));
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'cases.bzl.all_cases', span: { line: 2 } });
  });

  it('through a def that returns the helper’s value as is', () => {
    const sources = [
      indexStarlarkSource(
        'cases.bzl',
        `${HELPER}\n\ndef cases_for(names, per_name):\n    return all_cases(names, per_name)\n`,
      ),
      indexStarlarkSource('suites.bzl', macro('cases[i * 1000]').replace(/all_cases/g, 'cases_for')),
    ];
    const flame = FLAME.replace(/cases\.bzl\.all_cases/g, 'cases.bzl.cases_for;cases.bzl.all_cases');
    const statements = `${STATEMENTS}\n"cases.bzl","9:5-38",0.0,1\n`; // Buck2 ends every line with a newline
    const [finding] = advise({
      heapFlame: heapFlame(flame),
      summary: null,
      statement: statementProfile(statements),
      coverage: null,
      sources,
    });
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'cases.bzl.all_cases', span: { line: 2 } });
  });

  it('not when the caller walks the returned value, keeping many of its items', () => {
    const findings = advise(run('[c for c in cases if c.startswith(name)]'));
    expect(findings.filter((f) => f.cause === 'huge-collection')).toEqual([]);
  });

  // `all_cases(…)[k]`, `k in all_cases(…)`: read where it is made, never bound to a name.
  const inPlace = (value: string) => run('cases[i]', macro('cases[i]').replace('all_cases(names, per_name)', value));

  it('a returned comprehension its caller indexes in place, unnamed, is a huge collection at the return', () => {
    const [finding] = advise(inPlace('all_cases(names, per_name)[1000]'));
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'cases.bzl.all_cases', span: { line: 2 } });
  });

  it('not when the caller walks it in place, keeping many of its items', () => {
    const findings = advise(inPlace('[c for c in all_cases(names, per_name) if c.endswith("1")]'));
    // (the filtered list it makes is another value, judged on its own)
    expect(findings.filter((f) => f.function === 'cases.bzl.all_cases')).toEqual([]);
  });
});

describe('huge-collection of a string joined from a big local list', () => {
  const INDEX = [
    'def _index(prefix, n):',
    '    entries = ["%s/file_%d.txt" % (prefix, i) for i in range(n)]',
    '    return ",".join(entries)',
    '',
    'def bundles(names, n = 40000):',
    '    index = _index("data", n)',
    '    for name in names:',
    '        native_rule(name = name, present = ("data/%s.txt" % name) in index)',
  ].join('\n');
  const flame = [
    'module;idx.bzl.bundles;idx.bzl._index;string 1800000',
    'module;idx.bzl.bundles;idx.bzl._index;array 320000',
    'module;idx.bzl.bundles;string 300',
    'module;idx.bzl.bundles;dict 600',
    'module;list 64',
  ].join('\n');

  const adviseOn = (text: string) =>
    advise({
      heapFlame: heapFlame(flame),
      summary: null,
      statement: null,
      coverage: null,
      sources: [
        indexStarlarkSource('idx.bzl', text),
        indexStarlarkSource('BUCK', 'load(":idx.bzl", "bundles")\nbundles(["a", "b"])\n'),
      ],
    });

  it('counts the joined elements through the local list and reports where the caller keeps it', () => {
    const [finding] = adviseOn(INDEX);
    expect(finding).toMatchObject({ cause: 'huge-collection', function: 'idx.bzl.bundles', span: { line: 6 } });
    expect(finding!.evidence.join('\n')).toContain('40,000 elements');
  });

  it('a list grown by appends in a loop of the same def counts what the loop adds, not its empty literal', () => {
    const local = [
      'def bundles(names, n = 40000):',
      '    entries = []',
      '    for i in range(n):',
      '        entries.append("data/file_%d.txt" % i)',
      '    index = ",".join(entries)',
    ].join('\n');
    const sources = [indexStarlarkSource('idx.bzl', local), indexStarlarkSource('BUCK', 'bundles(["a"])\n')];
    const ctx = new RuleContext({ heapFlame: null, summary: null, statement: null, coverage: null, sources });
    const join = sources[0]!.statements.findIndex((s) => s.span.line === 5);
    expect(elementCount(ctx, sources[0]!, join)?.elements).toBe(40000);
  });
});
