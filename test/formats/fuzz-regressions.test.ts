// Bugs the fuzzer found (and the fixes' promises), one test each, on the smallest input that
// showed them. `npm run fuzz -- --repro B:I` regenerates a case from a long run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineScanner, MAX_LINE_LENGTH } from '../../src/formats/lines.ts';
import { ParseSession, parseBytes, parseText } from '../../src/formats/parse-file.ts';
import type { ParsedFile } from '../../src/model/profile.ts';
import { encodeAs } from '../../tools/fuzz/encodings.ts';
import { fuzzInput } from '../../tools/fuzz/inputs.ts';
import { checkParsedFile } from '../../tools/fuzz/oracle.ts';
import { loadSeeds } from '../../tools/fuzz/seeds.ts';
import { readGoldenBody } from '../golden.ts';

const TWO_53_PLUS_1 = '9007199254740993';
const encoder = new TextEncoder();

/** The text with cell `column` of line `row` (0-based) replaced. */
function withNumber(text: string, row: number, column: number, value: string): string {
  const lines = text.split('\n');
  const cells = lines[row]!.split(',');
  cells[column] = value;
  lines[row] = cells.join(',');
  return lines.join('\n');
}

function outcome(parsed: ParsedFile): string {
  return parsed.error ? `error: ${parsed.error.message}` : `${parsed.profile?.format}`;
}

describe('long lines (fuzz: a 2.6 MB stack in 8-byte chunks took 156 s)', () => {
  it('joins a line from many small chunks in linear time', () => {
    // Quadratic joining would copy ~500 GB here and never finish within the test timeout.
    const lines: string[] = [];
    const scanner = new LineScanner((t) => lines.push(t));
    const piece = 'a.bzl.f;'.repeat(8);
    for (let i = 0; i < 131_072; i++) scanner.push(piece);
    scanner.push(';dict 8\r\nnext');
    scanner.end();
    expect(lines.map((l) => l.length)).toEqual([piece.length * 131_072 + 7, 4]);
  });

  it('refuses a line longer than a string can safely hold, with a message naming it', () => {
    const scanner = new LineScanner(() => {}, 10);
    scanner.push('12345\n');
    expect(() => scanner.push('1234567890x')).toThrow('line 2 is longer than 10 characters');
  });

  it('turns a line beyond MAX_LINE_LENGTH into a ParseError, not a crash', () => {
    const session = new ParseSession('one-line.json', MAX_LINE_LENGTH + 1);
    const chunk = 'x'.repeat(1 << 20);
    for (let i = 0; i <= MAX_LINE_LENGTH / chunk.length && !session.stopped; i++) session.pushText(chunk);
    const parsed = session.finish();
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.message).toBe(`line 1 is longer than ${MAX_LINE_LENGTH} characters`);
  });
});

describe('numbers stay exact up to 2^53 and fail clearly beyond', () => {
  const heapCsv = readGoldenBody('heap_summary_allocated.csv.golden');
  const cases: [string, string][] = [
    ['heap summary AllocBytes', withNumber(heapCsv, 2, 8, TWO_53_PLUS_1)],
    ['heap summary type count', withNumber(heapCsv, 1, 9, TWO_53_PLUS_1)],
    ['statement Count', withNumber(readGoldenBody('statement.csv.golden'), 2, 3, TWO_53_PLUS_1)],
    ['bytecode Count', withNumber(readGoldenBody('bytecode.csv.golden'), 2, 1, TWO_53_PLUS_1)],
    ['bytecode pairs Count', withNumber(readGoldenBody('bytecode_pairs.csv.golden'), 1, 2, TWO_53_PLUS_1)],
    ['heap flame bytes', `module;dict ${TWO_53_PLUS_1}\n`],
    ['heap flame total', 'module;dict 9007199254740991\nmodule;list 1\n'],
    ['time flame total', 'root;"module" 9007199254740991\nroot 1\n'],
  ];

  it.each(cases)('%s beyond 2^53 is a ParseError that says so', (_, text) => {
    const parsed = parseText('profile', text);
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.message).toMatch(/2\^53/);
  });

  it('keeps 2^53 - 1 exact in a heap flame', () => {
    const parsed = parseText('flame.src', 'module;dict 9007199254740990\nmodule;list 1\n');
    expect(parsed.profile?.format === 'heap-flame' && parsed.profile.tree.total[0]).toBe(2 ** 53 - 1);
  });

  it('never turns 400 digits of seconds or ratio into Infinity (fuzz: heap summary Time(s))', () => {
    const huge = '9'.repeat(400);
    for (const text of [
      withNumber(heapCsv, 2, 1, `${huge}.000`),
      withNumber(readGoldenBody('bytecode.csv.golden'), 2, 2, `"${huge}"`),
    ]) {
      const parsed = parseText('profile.csv', text);
      expect(checkParsedFile(parsed, 'profile.csv')).toEqual([]); // finds any non-finite number
      expect(parsed.diagnostics.length + (parsed.error ? 1 : 0)).toBeGreaterThan(0);
    }
  });
});

describe('encodings', () => {
  const flame = encoder.encode('module;a.bzl.caf\u00e9;dict 8\nmodule;list 16\n');

  it.each(['utf-16le-bom', 'utf-16be-bom', 'utf-8-bom', 'crlf'] as const)('reads %s like UTF-8', (encoding) => {
    const parsed = parseBytes('flame.src', encodeAs(flame, encoding, 0));
    expect(parsed.error).toBeNull();
    expect(parsed.profile).toEqual(parseBytes('flame.src', flame).profile);
  });

  it('says "binary data" and lists the formats tried for UTF-16 without a BOM', () => {
    const parsed = parseBytes('flame.src', encodeAs(flame, 'utf-16le', 0));
    expect(parsed.error?.message).toMatch(/^binary data; tried event-log, .*heap-flame/);
    expect(parsed.triedFormats?.length).toBeGreaterThan(5);
  });
});

describe('cut short', () => {
  it('says where a flame.svg stops when its document is not closed', () => {
    const svg =
      '<?xml version="1.0" standalone="no"?>\n<svg version="1.1" xmlns="http://www.w3.org/2000/svg">\n<text id="title">Flame Graph</text>\n<g><rect x="0';
    const parsed = parseText('flame.svg', svg);
    expect(outcome(parsed)).toBe('flame-svg');
    expect(parsed.truncated?.message).toMatch(/ends mid-line at line 4/);
    expect(parseText('flame.svg', svg.replace(/<g>.*$/, '</svg>')).truncated).toBeNull();
  });
});

describe('the fuzzer itself', () => {
  it('never changes its seeds (a Buffer slice() shares memory: seeds were mutated in place)', () => {
    const seeds = loadSeeds();
    const before = seeds.map((s) => s.bytes.slice());
    fc.sample(fuzzInput(seeds), { seed: 1, numRuns: 200 });
    expect(
      seeds.every((s, i) => s.bytes.length === before[i]!.length && s.bytes.every((b, j) => b === before[i]![j])),
    ).toBe(true);
    // A correctness check, not a timing one: the first sampling run warms up over every sample
    // seed (~5 s on a loaded 2-core machine), past vitest's 5 s default.
  }, 60_000);
});

describe('binary input', () => {
  it('stops at the first chunk with a NUL instead of reading a line-less stream to its end', () => {
    const session = new ParseSession('core', 1 << 30);
    session.pushBytes(new Uint8Array(64 * 1024));
    expect(session.stopped).toBe(true);
    expect(session.finish().error?.message).toMatch(/^binary data; tried /);
  });
});
