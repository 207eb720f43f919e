import { describe, expect, it } from 'vitest';
import { describeTree } from '../../src/model/call-tree.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import { readGolden, readGoldenBody } from '../golden.ts';

function heapFlame(text: string) {
  const parsed = parseText('flame.src', text);
  expect(parsed.error).toBeNull();
  if (parsed.profile?.format !== 'heap-flame') throw new Error(`got ${parsed.profile?.format}`);
  return { parsed, flame: parsed.profile };
}

describe('heap flame', () => {
  it('builds the exact tree of the upstream allocated golden', () => {
    const { flame } = heapFlame(readGoldenBody('heap_flame_allocated.flame.golden'));
    expect(flame.stacks).toBe(7);
    expect(flame.tree.total[0]).toBe(3032);
    expect(describeTree(flame.tree)).toEqual([
      '- range (total: 8, self: 8)',
      '- module (total: 3024, self: 0)',
      '  - function (total: 16, self: 16)',
      '  - test.star.test (total: 3008, self: 0)',
      '    - dict (total: 192, self: 192)',
      '    - list (total: 384, self: 384)',
      '    - array (total: 480, self: 480)',
      '    - tuple (total: 192, self: 192)',
      '    - test.star.inner (total: 1760, self: 0)',
      '      - dict (total: 1760, self: 1760)',
    ]);
  });

  it('reads the golden with its # @generated header too', () => {
    expect(heapFlame(readGolden('heap_flame_retained.flame.golden')).flame.tree.total[0]).toBe(24);
  });

  it('splits the value at the last space and sums duplicate stacks', () => {
    const { flame } = heapFlame('module;a b.bzl.f;list 10\nmodule;a b.bzl.f;list 5\n');
    expect(describeTree(flame.tree)).toEqual([
      '- module (total: 15, self: 0)',
      '  - a b.bzl.f (total: 15, self: 0)',
      '    - list (total: 15, self: 15)',
    ]);
  });

  it('keeps unused_capacity out of the totals and reports it apart', () => {
    const { flame } = heapFlame('module;list 8\nunused_capacity 2222\n');
    expect(flame.tree.total[0]).toBe(8);
    expect(flame.unusedCapacityBytes).toBe(2222);
  });

  it('puts (unknown) N on the root', () => {
    const { flame } = heapFlame('(unknown) 5\nmodule;list 8\n');
    expect(flame.tree.total[0]).toBe(13);
    expect(flame.tree.self[0]).toBe(5);
  });

  it("reads Buck2's `empty 1` placeholder as an empty profile", () => {
    expect(parseText('flame.src', 'empty 1\n').profile).toEqual({ format: 'empty', reason: 'flame-placeholder' });
  });

  it('accepts CRLF and a BOM', () => {
    const { flame } = heapFlame('\uFEFFmodule;list 8\r\nmodule;dict 4\r\n');
    expect(flame.tree.total[0]).toBe(12);
  });

  it('counts lines without a value once instead of failing', () => {
    const { parsed, flame } = heapFlame(`module;list 8\n${'module;list 4\n'.repeat(20)}garbage line\nother\nmodule;dict 1\n`);
    expect(flame.tree.total[0]).toBe(89);
    expect(parsed.diagnostics).toHaveLength(1);
    expect(parsed.diagnostics[0]!.count).toBe(2);
    expect(parsed.diagnostics[0]!.message).toContain('line 22');
  });

  it('rejects a byte count beyond 2^53 with a clear error', () => {
    const parsed = parseText('flame.src', 'module;list 8\nmodule;dict 99999999999999999999\n');
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.line).toBe(2);
    expect(parsed.error?.message).toMatch(/2\^53/);
  });

  it('warns when the file is cut mid-line and keeps what was read', () => {
    const parsed = parseText('flame.src', 'module;list 8\nmodule;dict 4\nmodule;tup');
    expect(parsed.profile?.format).toBe('heap-flame');
    expect(parsed.truncated?.line).toBe(3);
  });
});
