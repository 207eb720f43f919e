// loop-invariant-call without a call: a comprehension in the middle loop of three that reads only
// parameters (no loop variable) builds the same list on every pass; one that reads the loop's
// variable does not. Hand-written source and heap flame; no statement profile.
import { describe, expect, it } from 'vitest';
import { adviseOnFlame } from './fixtures.ts';

const PROGRAM = [
  'def tables(name, version, vehicles, mounts, rows, cols):',
  '    outs = []',
  '    for v in vehicles:',
  '        for m in mounts:',
  '            keys = ["%s/r%d_c%d" % (version, r, c) for r in range(rows) for c in range(cols)]',
  '            for axis in ["x", "y", "z"]:',
  '                outs.append((v, m, axis, len(keys)))',
  '    for o in outs:',
  '        native_rule(name = name + o[2])',
].join('\n');

const FLAME = [
  'module;calib.bzl.tables;string 9000000',
  'module;calib.bzl.tables;array 2000000',
  'module;calib.bzl.tables;dict 20000',
  '',
].join('\n');

const found = (program: string) => adviseOnFlame('calib.bzl', program, FLAME).map((f) => `${f.cause} ${f.span.line}`);

describe('a loop-invariant comprehension', () => {
  it('is reported where it is built, in the middle loop', () => {
    expect(found(PROGRAM)[0]).toBe('loop-invariant-call 5');
  });

  it('not when it reads a variable of a loop around it', () => {
    const variant = PROGRAM.replace('(version, r, c)', '(m, r, c)');
    expect(variant).not.toBe(PROGRAM);
    expect(found(variant)).not.toContain('loop-invariant-call 5');
  });
});
