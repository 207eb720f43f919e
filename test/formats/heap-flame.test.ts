import { describe, expect, it, vi } from 'vitest';
import { describeTree } from '../../src/model/call-tree.ts';
import { HeapFlameParser } from '../../src/formats/heap-flame.ts';
import { ParseSession, parseText } from '../../src/formats/parse-file.ts';
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
    const { parsed, flame } = heapFlame(
      `module;list 8\n${'module;list 4\n'.repeat(20)}garbage line\nother\nmodule;dict 1\n`,
    );
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

/**
 * Parses a heap flame whose head (40 plain lines, enough to detect it) is one chunk and whose
 * `body` is a second one: the driver reads the body as bytes (`lineBytes`), never decoded.
 */
function viaBytePath(body: Uint8Array | string) {
  const head = new TextEncoder().encode('module;a.bzl.f;list 8\n'.repeat(40));
  const rest = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  const session = new ParseSession('flame.src', head.length + rest.length);
  const spy = vi.spyOn(HeapFlameParser.prototype, 'lineBytes');
  session.pushBytes(head);
  session.pushBytes(rest);
  const parsed = session.finish();
  const byteLines = spy.mock.calls.length;
  spy.mockRestore();
  if (parsed.profile?.format !== 'heap-flame')
    throw new Error(`got ${parsed.profile?.format ?? parsed.error?.message}`);
  return { parsed, tree: parsed.profile.tree, byteLines };
}

describe('heap flame read as bytes', () => {
  it('takes the byte path after the head and gives the tree the text path gives', () => {
    const body =
      'module;a.bzl.f;b.bzl.g;dict 16\r\nmodule;a.bzl.f;list 4\nmodule;c.bzl.h;dict 2\n(unknown) 3\nunused_capacity 7\n';
    const { parsed, byteLines } = viaBytePath(body);
    expect(byteLines).toBeGreaterThanOrEqual(5);
    const text = parseText('flame.src', `${'module;a.bzl.f;list 8\n'.repeat(40)}${body}`);
    expect(parsed.profile).toEqual(text.profile);
  });

  it('gives names whose bytes differ but decode alike (invalid UTF-8) one node, as the text path does', () => {
    const body = new Uint8Array([
      ...new TextEncoder().encode('module;'),
      0xff,
      ...new TextEncoder().encode('.bzl;dict 8\nmodule;'),
      0xfe,
      ...new TextEncoder().encode('.bzl;dict 8\n'),
    ]);
    const { tree } = viaBytePath(body);
    expect(describeTree(tree)).toContain('  - \uFFFD.bzl (total: 16, self: 0)');
  });

  it('tells apart names of one length that share their first, middle and last four bytes', () => {
    const { tree } = viaBytePath(
      'module;aaaa1bbbb2cccc;dict 1\nmodule;aaaa2bbbb1cccc;dict 2\nmodule;aaaa1bbbb2cccc;dict 4\n',
    );
    const lines = describeTree(tree);
    expect(lines).toContain('  - aaaa1bbbb2cccc (total: 5, self: 0)');
    expect(lines).toContain('  - aaaa2bbbb1cccc (total: 2, self: 0)');
  });

  it('reads many stacks without a `;` in linear time', () => {
    // Each `range 8` line once searched for its next `;` to the end of the chunk (quadratic).
    const { tree } = viaBytePath('range 8\n'.repeat(200_000));
    expect(tree.total[0]).toBe(320 + 1_600_000);
  });

  it('reports a bad byte count on the byte path with its line and text', () => {
    const { parsed } = (() => {
      const head = new TextEncoder().encode('module;list 8\n'.repeat(40));
      const session = new ParseSession('flame.src', 0);
      session.pushBytes(head);
      session.pushBytes(new TextEncoder().encode('module;dict 99999999999999999999\nmodule;list 1\n'));
      return { parsed: session.finish() };
    })();
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.line).toBe(41);
    expect(parsed.error?.text).toBe('module;dict 99999999999999999999');
    expect(parsed.error?.message).toMatch(/2\^53/);
  });
});

describe('heap flame line ends', () => {
  it('reads a lone \\r as a line end the same way whether a line was sniffed as text or read as bytes', () => {
    // `x 5\r\r\n`: the line ends at the first \r, then \r\n ends an empty line.
    const line = 'module;a.bzl.f;list 5\r\r\n';
    const asText = parseText('flame.src', `${'module;a.bzl.f;list 8\n'.repeat(40)}${line}`);
    const asBytes = viaBytePath(line);
    expect(asText.diagnostics).toEqual([]);
    expect(asBytes.parsed.diagnostics).toEqual([]);
    expect(asBytes.tree.total[0]).toBe(40 * 8 + 5);
    if (asText.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
    expect(asText.profile.tree.total[0]).toBe(40 * 8 + 5);
  });

  it('CR-only and mixed CR/LF/CRLF line ends give every stack its own line (text and byte path)', () => {
    const stacks = Array.from({ length: 60 }, (_, i) => `module;a.bzl.f${i % 7};list ${1000 + i}`);
    const want = stacks.reduce((sum, _, i) => sum + 1000 + i, 0);
    const ends = ['\r', '\n', '\r\n'];
    for (const mixed of [false, true]) {
      const text = stacks.map((s, i) => s + (mixed ? ends[i % 3] : '\r')).join('');
      for (const chunk of [1, 7, 4096]) {
        const session = new ParseSession('flame.src', text.length);
        const bytes = new TextEncoder().encode(text);
        for (let at = 0; at < bytes.length; at += chunk) session.pushBytes(bytes.slice(at, at + chunk));
        const parsed = session.finish();
        if (parsed.profile?.format !== 'heap-flame') throw new Error(`got ${parsed.error?.message}`);
        expect(parsed.profile.tree.total[0]).toBe(want);
        expect(parsed.profile.stacks).toBe(60);
        expect(parsed.profile.tree.names.some((n) => n.includes('\r'))).toBe(false);
        expect(parsed.truncated).toBeNull();
      }
    }
  });
});
