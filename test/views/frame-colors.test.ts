import { describe, expect, it } from 'vitest';
import {
  assignColors,
  colorOfKey,
  FRAME_PALETTE,
  MATCH_COLOR,
  NO_KEY_COLOR,
  SMALL_COLOR,
} from '../../src/views/frame-colors.ts';

/** WCAG contrast of a #rrggbb fill against black (the label colour of the live chart). */
function contrastWithBlack(hex: string): number {
  const lin = (i: number) => {
    const v = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return (0.2126 * lin(0) + 0.7152 * lin(1) + 0.0722 * lin(2) + 0.05) / 0.05;
}

describe('frame colours', () => {
  it('keeps a black label at 4.5:1 or more on every fill', () => {
    const keys = ['string', 'dict', 'array', 'list', 'tuple', 'struct', 'function', 'record', 'int', 'enum'];
    for (const color of [...FRAME_PALETTE, ...keys.map(colorOfKey), SMALL_COLOR, NO_KEY_COLOR, MATCH_COLOR]) {
      expect([color, contrastWithBlack(color) >= 4.5]).toEqual([color, true]);
    }
  });

  it('gives a key its colour from its name alone, whatever else is drawn', () => {
    const files = ['prelude/cxx/cxx.bzl', 'defs.bzl', 'build_defs/rules/defs.bzl', 'a.bzl', 'b.bzl'];
    const before = files.map(colorOfKey);
    const alone = assignColors(new Map([[files[2]!, 1]])).colorOf(files[2]!);
    const heaviest = assignColors(new Map(files.map((f, i) => [f, i === 2 ? 1e9 : i + 1]))).colorOf(files[2]!);
    expect([alone, heaviest]).toEqual([before[2], before[2]]);
    expect(files.map(colorOfKey)).toEqual(before);
    for (const c of before) expect(FRAME_PALETTE).toContain(c);
  });

  it('gives the common value types colours of their own', () => {
    const types = ['string', 'dict', 'array', 'list', 'tuple', 'struct', 'function'];
    expect(new Set(types.map(colorOfKey)).size).toBe(types.length);
    expect(colorOfKey('')).toBe(NO_KEY_COLOR);
    expect(colorOfKey('constructor')).toMatch(/^#[0-9a-f]{6}$/); // not Object.prototype's
  });

  it('lists the heaviest keys in the legend and sums the rest', () => {
    const weights = new Map<string, number>([
      ['', 100],
      ...Array.from({ length: 12 }, (_, i) => [`k${i}`, i + 1] as [string, number]),
    ]);
    const { legend } = assignColors(weights);
    expect(legend.slice(0, 2)).toEqual([
      { key: 'k11', color: colorOfKey('k11'), weight: 12 },
      { key: 'k10', color: colorOfKey('k10'), weight: 11 },
    ]);
    expect(legend.at(-1)).toEqual({ key: '2 more', color: 'transparent', weight: 3 });
  });
});
