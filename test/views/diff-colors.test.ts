import { lab, rgb, type LabColor } from 'd3';
import { describe, expect, it } from 'vitest';
import { diffCallTrees } from '../../src/analysis/diff.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { stackOf, type CallTree } from '../../src/model/call-tree.ts';
import { changeColor, diffFrames, scaledChanges, UNCHANGED_COLOR } from '../../src/views/diff-colors.ts';
import { diffFrameDetails, diffFrameLabel, relativeChange } from '../../src/views/diff-details.ts';
import { sampleHeapFlame } from '../samples.ts';

// Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, on linear RGB.
const DEFICIENCIES: Record<string, number[][]> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toGamma = (c: number) => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

function simulate(color: string, m: number[][]): LabColor {
  const c = rgb(color);
  const v = [toLinear(c.r), toLinear(c.g), toLinear(c.b)];
  const out = m.map((row) => Math.min(1, Math.max(0, row[0]! * v[0]! + row[1]! * v[1]! + row[2]! * v[2]!)));
  return lab(rgb(toGamma(out[0]!), toGamma(out[1]!), toGamma(out[2]!)));
}

/** CIE76 colour difference; about 2.3 is just noticeable, above 20 is clearly different. */
const deltaE = (a: LabColor, b: LabColor) => Math.hypot(a.l - b.l, a.a - b.a, a.b - b.b);

function heapTree(text: string): CallTree {
  const parsed = parseText('flame.src', text);
  if (parsed.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
  return parsed.profile.tree;
}

// A real heap flame against a copy with platform_flag_table's dict line cut from 5955200 to 595520 bytes.
const BASE = sampleHeapFlame();
const diff = diffCallTrees(
  heapTree(BASE),
  heapTree(BASE.replace('defs.bzl.platform_flag_table;dict 5955200', 'defs.bzl.platform_flag_table;dict 595520')),
);
const INNER = 'module;defs.bzl.cxx_libraries;defs.bzl.platform_flag_table';
const node = (stack: string) =>
  [...diff.base.name.keys()].find((i) => i > 0 && stackOf(diff.base, i).join(';') === stack)!;

describe('diff palette', () => {
  it('paints growth red, drops blue and no change neutral', () => {
    const up = rgb(changeColor(1));
    const down = rgb(changeColor(-1));
    expect(up.r).toBeGreaterThan(up.b);
    expect(down.b).toBeGreaterThan(down.r);
    expect(changeColor(0)).toBe(UNCHANGED_COLOR);
  });

  for (const [name, matrix] of Object.entries(DEFICIENCIES)) {
    it(`keeps growth and drop clearly apart under simulated ${name}`, () => {
      for (const [strength, least] of [
        [1, 40],
        [0.5, 40],
        [0.1, 20],
      ] as const) {
        const up = simulate(changeColor(strength), matrix);
        const down = simulate(changeColor(-strength), matrix);
        expect(deltaE(up, down), `strength ${strength}`).toBeGreaterThan(least);
        expect(deltaE(up, simulate(UNCHANGED_COLOR, matrix))).toBeGreaterThan(least / 2);
        expect(deltaE(down, simulate(UNCHANGED_COLOR, matrix))).toBeGreaterThan(least / 4);
      }
    });
  }
});

describe('diff colouring of a real flame and its shrunk copy', () => {
  it('keeps black frame labels at 4.5:1 or more over the whole scale', () => {
    const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    for (let change = -1; change <= 1; change += 0.05) {
      const c = rgb(changeColor(change));
      const ratio = (0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b) + 0.05) / 0.05;
      expect([change.toFixed(2), ratio >= 4.5]).toEqual([change.toFixed(2), true]);
    }
  });

  it('colours the shrunk path at full strength and leaves the rest neutral', () => {
    const colors = diffFrames(diff, 'absolute');
    const shrunk = changeColor(-1);
    expect(colors.colorOf(node(INNER))).toBe(shrunk);
    expect(colors.colorOf(node('module'))).toBe(shrunk);
    expect(colors.colorOf(node('module;defs.bzl.cxx_libraries;list'))).toBe(UNCHANGED_COLOR);
    expect(colors.statusOf(node(INNER))).toBe('shrank');
  });

  it('in share mode, shows the unchanged frames gaining share', () => {
    const changes = scaledChanges(diff, 'share');
    expect(changes[node('module;defs.bzl.cxx_libraries;array')]!).toBeGreaterThan(0);
    // The cut line loses the most share; platform_flag_table as a whole stays at 99.7%.
    expect(changes[node(`${INNER};dict`)]!).toBe(-1);
  });

  it('tells base, target and change in words', () => {
    const inner = node(INNER);
    expect(diffFrameDetails(diff, inner)).toEqual([
      'defs.bzl.platform_flag_table',
      'shrank',
      'base: 31.6 MiB',
      'target: 26.5 MiB',
      'change: -5.11 MiB (-16%)',
      'share of total: 99.7% → 99.7%',
    ]);
    expect(diffFrameLabel(diff, inner)).toBe('defs.bzl.platform_flag_table: shrank, 31.6 MiB → 26.5 MiB');
    expect(diffFrames(diff, 'share').details(inner)).toEqual(diffFrameDetails(diff, inner));
  });
});

describe('relativeChange', () => {
  it('keeps near-total drops from reading as -100%', () => {
    expect([relativeChange(5_800_000, 48), relativeChange(100, 0), relativeChange(1760, 176)]).toEqual([
      '-99.9%',
      '-100%',
      '-90%',
    ]);
    expect([relativeChange(100, 105), relativeChange(100, 127), relativeChange(0, 8)]).toEqual(['+5.0%', '+27%', '']);
  });
});
