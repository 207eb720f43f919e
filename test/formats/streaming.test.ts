// The streamed parse (bytes arriving in chunks of any size) must give exactly the tree and
// the ParsedFile that one whole-buffer parse gives: on every real sample (the upstream goldens:
// test/crosscheck/goldens.test.ts), and a generated heap flame cut at hostile places (inside CRLF pairs, inside
// multi-byte UTF-8 characters, inside a gzip stream).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CallTreeBuilder, describeTree, NodeKind, type CallTree } from '../../src/model/call-tree.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { parseBytes, parseChunks, parseText } from '../../src/formats/parse-file.ts';
import { generateHeapFlame, seededRandom } from '../../tools/bench/gen-heap-flame.ts';
import { SAMPLES_DIR } from '../samples.ts';
import { cutAt } from './chunks.ts';

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Random chunk boundaries: sizes from 1 byte up to `maxChunk`. */
function randomCuts(length: number, maxChunk: number, rng: () => number): number[] {
  const cuts: number[] = [];
  for (let at = 1 + Math.floor(rng() * maxChunk); at < length; at += 1 + Math.floor(rng() * maxChunk)) cuts.push(at);
  return cuts;
}

async function* asStream(chunks: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const c of chunks) yield c;
}

function streamed(path: string, bytes: Uint8Array, cuts: readonly number[]): Promise<ParsedFile> {
  return parseChunks(path, bytes.length, asStream(cutAt(bytes, cuts)));
}

/**
 * The obvious fold of a heap flame (split every line, add every stack from the root): the
 * oracle for the parser's prefix-reusing fast path.
 */
function naiveHeapFlameTree(text: string): CallTree {
  const b = new CallTreeBuilder('bytes');
  for (const line of text.split(/\r?\n/)) {
    const m = /^(.*) (\d+)$/.exec(line);
    if (!m || m[1] === 'unused_capacity') continue;
    if (m[1] === '(unknown)') b.addSelf(0, Number(m[2]));
    else {
      const frames = m[1]!.split(';');
      b.addStack(frames.slice(0, -1), frames.at(-1)!, Number(m[2]));
    }
  }
  return b.build();
}

const realFiles = filesUnder(SAMPLES_DIR);

