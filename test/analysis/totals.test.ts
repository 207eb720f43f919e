import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  companionFlame,
  computeTopFunctions,
  computeTotals,
  eventLogPeaks,
} from '../../src/analysis/totals.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { EventLog, HeapFlame, HeapSummary, LoadRecord, ParsedFile, Profile } from '../../src/model/profile.ts';
import { readGoldenBody, SAMPLES_DIR } from '../golden.ts';

function parsedGolden(name: string, path = name): ParsedFile {
  const parsed = parseText(path, readGoldenBody(name));
  expect(parsed.error).toBeNull();
  return parsed;
}

function golden(name: string): Profile {
  return parsedGolden(name).profile!;
}

const flame = () => golden('heap_flame_allocated.flame.golden') as HeapFlame;
const summary = () => golden('heap_summary_allocated.csv.golden') as HeapSummary;

describe('computeTotals on the upstream goldens', () => {
  it.each([
    ['heap_flame_allocated.flame.golden', { bytes: 3032, stacks: 7 }],
    ['heap_summary_allocated.csv.golden', { allocBytes: 3024, allocs: 378, functions: 3 }],
    ['time_flame.flame.golden', { milliseconds: 413 }],
    ['statement.csv.golden', { seconds: 3.864, count: 552, statements: 14 }],
    ['coverage.csv.golden', { spans: 14 }],
    ['typecheck.csv.golden', { seconds: 0.14 }],
    ['bytecode.csv.golden', { count: 745 }],
  ])('%s', (name, totals) => {
    expect(computeTotals(golden(name))).toEqual(totals);
  });

  it('sums bytecode pairs: one pair per two successive instructions, so the bytecode TOTAL minus one', () => {
    const totals = computeTotals(golden('bytecode_pairs.csv.golden'));
    expect(totals).toEqual({ pairs: 32, count: 744 });
    expect(computeTotals(golden('bytecode.csv.golden'))).toEqual({ count: 744 + 1 });
  });

  it('keeps unused capacity apart when an old flame has it', () => {
    const old = parseText('flame.src', 'module;list 8\nunused_capacity 2222\n').profile!;
    expect(computeTotals(old)).toEqual({ bytes: 8, stacks: 1, unusedCapacityBytes: 2222 });
  });
});

describe('event-log totals and peaks', () => {
  const log = parseText('log', readFileSync(join(SAMPLES_DIR, 'edge-cases', 'event-log-snake-over-limit.json-lines'), 'utf8')).profile!;

  it('counts ended loads and failures and finds the highest peak', () => {
    expect(computeTotals(log)).toEqual({ files: 3, failed: 1, maxPeakBytes: 1610608640, maxPeakFile: 'root//foo:BUCK' });
  });

  it('names the first of equal highest peaks, and no file when every load failed', () => {
    const load = (moduleId: string, peakBytes: number | null, error: string | null = null): LoadRecord =>
      ({ moduleId, cell: 'root', peakBytes, error, targetCount: null, durationMicros: null });
    const of = (...loads: LoadRecord[]): EventLog => ({ format: 'event-log', commandLine: null, traceId: null, loads });
    expect(computeTotals(of(load('root//a:BUCK', 5), load('root//b:BUCK', 9), load('root//c:BUCK', 9), load('root//d:BUCK', 0))))
      .toEqual({ files: 4, failed: 0, maxPeakBytes: 9, maxPeakFile: 'root//b:BUCK' });
    expect(computeTotals(of(load('root//a:BUCK', null, 'boom'), load('root//b:BUCK', null, 'bang'))))
      .toEqual({ files: 2, failed: 2, maxPeakBytes: null, maxPeakFile: null });
    expect(computeTotals(of(load('root//a:BUCK', 0)))).toEqual({ files: 1, failed: 0, maxPeakBytes: 0, maxPeakFile: 'root//a:BUCK' });
  });

  it('lists every peak in log order, failed ones with their error', () => {
    const peaks = eventLogPeaks(log as Extract<Profile, { format: 'event-log' }>);
    expect(peaks.map((p) => [p.file, p.bytes])).toEqual([
      ['root//foo:BUCK', 1610608640],
      ['root//big:BUCK', null],
      ['root//lib:TARGETS', 52428800],
    ]);
    expect(peaks[1]!.error).toMatch(/exceeds the limit/);
  });
});

