import { describe, expect, it } from 'vitest';
import { fitLabel } from '../../src/views/frame-label.ts';

/** One pixel per character: `room` is the number of characters that fit. */
const chars = (s: string) => [...s].length;

describe('fitLabel', () => {
  const name = 'build_defs/rules/defs.bzl.expand';

  it('keeps a name that fits as it is', () => {
    expect(fitLabel(name, name.length, chars)).toBe(name);
    expect(fitLabel('module', 6, chars)).toBe('module');
  });

  it('cuts the middle of the path first, keeping the file and the function whole', () => {
    expect(fitLabel(name, 24, chars)).toBe('build_d…/defs.bzl.expand');
    expect(fitLabel(name, name.length - 1, chars)).toBe('build_defs/rul…/defs.bzl.expand');
    expect(fitLabel(name, 17, chars)).toBe('…/defs.bzl.expand');
  });

  it('then drops the path and keeps the whole function name', () => {
    expect(fitLabel(name, 16, chars)).toBe('…expand');
    expect(fitLabel(name, 7, chars)).toBe('…expand');
    expect(fitLabel('defs.bzl.cxx_libraries', 20, chars)).toBe('defs.b…cxx_libraries');
  });

  it('cuts the function name last, and gives up below two characters', () => {
    expect(fitLabel(name, 6, chars)).toBe('expan…');
    expect(fitLabel(name, 3, chars)).toBe('ex…');
    expect(fitLabel(name, 2, chars)).toBe('');
  });

  it('cuts the end of names that are no file.function (types, merged frames)', () => {
    expect(fitLabel('12 small frames', 8, chars)).toBe('12 smal…');
    expect(fitLabel('a.b/c', 4, chars)).toBe('a.b…');
    expect(fitLabel('trailing.', 5, chars)).toBe('trai…');
  });

  it('never returns text wider than the room, for any room', () => {
    const names = [name, 'defs.bzl.f', 'string', 'a/b/c/d.bzl.very_long_function_name', '⋯ 3 levels above', 'x'];
    for (const n of names) {
      for (let room = 0; room <= n.length + 2; room++) {
        const label = fitLabel(n, room, chars);
        expect(chars(label)).toBeLessThanOrEqual(room);
        if (label === n) continue;
        expect(label === '' || label.includes('…')).toBe(true);
      }
    }
  });
});
