import { describe, expect, it } from 'vitest';
import { detectFormat, FORMATS, triedFormatNames } from '../../src/formats/detect.ts';
import { splitLines } from '../../src/formats/lines.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { FormatName } from '../../src/model/profile.ts';
import { readGoldenBody } from '../golden.ts';
import { readEdgeCase, readSample, samplesOfMode } from './parse-as.ts';

/** Every upstream golden and the one format it is. */
const GOLDENS: [string, FormatName][] = [
  ['heap_summary_allocated.csv.golden', 'heap-summary'],
  ['heap_summary_retained.csv.golden', 'heap-summary'],
  ['heap_allocated.csv.golden', 'heap-summary'],
  ['heap_retained.csv.golden', 'heap-summary'],
  ['statement.csv.golden', 'statement'],
  ['typecheck.csv.golden', 'typecheck'],
  ['bytecode.csv.golden', 'bytecode'],
  ['bytecode_pairs.csv.golden', 'bytecode-pairs'],
  ['coverage.csv.golden', 'coverage'],
  ['time_flame.flame.golden', 'time-flame'],
  ['heap_flame_allocated.flame.golden', 'heap-flame'],
  ['heap_flame_retained.flame.golden', 'heap-flame'],
  ['heap_allocated.flame.golden', 'heap-flame'],
  ['heap_retained.flame.golden', 'heap-flame'],
];

/** The profile.csv of each `buck2 profile --mode` in the real samples, and what it holds. */
const CSV_OF_MODE: [string, FormatName][] = [
  ['heap-summary-allocated', 'heap-summary'],
  ['heap-summary-retained', 'heap-summary'],
  ['heap-allocated', 'heap-summary'],
  ['statement', 'statement'],
  ['typecheck', 'typecheck'],
  ['bytecode', 'bytecode'],
  ['bytecode-pairs', 'bytecode-pairs'],
  ['coverage', 'coverage'],
  // time-flame's gen_csv() is the folded text itself (formats.md §4).
  ['time-flame', 'time-flame'],
];

const sniffers = (text: string) => {
  const lines = splitLines(text).slice(0, 32);
  return FORMATS.filter((f) => f.sniff({ lines, complete: true })).map((f) => f.name);
};

describe('content sniffing', () => {
  it('keeps the agreed order: specific headers first, folded stacks and plain lists last', () => {
    expect(FORMATS.map((f) => f.name)).toEqual([
      'event-log',
      'flame-svg',
      'heap-summary',
      'statement',
      'typecheck',
      'bytecode',
      'bytecode-pairs',
      'coverage',
      'time-flame',
      'heap-flame',
      'targets',
    ]);
  });

  it.each(GOLDENS)('pitfall 1: golden %s (header stripped) is detected as exactly %s', (name, format) => {
    const body = readGoldenBody(name);
    expect(detectFormat({ lines: splitLines(body).slice(0, 32), complete: true })?.name).toBe(format);
    // Only the folded time flame is also folded-shaped for the heap flame: the order settles it.
    expect(sniffers(body)).toEqual(format === 'time-flame' ? ['time-flame', 'heap-flame'] : [format]);
  });

  it.each(GOLDENS)('pitfall 1: golden %s parses as %s under the misleading name profile.csv', (name, format) => {
    const parsed = parseText('profile.csv', readGoldenBody(name));
    expect(parsed.error).toBeNull();
    expect(parsed.profile?.format).toBe(format);
  });

  it.each(CSV_OF_MODE)('pitfall 1: every real %s/profile.csv is detected as %s', (mode, format) => {
    const paths = samplesOfMode(mode);
    expect(paths.length).toBeGreaterThan(0);
    const found = paths.map((path) => parseText('profile.csv', readSample(path)).profile?.format);
    // Pitfall 8: a time flame of a fast program can be empty (Buck2's `empty 1` placeholder).
    expect(found.filter((f) => f !== format && !(format === 'time-flame' && f === 'empty'))).toEqual([]);
    expect(found).toContain(format);
  });

  it('pitfall 1: the hand-made old shapes are detected from content too', () => {
    const expected: [string, FormatName][] = [
      ['heap-summary-2022-no-allocbytes.csv', 'heap-summary'],
      ['heap-summary-2023-unused-capacity.csv', 'heap-summary'],
      ['statement-2022-unquoted-spans.csv', 'statement'],
      ['statement-2021-bare-total.csv', 'statement'],
      ['typecheck-2022-unquoted.csv', 'typecheck'],
      ['bytecode-2022-time-columns.csv', 'bytecode'],
      ['bytecode-pairs-2022-unquoted.csv', 'bytecode-pairs'],
    ];
    for (const [name, format] of expected) expect(sniffers(readEdgeCase(name))[0], name).toBe(format);
  });

  it('tells the look-alike headers apart: Time(s) vs Time (s), Opcode vs Opcode[0]', () => {
    expect(sniffers('Function,Time (s)\n"TOTAL",0.140\n')).toEqual(['typecheck']);
    expect(sniffers('Function,Time(s),TimeRec(s),Calls\n')).toEqual(['heap-summary']);
    expect(sniffers('Opcode,Count,Count / Total\n')).toEqual(['bytecode']);
    expect(sniffers('Opcode[0],Opcode[1],Count,Count / Total\n')).toEqual(['bytecode-pairs']);
    expect(sniffers('Opcode,Counter\n')).toEqual([]);
  });

  it('coverage needs every sniffed line to be file:span', () => {
    expect(sniffers('a.bzl:1:1-5\nb.bzl:2:3\n')).toEqual(['coverage']);
    expect(sniffers('a.bzl:1:1-5\nhello\n')).not.toContain('coverage');
    expect(sniffers('module;list 8\n')).not.toContain('coverage');
  });

  it('an unknown file names every format it tried', () => {
    const parsed = parseText('profile.csv', 'Name,Value\nx,1\n');
    expect(parsed.profile).toBeNull();
    expect(parsed.triedFormats).toEqual(triedFormatNames());
  });

  it('pitfall 13: profile.txt (2024-06…2025-02) and *.profile are read by content like profile.csv', () => {
    for (const path of ['profile.txt', 'load/root/libs/util.profile']) {
      expect(parseText(path, readGoldenBody('statement.csv.golden')).profile?.format).toBe('statement');
    }
  });
});