describe('streamed parse equals whole-file parse', () => {
  it('finds the real samples', () => {
    expect(realFiles.length).toBeGreaterThanOrEqual(100);
  });

  it.each(realFiles.map((f) => [relative(join(SAMPLES_DIR, '..'), f), f]))('%s', async (_name, path) => {
    const bytes = new Uint8Array(readFileSync(path));
    const whole = parseBytes(path, bytes);
    if (whole.profile?.format === 'heap-flame' && whole.compression === null) {
      const text = new TextDecoder()
        .decode(bytes)
        .replace(/^\uFEFF/, '')
        .replace(/^(#[^\n]*\n)+\n/, '');
      expect(describeTree(whole.profile.tree)).toEqual(describeTree(naiveHeapFlameTree(text)));
    }
    const rng = seededRandom(bytes.length);
    // Tiny files are cut everywhere; big ones at a few sizes up to a quarter of the file.
    const maxChunks = bytes.length < 4096 ? [1, 3, 7] : [17, 4099, Math.ceil(bytes.length / 4)];
    for (const max of maxChunks) {
      expect(await streamed(path, bytes, randomCuts(bytes.length, max, rng))).toEqual(whole);
    }
  });
});

describe('a generated heap flame in random chunks', () => {
  let text = '';
  const stats = generateHeapFlame(600_000, 7, (c) => (text += c));
  const lf = new TextEncoder().encode(text);
  const crlf = new TextEncoder().encode(text.replaceAll('\n', '\r\n'));
  const gzip = new Uint8Array(gzipSync(lf, { level: 6 }));
  const whole = parseBytes('flame.src', lf);

  /** Offsets just inside each `\r\n` pair and each multi-byte UTF-8 character. */
  const hostile = (bytes: Uint8Array): number[] => {
    const at: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      if (bytes[i] === 13 || (bytes[i]! >= 0xc0 && bytes[i]! < 0xf8)) at.push(i + 1);
    }
    return at;
  };

  it('whole parse: the tree the generator promised (every stack ends in one type leaf)', () => {
    expect(whole.error).toBeNull();
    if (whole.profile?.format !== 'heap-flame') throw new Error(`got ${whole.profile?.format}`);
    const tree = whole.profile.tree;
    expect(whole.profile.stacks).toBe(stats.lines);
    expect(tree.kind.filter((k) => k === NodeKind.Type).length).toBe(stats.distinctStacks);
    expect(hostile(lf).length).toBeGreaterThan(100); // the names hold non-ASCII paths
    expect(describeTree(tree)).toEqual(describeTree(naiveHeapFlameTree(text)));
  });

  /** The whole-file result as it reads for another encoding of the same text. */
  const wholeAs = (bytes: Uint8Array, compression: ParsedFile['compression'] = null): ParsedFile => ({
    ...whole,
    size: bytes.length,
    compression,
  });

  it('CRLF and LF files give the same tree', () => {
    expect(parseBytes('flame.src', crlf)).toEqual(wholeAs(crlf));
  });

  it('cuts inside every CRLF pair and every multi-byte character', async () => {
    expect(await streamed('flame.src', crlf, hostile(crlf))).toEqual(wholeAs(crlf));
    expect(await streamed('flame.src', lf, hostile(lf))).toEqual(whole);
  });

  it('random chunk sizes, plain, CRLF and gzip', async () => {
    expect(parseBytes('flame.src', gzip)).toEqual(wholeAs(gzip, 'gzip'));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 16, max: 100_000 }), fc.integer(), async (maxChunk, seed) => {
        const rng = seededRandom(seed);
        expect(await streamed('flame.src', lf, randomCuts(lf.length, maxChunk, rng))).toEqual(whole);
        expect(await streamed('flame.src', crlf, randomCuts(crlf.length, maxChunk, rng))).toEqual(wholeAs(crlf));
        const fromGzip = await streamed('flame.src', gzip, randomCuts(gzip.length, Math.ceil(maxChunk / 8), rng));
        expect(fromGzip).toEqual(wholeAs(gzip, 'gzip'));
      }),
      { numRuns: 6, seed: 20261125 },
    );
  }, 120_000);
});

describe('the first decoded slices are small', () => {
  // The first slice is 16 KiB, the next ones 256 KiB: head lines longer than the first, of two- and
  // three-byte characters, are cut by the slice ends inside the line and inside a character.
  const frame = (k: number) => `a${'λé€'.repeat(1500 + k * 50)}.bzl.f${k}`;
  const head = Array.from({ length: 6 }, (_, k) => `${frame(k)};${frame(k + 1)} ${k + 1}\n`).join('');
  let rest = '';
  generateHeapFlame(20_000, 3, (c) => (rest += c));
  const text = head + rest;
  const bytes = new TextEncoder().encode(text);

  it('read whole or streamed, long multi-byte head lines give the tree of the text', async () => {
    const whole = parseBytes('flame.src', bytes);
    if (whole.profile?.format !== 'heap-flame') throw new Error(`got ${whole.profile?.format}`);
    expect(describeTree(whole.profile.tree)).toEqual(describeTree(naiveHeapFlameTree(text)));
    const rng = seededRandom(7);
    for (const max of [3000, 70_000])
      expect(await streamed('flame.src', bytes, randomCuts(bytes.length, max, rng))).toEqual(whole);
  });
});

