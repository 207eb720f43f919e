import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/formats/parse-file.ts';
import type { HeapSummary } from '../../src/model/profile.ts';
import { readGolden, readGoldenBody } from '../golden.ts';
import { findSamples, parseAs, readEdgeCase, readSample, samplesOfMode } from './parse-as.ts';

function summary(text: string) {
  const { parsed, profile } = parseAs('heap-summary', text);
  return { parsed, heap: profile };
}

/** Per-type counts of a row by type name, for assertions that do not depend on column order. */
function typesOf(heap: HeapSummary, name: string): Record<string, number> {
  const row = name === 'TOTALS' ? heap.totals : heap.functions.find((f) => f.name === name)!;
  return Object.fromEntries(heap.typeNames.map((t, i) => [t, row.typeCounts[i]!]));
}

const HEADER = 'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,dict,list';

describe('heap summary CSV', () => {
  it('reads the upstream allocated golden: TOTALS, 3 functions, 5 type columns', () => {
    const { parsed, heap } = summary(readGoldenBody('heap_summary_allocated.csv.golden'));
    expect(parsed.diagnostics).toEqual([]);
    expect(heap.totals).toMatchObject({ allocBytes: 3024, allocs: 378, timeSeconds: 0.378, calls: 24 });
    expect(heap.typeNames).toEqual(['dict', 'array', 'list', 'tuple', 'function']);
    expect(typesOf(heap, 'TOTALS')).toEqual({ dict: 244, array: 60, list: 48, tuple: 24, function: 2 });
    expect(heap.functions.map((f) => f.name)).toEqual(['test.star.test', 'test.star.inner', 'module']);
    expect(typesOf(heap, 'test.star.inner')).toEqual({ dict: 220, array: 0, list: 0, tuple: 0, function: 0 });
    expect(heap.functions[1]).toMatchObject({
      calls: 0,
      topCaller: 'test.star.test',
      topCallerCount: 1,
      allocBytes: 1760,
    });
    expect(heap.unusedCapacity).toBeNull();
  });

  it('reads the goldens with their # @generated header, allocated and retained alike', () => {
    const allocated = summary(readGolden('heap_allocated.csv.golden')).heap;
    expect(allocated.totals.allocBytes).toBe(3024);
    const retained = summary(readGolden('heap_summary_retained.csv.golden')).heap;
    expect(retained.typeNames).toEqual(['function', 'list']);
    expect(retained.totals).toMatchObject({ allocs: 3, allocBytes: 24 });
    expect(typesOf(retained, 'module')).toEqual({ function: 2, list: 0 });
    expect(summary(readGolden('heap_retained.csv.golden')).heap).toEqual(retained);
  });

  it('pitfall 5: TOTALS is not a function and is never re-summed', () => {
    const body = readGoldenBody('heap_summary_allocated.csv.golden').replace(
      '"TOTALS",0.378,0.378,24,0,"",0,378,3024',
      '"TOTALS",0.378,0.378,24,0,"",0,378,9999',
    );
    const { heap } = summary(body);
    expect(heap.functions.some((f) => f.name === 'TOTALS')).toBe(false);
    expect(heap.totals.allocBytes).toBe(9999);
    expect(heap.functions.reduce((s, f) => s + f.allocBytes!, 0)).toBe(3024);
  });

  it('pitfall 5: (root) is only a TopCaller value and the TOTALS TopCaller is empty', () => {
    const { heap } = summary(readGoldenBody('heap_summary_allocated.csv.golden'));
    expect(heap.functions.find((f) => f.name === 'module')!.topCaller).toBe('(root)');
    expect(heap.functions.some((f) => f.name === '(root)')).toBe(false);
    expect(heap.totals.topCaller).toBe('');
  });

  it('pitfall 5: a missing TOTALS row is a ParseError (the writer always puts it first)', () => {
    const parsed = parseText('profile.csv', `${HEADER}\n"module",0.070,0.378,4,1,"(root)",1,2,16,0,2\n`);
    expect(parsed.profile).toBeNull();
    expect(parsed.error?.message).toMatch(/no TOTALS row/);
  });

  it('a header without a fixed column is a ParseError naming each absent one (never read as a type column)', () => {
    const parsed = parseText(
      'profile.csv',
      'Function,Time(s),TimeRec(s),Callers,TopCaller,TopCallerCount,dict\n"TOTALS",0.378,0.378,0,"",0,244\n',
    );
    expect(parsed.profile).toBeNull();
    expect(parsed.detectedFormat).toBe('heap-summary');
    expect(parsed.error).toMatchObject({ line: 1, message: 'heap summary header without Calls, Allocs' });
  });

  it('pitfall 4: type columns are found by name in any order and any number', () => {
    const text = [
      'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes,function,Artifact,bxl.Context,string,typing.Any,dict',
      '"TOTALS",1.000,1.000,3,0,"",0,21,168,1,2,3,4,5,6',
      '"prelude/rules.bzl.impl",1.000,1.000,3,1,"(root)",1,21,168,1,2,3,4,5,6',
      '',
    ].join('\n');
    const { heap } = summary(text);
    expect(typesOf(heap, 'prelude/rules.bzl.impl')).toEqual({
      function: 1,
      Artifact: 2,
      'bxl.Context': 3,
      string: 4,
      'typing.Any': 5,
      dict: 6,
    });
  });

  it('pitfall 4: zero type columns are fine (the empty-profile shape of §2.2)', () => {
    const text =
      'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,AllocBytes\n"TOTALS",0.000,0.000,0,0,"",0,0,0\n';
    const { heap } = summary(text);
    expect(heap.typeNames).toEqual([]);
    expect(heap.functions).toEqual([]);
    expect(heap.totals).toMatchObject({ allocs: 0, allocBytes: 0, timeSeconds: 0, typeCounts: [] });
  });

  it('pitfall 4: a file without AllocBytes (before 2022-10) gives allocBytes null and says so', () => {
    const { parsed, heap } = summary(readEdgeCase('heap-summary-2022-no-allocbytes.csv'));
    expect(heap.totals.allocBytes).toBeNull();
    expect(heap.functions.every((f) => f.allocBytes === null)).toBe(true);
    expect(heap.typeNames).toEqual(['dict', 'array', 'list', 'tuple', 'function']);
    expect(typesOf(heap, 'test.star.inner').dict).toBe(220);
    expect(parsed.diagnostics.map((d) => d.message).join()).toMatch(/no AllocBytes column/);
  });

  it('pitfall 5: the 2022-10…2024-07 "UNUSED CAPACITY" row is kept apart, not a function', () => {
    const { heap } = summary(readEdgeCase('heap-summary-2023-unused-capacity.csv'));
    expect(heap.unusedCapacity).toEqual({ allocs: 1, bytes: 2222 });
    expect(heap.functions.map((f) => f.name)).toEqual(['test.star.test', 'test.star.inner', 'module']);
    expect(heap.totals.allocBytes).toBe(3024);
  });

  it('reads native-function rows of pre-2023 builds (names without a file prefix) as ordinary rows', () => {
    const { heap } = summary(readEdgeCase('heap-summary-2023-native-frames.csv'));
    expect(heap.functions.map((f) => f.name)).toContain('len');
    expect(heap.functions.find((f) => f.name === 'type')!.allocs).toBe(0);
  });

  it('pitfall 3: keeps commas, colons and doubled quotes inside a quoted function name', () => {
    const text = `${HEADER}\n"TOTALS",0.1,0.1,0,0,"",0,2,16,1,1\n"a:b,c.bzl.say ""hi""",0.1,0.1,0,1,"(root)",1,2,16,1,1\n`;
    expect(summary(text).heap.functions[0]!.name).toBe('a:b,c.bzl.say "hi"');
  });

  it('pitfall 9: accepts CRLF line ends and a BOM', () => {
    const body = readGoldenBody('heap_summary_allocated.csv.golden').replaceAll('\n', '\r\n');
    const { heap } = summary(`\uFEFF${body}`);
    expect(heap.totals.allocBytes).toBe(3024);
    expect(heap.functions).toHaveLength(3);
  });

  it('skips and counts rows with a wrong number of cells or a non-number', () => {
    const text = `${HEADER}\n"TOTALS",0.1,0.1,0,0,"",0,2,16,1,1\n"a.bzl.f",0.1,0.1,0,1\n"b.bzl.g",0.1,0.1,0,1,"(root)",1,x,16,1,1\n"c.bzl.h",0.1,0.1,0,1,"(root)",1,2,16,1,1\n"d.bzl.i",1,2\n`;
    const { parsed, heap } = summary(text);
    expect(heap.functions.map((f) => f.name)).toEqual(['c.bzl.h']);
    expect(parsed.diagnostics).toHaveLength(2);
    expect(parsed.diagnostics[0]).toMatchObject({ line: 3, count: 2 });
    expect(parsed.diagnostics[0]!.message).toMatch(/wrong number of cells/);
    expect(parsed.diagnostics[1]).toMatchObject({ line: 4, count: 1 });
    expect(parsed.truncated).toBeNull();
  });

  it('reports a file cut short mid-row as truncated and keeps the rows before', () => {
    const body = readGoldenBody('heap_summary_allocated.csv.golden');
    const cut = body.slice(0, body.indexOf('"module",0.070') + 20);
    const { parsed, heap } = summary(cut);
    expect(heap.functions.map((f) => f.name)).toEqual(['test.star.test', 'test.star.inner']);
    expect(parsed.truncated?.line).toBe(5);
    expect(parsed.diagnostics).toEqual([]);
  });

  it('reports a file cut inside a quoted name as truncated', () => {
    const body = readGoldenBody('heap_summary_allocated.csv.golden');
    const { parsed, heap } = summary(body.slice(0, body.indexOf('"module",0.070') + 4));
    expect(heap.functions).toHaveLength(2);
    expect(parsed.truncated?.line).toBe(5);
    expect(parsed.diagnostics).toEqual([]);
  });

  const heapSamples = ['heap-summary-allocated', 'heap-summary-retained', 'heap-allocated'].flatMap(samplesOfMode);
  // `--profile-patterns-mode heap-allocated` writes gen_csv() as `<eval-kind>.profile` files.
  const patternProfiles = findSamples('.profile');

  it('finds the real heap summary samples', () => {
    expect(heapSamples.length).toBeGreaterThanOrEqual(11);
    expect(patternProfiles.length).toBeGreaterThanOrEqual(2);
  });

  it.each([...heapSamples, ...patternProfiles])('real sample %s: clean parse, TOTALS equal the column sums', (path) => {
    const { parsed, heap } = summary(readSample(path));
    expect(parsed.diagnostics).toEqual([]);
    expect(heap.functions.length).toBeGreaterThan(0);
    const sum = (pick: (r: (typeof heap.functions)[number]) => number) =>
      heap.functions.reduce((s, r) => s + pick(r), 0);
    expect(sum((r) => r.allocs)).toBe(heap.totals.allocs);
    expect(sum((r) => r.allocBytes!)).toBe(heap.totals.allocBytes);
    expect(sum((r) => r.calls)).toBe(heap.totals.calls);
    heap.typeNames.forEach((_, i) => expect(sum((r) => r.typeCounts[i]!)).toBe(heap.totals.typeCounts[i]));
  });

  it('pitfall 6: Calls and TopCallerCount are kept as written (outgoing calls; distinct stacks)', () => {
    const { heap } = summary(readGoldenBody('heap_summary_allocated.csv.golden'));
    // test.star.inner is called 20 times but makes no calls; `module` calls test 4 times.
    expect(heap.functions.find((f) => f.name === 'test.star.inner')).toMatchObject({ calls: 0, topCallerCount: 1 });
    expect(heap.functions.find((f) => f.name === 'module')).toMatchObject({ calls: 4, timeRecSeconds: 0.378 });
  });

  it('pitfall 6: the heap flame total exceeds TOTALS.AllocBytes by the root-level allocations', () => {
    const flame = parseAs('heap-flame', readGoldenBody('heap_flame_allocated.flame.golden')).profile;
    const { heap } = summary(readGoldenBody('heap_summary_allocated.csv.golden'));
    expect(flame.tree.total[0]! - heap.totals.allocBytes!).toBe(8); // `range 8`
  });

  it('a last row without a newline was cut short (CsvWriter ends every row with one): ignored and said', () => {
    const { parsed, heap } = summary(readGoldenBody('heap_summary_allocated.csv.golden').trimEnd());
    expect(parsed.truncated).toMatchObject({ line: 5, message: expect.stringContaining('ends mid-line at line 5') });
    expect(heap.functions).toHaveLength(2);
  });
});