describe('computeTopFunctions', () => {
  it('gives exact self and total for a heap flame, type leaves excluded', () => {
    expect(computeTopFunctions(flame(), 10)).toEqual([
      { name: 'module', selfBytes: 16, totalBytes: 3024 },
      { name: 'test.star.test', selfBytes: 1248, totalBytes: 3008 },
      { name: 'test.star.inner', selfBytes: 1760, totalBytes: 1760 },
    ]);
    expect(computeTopFunctions(flame(), 1)).toHaveLength(1);
  });

  it('orders a heap summary by AllocBytes; totals only with its flame', () => {
    expect(computeTopFunctions(summary(), 10)).toEqual([
      { name: 'test.star.inner', selfBytes: 1760, totalBytes: null },
      { name: 'test.star.test', selfBytes: 1248, totalBytes: null },
      { name: 'module', selfBytes: 16, totalBytes: null },
    ]);
    expect(computeTopFunctions(summary(), 10, flame()).map((f) => f.totalBytes)).toEqual([1760, 3008, 3024]);
  });

  it('lists nothing for a summary without an AllocBytes column (pre-2022-10)', () => {
    const old = parseText('profile.csv', 'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,list\n"TOTALS",0.1,0.1,0,0,"",0,5,5\n"module",0.1,0.1,0,1,"(root)",1,5,5\n').profile!;
    expect(computeTopFunctions(old, 10)).toEqual([]);
  });

  it('lists nothing for formats without bytes per function', () => {
    expect(computeTopFunctions(golden('time_flame.flame.golden'), 10)).toEqual([]);
  });
});

describe('companionFlame', () => {
  const summaryFile = (path: string) => parsedGolden('heap_summary_allocated.csv.golden', path);
  const flameFile = (path: string, name = 'heap_flame_allocated.flame.golden') => parsedGolden(name, path);
  const of = (set: ParsedFile[], s: ParsedFile) => companionFlame({ name: 'run', files: set }, s, s.profile as HeapSummary);

  it('pairs profile.csv with the flame of the same -o folder', () => {
    const s = summaryFile('run/heap-allocated/profile.csv');
    const f = flameFile('run/heap-allocated/flame.src');
    const other = flameFile('run/heap-flame-allocated/flame.src');
    expect(of([s, other, f], s)).toBe(f.profile);
  });

  it('pairs by stem in a --profile-patterns folder', () => {
    const s = summaryFile('run/load/root/a.profile');
    const a = flameFile('run/load/root/a.src');
    const b = flameFile('run/load/root/b.src');
    expect(of([s, b, a], s)).toBe(a.profile);
  });

  it('refuses a flame whose self bytes differ from the summary (retained vs allocated), whatever the names say', () => {
    const s = summaryFile('run/heap-summary-allocated/profile.csv');
    expect(of([s, flameFile('run/heap-flame-allocated/flame.src', 'heap_flame_retained.flame.golden')], s)).toBeNull();
    expect(of([s, flameFile('run/heap-flame-retained/flame.src')], s)).not.toBeNull();
  });

  it('pairs a retained summary with its flame, where 0-byte functions have no line', () => {
    const s = parsedGolden('heap_summary_retained.csv.golden', 'run/heap-summary-retained/profile.csv');
    const allocated = flameFile('run/heap-flame-allocated/flame.src');
    const retained = flameFile('run/heap-flame-retained/flame.src', 'heap_flame_retained.flame.golden');
    const flame = of([s, allocated, retained], s);
    expect(flame).toBe(retained.profile);
    expect(computeTopFunctions(s.profile!, 10, flame)).toEqual([
      { name: 'module', selfBytes: 16, totalBytes: 24 },
      { name: 'test.star.test', selfBytes: 8, totalBytes: 8 },
      { name: 'test.star.inner', selfBytes: 0, totalBytes: 0 },
    ]);
  });

  it('takes either of two flames that agree on every total (heap-allocated and heap-flame-allocated runs)', () => {
    const s = summaryFile('run/heap-summary-allocated/profile.csv');
    const a = flameFile('run/heap-allocated/flame.src');
    const b = flameFile('run/heap-flame-allocated/flame.src');
    expect(of([s, a, b], s)).toBe(a.profile);
  });

  it('says nothing when two flames in the set could be it but disagree', () => {
    const s = summaryFile('run/s/profile.csv');
    const extra = parseText('run/q/flame.src', `${readGoldenBody('heap_flame_allocated.flame.golden')}module;test.star.test;test.star.inner;other.f;list 40\n`);
    expect(of([s, flameFile('run/p/flame.src'), extra], s)).toBeNull();
  });
});
