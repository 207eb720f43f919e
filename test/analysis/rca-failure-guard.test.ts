// rare-case-allocation for a value built only to decide whether to fail: a dict of every allowed
// region, rebuilt on each call of a validator that a loop up the stack runs per resource, read
// only by `if value not in allowed: fail(…)` (and by a loop adding to it). Not a `seen` set that
// the same loop both checks and adds to (each pass needs what the others added), nor a value the
// running code reads too. A small hand-written program with a hand-written heap flame.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame } from './fixtures.ts';

const CALLER = [
  'def _validate(attrs, **kwargs):',
  '    for field, check in VALIDATORS:',
  '        check(attrs[field], **kwargs)',
  '',
  'def resources(names):',
  '    for name in names:',
  '        _validate({"region": name})',
];

function findingsFor(checker: string[]) {
  const program = [
    'REGIONS = [struct(name = "r%d" % i, tier = "std") for i in range(360)]',
    '',
    ...checker,
    '',
    'VALIDATORS = [("region", _check_region)]',
    '',
    ...CALLER,
  ].join('\n');
  return advise({
    heapFlame: heapFlame(
      [
        'module;v.bzl.resources;dict 50000',
        'module;v.bzl.resources;v.bzl._validate;v.bzl._check_region;dict 9000000',
        '',
      ].join('\n'),
    ),
    summary: null,
    statement: null,
    coverage: null,
    sources: [indexStarlarkSource('v.bzl', program)],
  }).filter((f) => f.cause === 'rare-case-allocation');
}

describe('rare-case-allocation of a value only a fail check reads', () => {
  it('is said of a dict rebuilt per call only to guard fail, repeated by the loop that calls it', () => {
    const findings = findingsFor([
      'def _check_region(value, extra = ()):',
      '    allowed = {r.name: r.tier for r in REGIONS}',
      '    for r in extra:',
      '        allowed[r] = "custom"',
      '    if value not in allowed:',
      '        fail("unknown region %r" % value)',
    ]);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.span.line).toBe(4);
    expect(findings[0]!.evidence[1]).toContain('for field, check in VALIDATORS');
  });

  it('is not said of a set the same loop checks and adds to', () => {
    const findings = findingsFor([
      'def _check_region(values):',
      '    seen = {}',
      '    for v in values:',
      '        if v in seen:',
      '            fail("duplicate %r" % v)',
      '        seen[v] = True',
    ]);
    expect(findings).toEqual([]);
  });

  it('is not said of a value the check needs whole (a duplicates test)', () => {
    const findings = findingsFor([
      'def _check_region(values):',
      '    names = [r.name for r in REGIONS if r.name in values]',
      '    if len(names) != len(set(names)):',
      '        fail("duplicate region")',
    ]);
    expect(findings).toEqual([]);
  });

  it('is not said when running code reads the value too', () => {
    const findings = findingsFor([
      'def _check_region(value):',
      '    allowed = {r.name: r.tier for r in REGIONS}',
      '    if value not in allowed:',
      '        fail("unknown region %r" % value)',
      '    return allowed[value]',
    ]);
    expect(findings).toEqual([]);
  });
});