describe('heap flames read as bytes equal heap flames read as text', () => {
  // Lines built from pieces that stress the byte path: shared prefixes, empty frames, spaces in
  // names, a stray `\r`, invalid UTF-8, multi-byte names, lines without a count, empty lines.
  const piece = fc.constantFrom('module', 'a.bzl.f', 'a.bzl.g', 'λ/b.bzl.h', 'x y.bzl.z', '', 'list', 'dict', '\uFFFD');
  // Weights past 15 digits (exact, over 2^53, Infinity) and the two one-word lines go through
  // the byte path's rarer branches (one-line reads, words summed apart).
  const ending = fc.constantFrom(
    ' 8',
    ' 16',
    ' 0',
    ' 123456789012345',
    ' 0009007199254740991',
    ' 9007199254740993',
    ` ${'9'.repeat(400)}`,
    '',
    ' x',
    '\r',
    ' 4\r',
  );
  const oneWord = fc.constantFrom('unused_capacity 7', 'unused_capacity 12345678901234567890', '(unknown) 3');
  const line = fc.oneof(
    {
      weight: 9,
      arbitrary: fc
        .tuple(fc.array(piece, { minLength: 1, maxLength: 6 }), ending)
        .map(([frames, end]) => `${frames.join(';')}${end}`),
    },
    { weight: 1, arbitrary: oneWord },
  );
  const head = 'module;a.bzl.f;list 8\n'.repeat(40);
  const encoder = new TextEncoder();

  it('gives the same ParsedFile for any lines, any cuts and stray bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 60 }), fc.boolean(), fc.integer(), async (lines, crlf, seed) => {
        const text = head + lines.join(crlf ? '\r\n' : '\n');
        const bytes = encoder.encode(text);
        // parseText never switches to bytes; a parse of bytes does after the head.
        const whole = parseBytes('flame.src', bytes);
        const rng = seededRandom(seed);
        const cut = await streamed('flame.src', bytes, [head.length, ...randomCuts(bytes.length, 37, rng)]);
        expect(cut).toEqual(whole);
        const fromText = parseText('flame.src', text);
        expect(fromText.profile).toEqual(whole.profile);
        expect(fromText.diagnostics).toEqual(whole.diagnostics);
        expect(fromText.truncated).toEqual(whole.truncated);
      }),
      { numRuns: 300, seed: 20261125 },
    );
    // A correctness test: 300 cases took over 5 s on a loaded 2-core machine.
  }, 60_000);

  it('gives invalid UTF-8 the same names either way', () => {
    const bad = new Uint8Array([
      ...encoder.encode(head),
      ...encoder.encode('module;'),
      0xe2,
      0x82,
      ...encoder.encode(';dict 8\nmodule;'),
      0xff,
      ...encoder.encode('.bzl;dict 4\n'),
    ]);
    const whole = parseBytes('flame.src', bad);
    const text = new TextDecoder().decode(bad);
    const decodedFirst = parseText('flame.src', text); // U+FFFD wherever the bytes were invalid
    expect(whole.profile).toEqual(decodedFirst.profile);
  });

  it('makes one node of two byte strings that decode alike', () => {
    // `\xe2\x82` and `\xff` both decode to U+FFFD: one frame, as on text lines.
    const bad = new Uint8Array([
      ...encoder.encode(`${head}module;`),
      0xe2,
      0x82,
      ...encoder.encode(';dict 8\nmodule;'),
      0xff,
      ...encoder.encode(';list 4\nmodule;'),
      0xe2,
      0x82,
      ...encoder.encode(';list 2\n'),
    ]);
    const whole = parseBytes('flame.src', bad);
    expect(whole.profile).toEqual(parseText('flame.src', new TextDecoder().decode(bad)).profile);
    if (whole.profile?.format !== 'heap-flame') throw new Error('not a heap flame');
    expect(describeTree(whole.profile.tree).slice(-3)).toEqual([
      '  - \uFFFD (total: 14, self: 0)',
      '    - dict (total: 8, self: 8)',
      '    - list (total: 6, self: 6)',
    ]);
  });
});
