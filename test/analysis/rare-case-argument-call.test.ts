// rare-case-allocation when the argument only a failure reads is made by a def call
// (`_dep_ok(d, suggest(d))`, `suggest` filtering and sorting a table for a "did you mean" hint):
// the call's bytes are the argument's, paid on every pass although only `fail` reads it.
// A small hand-written program with a hand-written heap flame.
import { describe, expect, it } from 'vitest';
import { adviseOnFlame } from './fixtures.ts';

function program(hintAlsoUsed: boolean): string {
  return [
    'KNOWN = ["lib%d" % i for i in range(300)]',
    'KNOWN_SET = {k: True for k in KNOWN}',
    '',
    'def suggest(d):',
    '    return sorted([k for k in KNOWN if k[:2] == d[:2]])[:3]',
    '',
    'def _dep_ok(d, hint):',
    ...(hintAlsoUsed ? ['    native_rule(name = d, labels = hint)'] : []),
    '    if d in KNOWN_SET:',
    '        return True',
    '    fail("unknown dep %s (did you mean %s?)" % (d, hint))',
    '',
    'def _deps(ds):',
    '    return [d for d in ds if _dep_ok(d, suggest(d))]',
    '',
    'def app(mods):',
    '    for m, ds in mods:',
    '        native_rule(name = m, deps = _deps(ds))',
  ].join('\n');
}

const FLAME = [
  'module;dep.bzl.app;dep.bzl._deps;dep.bzl.suggest;list 3000000',
  'module;dep.bzl.app;dep.bzl._deps;list 20000',
].join('\n');

function findingsOf(hintAlsoUsed: boolean) {
  return adviseOnFlame('dep.bzl', program(hintAlsoUsed), FLAME).filter((f) => f.cause === 'rare-case-allocation');
}

describe('rare-case-allocation of an argument made by a def call', () => {
  it('points at the call whose argument only the failure reads, claiming the def it calls', () => {
    const [finding] = findingsOf(false);
    expect(finding).toMatchObject({ function: 'dep.bzl._deps', span: { line: 13 } });
    expect(finding!.bytes).toBeGreaterThanOrEqual(3_000_000);
  });

  it('not when running code reads the argument too', () => {
    expect(findingsOf(true)).toEqual([]);
  });
});
