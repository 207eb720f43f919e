import { describe, expect, it } from 'vitest';
import { describeTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { detectFormat } from '../../src/formats/detect.ts';
import { unquoteFrame } from '../../src/formats/time-flame.ts';
import { readGolden, readGoldenBody } from '../golden.ts';

function timeFlame(text: string) {
  const parsed = parseText('profile.csv', text);
  expect(parsed.error).toBeNull();
  if (parsed.profile?.format !== 'time-flame') throw new Error(`got ${parsed.profile?.format}`);
  return { parsed, flame: parsed.profile };
}

describe('time flame', () => {
  it('builds the upstream golden: 413 ms under root, module unquoted', () => {
    const { flame } = timeFlame(readGoldenBody('time_flame.flame.golden'));
    expect(flame.tree.unit).toBe('milliseconds');
    expect(flame.tree.total[0]).toBe(413);
    expect(flame.tree.self[0]).toBe(35);
    expect(flame.stacks).toBe(4);
    expect(describeTree(flame.tree)).toEqual([
      '- module (total: 378, self: 70)',
      '  - test.star.test (total: 308, self: 168)',
      '    - test.star.inner (total: 140, self: 140)',
    ]);
  });

  it('reads the golden with its # @generated header too', () => {
    expect(timeFlame(readGolden('time_flame.flame.golden')).flame.tree.total[0]).toBe(413);
  });

  it('unquotes string pseudo-frames, including one with a space', () => {
    const { flame } = timeFlame('root;"module";"GC";"trace/walk (profiling)" 12\nroot;"module";a.bzl.f 3\n');
    expect(describeTree(flame.tree)).toEqual([
      '- module (total: 15, self: 0)',
      '  - GC (total: 12, self: 0)',
      '    - trace/walk (profiling) (total: 12, self: 12)',
      '  - a.bzl.f (total: 3, self: 3)',
    ]);
  });

  it('sums duplicate stacks of merged files', () => {
    const { flame } = timeFlame('root;"module";a.bzl.f 5\nroot 1\nroot;"module";a.bzl.f 7\n');
    expect(describeTree(flame.tree)).toEqual(['- module (total: 12, self: 0)', '  - a.bzl.f (total: 12, self: 12)']);
    expect(flame.tree.total[0]).toBe(13);
  });

  it('counts lines outside root once instead of inventing a second root', () => {
    const { parsed, flame } = timeFlame('root;"module" 4\nmodule;list 8\nother 2\n');
    expect(flame.tree.total[0]).toBe(4);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]!.count).toBe(2);
  });

  it('is detected before the heap flame, which would treat root as a frame', () => {
    expect(detectFormat({ lines: ['root 35', 'root;"module" 70'], complete: true })?.name).toBe('time-flame');
    expect(detectFormat({ lines: ['root;"module" 70'], complete: true })?.name).toBe('time-flame');
    expect(detectFormat({ lines: ['rooted;list 8'], complete: true })?.name).toBe('heap-flame');
    expect(detectFormat({ lines: ['module;list 8'], complete: true })?.name).toBe('heap-flame');
  });

  it('leaves unquoted and lone-quote frames alone', () => {
    expect(unquoteFrame('a.bzl.f')).toBe('a.bzl.f');
    expect(unquoteFrame('"')).toBe('"');
    expect(unquoteFrame('"GC"')).toBe('GC');
  });
});
