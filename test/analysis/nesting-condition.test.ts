// When a condition guarding `fail` calls an allocating def on every pass of a loop, the finding is
// rare-case-allocation at that `if` (the guide's own shape), not a pattern found inside the
// condition function: that function's cost is paid only because it is called every time.
// A small hand-written program with a hand-written heap flame.
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/analysis/advisor.ts';
import { indexStarlarkSource } from '../../src/analysis/starlark-source.ts';
import { heapFlame } from './fixtures.ts';

const CHECKS = [
  'def _bad_licenses(libs):',
  '    pairs = [(lib["name"], lic) for lib in libs for lic in lib["licenses"] + lib["extra"]]',
  '    return [p for p in pairs if p[1] in ["GPL", "AGPL"]]',
  '',
  'def licensed_libraries(libs):',
  '    for lib in libs:',
  '        if _bad_licenses([lib]):',
  '            fail("{} has a forbidden license".format(lib["name"]))',
  '        native_library(name = lib["name"], licenses = lib["licenses"])',
].join('\n');

const FLAME = [
  'module;checks.bzl.licensed_libraries;checks.bzl._bad_licenses;array 3000000',
  'module;checks.bzl.licensed_libraries;checks.bzl._bad_licenses;tuple 2000000',
  'module;checks.bzl.licensed_libraries;checks.bzl._bad_licenses;list 400000',
  'module;checks.bzl.licensed_libraries;list 30000',
  'module;checks.bzl.licensed_libraries;dict 40000',
  '',
].join('\n');

describe('a condition function guarding fail, called on every pass', () => {
  it('is rare-case-allocation at the call in the caller’s `if`, and what it covers inside is not reported', () => {
    const sources = [indexStarlarkSource('checks.bzl', CHECKS)];
    const findings = advise({ heapFlame: heapFlame(FLAME), summary: null, statement: null, coverage: null, sources });
    expect(findings[0]).toMatchObject({
      cause: 'rare-case-allocation',
      function: 'checks.bzl.licensed_libraries',
      span: { line: 7 },
    });
    expect(findings.filter((f) => f.function === 'checks.bzl._bad_licenses')).toEqual([]);
  });
});
