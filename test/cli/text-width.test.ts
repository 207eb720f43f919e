import { describe, expect, it } from 'vitest';
import { closestName } from '../../src/cli/suggest.ts';
import { fitToWidth, middleTruncate, wrapLine } from '../../src/cli/text-width.ts';

describe('middleTruncate', () => {
  it('keeps the start of the path and the last segment (the function name) whole', () => {
    const name = 'samples/programs/materialize-then-process/before/macros/defs.bzl.generated_libraries';
    const cut = middleTruncate(name, 50);
    expect(cut).toHaveLength(50);
    expect(cut).toMatch(/^samples\/progra.*…defs\.bzl\.generated_libraries$/);
  });

  it('keeps the end when even the last segment is too long', () => {
    expect(middleTruncate('a/b/defs.bzl.a_really_long_function_name', 12)).toBe('…nction_name');
    expect(middleTruncate('short', 10)).toBe('short');
  });
});

describe('wrapLine', () => {
  it('wraps at spaces under the indent, keeping the spacing of the first piece', () => {
    const line = `  1.5 GiB    75%  root//foo:BUCK: ${'word '.repeat(30).trim()}`;
    const wrapped = wrapLine(line, 40);
    expect(wrapped[0]).toMatch(/^ {2}1\.5 GiB {4}75% {2}root/);
    for (const l of wrapped) expect(l.length).toBeLessThanOrEqual(40);
    expect(wrapped.slice(1).every((l) => l.startsWith('    '))).toBe(true);
    expect(wrapped.join(' ').replace(/ +/g, ' ')).toBe(line.replace(/ +/g, ' '));
  });

  it('cuts a single word longer than the width in the middle', () => {
    const out = fitToWidth(`x ${'a/'.repeat(80)}defs.bzl.f`, 30).split('\n');
    for (const l of out) expect(l.length).toBeLessThanOrEqual(30);
    expect(out.at(-1)).toMatch(/…a\/defs\.bzl\.f$|defs\.bzl\.f$/);
  });
});

describe('closestName', () => {
  it('offers the nearest name only when it is a plausible slip', () => {
    expect(closestName('reprot', ['report', 'open', 'diff'])).toBe('report');
    expect(closestName('rep', ['report', 'open', 'diff'])).toBe('report');
    expect(closestName('--JSON', ['--json'])).toBe('--json');
    expect(closestName('banana', ['report', 'open', 'diff'])).toBeNull();
  });
});
