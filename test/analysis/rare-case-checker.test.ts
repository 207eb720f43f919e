// rare-case-allocation in a checker def called per item only to decide a failure: it builds the
// same value on every call from none of its parameters (`x in set(_KNOWN)`).
// Small hand-written programs with hand-written heap flames.
import { describe, expect, it } from 'vitest';
import { adviseOnFlame } from './fixtures.ts';

function program(after: string): string {
  return [
    '_KNOWN = ["k%d" % i for i in range(300)]',
    '',
    'def _valid(x):',
    '    return x in set(_KNOWN)',
    '',
    'def check_all(items):',
    '    wrong = [i for i in items if not _valid(i)]',
    '    if wrong:',
    '        fail("unknown: %s" % wrong)',
    `    ${after}`,
  ].join('\n');
}

const FLAME = ['module;gen.bzl.check_all;gen.bzl._valid;set 8000000', 'module;gen.bzl.check_all;list 1000'].join('\n');

function findingsFor(after: string) {
  return adviseOnFlame('gen.bzl', program(after), FLAME).filter((f) => f.cause === 'rare-case-allocation');
}

describe('rare-case-allocation in a checker called only to decide a failure', () => {
  it('reports the value the checker builds from none of its parameters', () => {
    const [finding] = findingsFor('filegroup(name = "all", srcs = items)');
    expect(finding).toMatchObject({ span: { line: 4 } });
    expect(finding!.evidence[0]).toContain('_valid()');
  });

  it('not when running code reads what the checks found', () => {
    expect(findingsFor('filegroup(name = "wrong", srcs = wrong)')).toEqual([]);
  });
});
