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

// The same for a value built by such calls only to be read by the `if … fail` condition: the call
// building it is also loop-invariant (no argument changes), and so is the helper's call inside,
// but the fix is not to build the guard value on every pass.
const GUARD = [
  'def _all_frames(model):',
  '    return [model + "_" + str(i) for i in range(5000)]',
  '',
  'def _frame_set(model):',
  '    return {f: True for f in _all_frames(model)}',
  '',
  'def _validate(model, mount):',
  '    valid = _frame_set(model)',
  '    if mount not in valid:',
  '        fail("unknown frame " + mount)',
  '    return mount',
  '',
  'def mounts(model, names):',
  '    return [_validate(model, m) for m in names]',
].join('\n');

const GUARD_FLAME = [
  'module;mounts.bzl.mounts;mounts.bzl._validate;mounts.bzl._frame_set;mounts.bzl._all_frames;list 2000000',
  'module;mounts.bzl.mounts;mounts.bzl._validate;mounts.bzl._frame_set;mounts.bzl._all_frames;string 2500000',
  'module;mounts.bzl.mounts;mounts.bzl._validate;mounts.bzl._frame_set;dict 3000000',
  'module;mounts.bzl.mounts;list 20000',
  '',
].join('\n');

describe('a value built by calls only to guard fail, on every pass', () => {
  it('is rare-case-allocation at the statement building it, over the invariant calls below and at it', () => {
    const sources = [indexStarlarkSource('mounts.bzl', GUARD)];
    const findings = advise({
      heapFlame: heapFlame(GUARD_FLAME),
      summary: null,
      statement: null,
      coverage: null,
      sources,
    });
    expect(findings[0]).toMatchObject({
      cause: 'rare-case-allocation',
      function: 'mounts.bzl._validate',
      span: { line: 8 },
    });
    expect(findings.filter((f) => f.cause === 'loop-invariant-call')).toEqual([]);
  });
});
