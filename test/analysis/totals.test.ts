import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { companionFlame, computeTopFunctions, computeTotals, eventLogPeaks } from '../../src/analysis/totals.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { EventLog, HeapFlame, HeapSummary, LoadRecord, ParsedFile, Profile } from '../../src/model/profile.ts';
import { readSample, SAMPLE_RUN, SAMPLES_DIR } from '../samples.ts';

/** A file of the real loop-invariant-call run (`heap-flame-allocated/flame.src`), parsed under `path`. */
function parsedSample(name: string, path = name): ParsedFile {
  const parsed = parseText(path, readSample(`${SAMPLE_RUN}/${name}`));
  expect(parsed.error).toBeNull();
  return parsed;
}

function sample(name: string): Profile {
  return parsedSample(name).profile!;
}

const flame = () => sample('heap-flame-allocated/flame.src') as HeapFlame;
const summary = () => sample('heap-summary-allocated/profile.csv') as HeapSummary;

describe('computeTotals on a real run', () => {
  it.each([
    ['heap-flame-allocated/flame.src', { bytes: 33206672, stacks: 12 }],
    ['heap-summary-allocated/profile.csv', { allocBytes: 33206648, allocs: 841208, functions: 3 }],
    ['time-flame/flame.src', { milliseconds: 81 }],
    ['statement/profile.csv', { seconds: 0.125, count: 602006, statements: 11 }],
    ['coverage/profile.csv', { spans: 11 }],
    ['typecheck/profile.csv', { seconds: 0 }],
    ['bytecode/profile.csv', { count: 1325814 }],
  ])('%s', (name, totals) => {
    expect(computeTotals(sample(name))).toEqual(totals);
  });

  it('sums bytecode pairs: one pair per two successive instructions, so the bytecode TOTAL minus one', () => {
    const totals = computeTotals(sample('bytecode-pairs/profile.csv'));
    expect(totals).toEqual({ pairs: 45, count: 1325813 });
    expect(computeTotals(sample('bytecode/profile.csv'))).toEqual({ count: 1325813 + 1 });
  });

  it('keeps unused capacity apart when an old flame has it', () => {
    const old = parseText('flame.src', 'module;list 8\nunused_capacity 2222\n').profile!;
    expect(computeTotals(old)).toEqual({ bytes: 8, stacks: 1, unusedCapacityBytes: 2222 });
  });
});

describe('event-log totals and peaks', () => {
  const log = parseText(
    'log',
    readFileSync(join(SAMPLES_DIR, 'edge-cases', 'event-log-snake-over-limit.json-lines'), 'utf8'),
  ).profile!;

  it('counts ended loads and failures and finds the highest peak', () => {
    expect(computeTotals(log)).toEqual({
      files: 3,
      failed: 1,
      maxPeakBytes: 1610608640,
      maxPeakFile: 'root//foo:BUCK',
    });
  });

  it('names the first of equal highest peaks, and no file when every load failed', () => {
    const load = (moduleId: string, peakBytes: number | null, error: string | null = null): LoadRecord => ({
      moduleId,
      cell: 'root',
      peakBytes,
      error,
      targetCount: null,
      durationMicros: null,
    });
    const of = (...loads: LoadRecord[]): EventLog => ({ format: 'event-log', commandLine: null, traceId: null, loads });
    expect(
      computeTotals(
        of(load('root//a:BUCK', 5), load('root//b:BUCK', 9), load('root//c:BUCK', 9), load('root//d:BUCK', 0)),
      ),
    ).toEqual({ files: 4, failed: 0, maxPeakBytes: 9, maxPeakFile: 'root//b:BUCK' });
    expect(computeTotals(of(load('root//a:BUCK', null, 'boom'), load('root//b:BUCK', null, 'bang')))).toEqual({
      files: 2,
      failed: 2,
      maxPeakBytes: null,
      maxPeakFile: null,
    });
    expect(computeTotals(of(load('root//a:BUCK', 0)))).toEqual({
      files: 1,
      failed: 0,
      maxPeakBytes: 0,
      maxPeakFile: 'root//a:BUCK',
    });
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
      { name: 'module', selfBytes: 9848, totalBytes: 33206648 },
      { name: 'defs.bzl.cxx_libraries', selfBytes: 73600, totalBytes: 33196800 },
      { name: 'defs.bzl.platform_flag_table', selfBytes: 33123200, totalBytes: 33123200 },
    ]);
    expect(computeTopFunctions(flame(), 1)).toHaveLength(1);
  });

  it('orders a heap summary by AllocBytes; totals only with its flame', () => {
    expect(computeTopFunctions(summary(), 10)).toEqual([
      { name: 'defs.bzl.platform_flag_table', selfBytes: 33123200, totalBytes: null },
      { name: 'defs.bzl.cxx_libraries', selfBytes: 73600, totalBytes: null },
      { name: 'module', selfBytes: 9848, totalBytes: null },
    ]);
    expect(computeTopFunctions(summary(), 10, flame()).map((f) => f.totalBytes)).toEqual([
      33123200, 33196800, 33206648,
    ]);
  });

  it('lists nothing for a summary without an AllocBytes column (pre-2022-10)', () => {
    const old = parseText(
      'profile.csv',
      'Function,Time(s),TimeRec(s),Calls,Callers,TopCaller,TopCallerCount,Allocs,list\n"TOTALS",0.1,0.1,0,0,"",0,5,5\n"module",0.1,0.1,0,1,"(root)",1,5,5\n',
    ).profile!;
    expect(computeTopFunctions(old, 10)).toEqual([]);
  });

  it('lists nothing for formats without bytes per function', () => {
    expect(computeTopFunctions(sample('time-flame/flame.src'), 10)).toEqual([]);
  });
});

describe('companionFlame', () => {
  const summaryFile = (path: string) => parsedSample('heap-summary-allocated/profile.csv', path);
  const flameFile = (path: string, name = 'heap-flame-allocated/flame.src') => parsedSample(name, path);
  const of = (set: ParsedFile[], s: ParsedFile) =>
    companionFlame({ name: 'run', files: set }, s, s.profile as HeapSummary);

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
    expect(of([s, flameFile('run/heap-flame-allocated/flame.src', 'heap-flame-retained/flame.src')], s)).toBeNull();
    expect(of([s, flameFile('run/heap-flame-retained/flame.src')], s)).not.toBeNull();
  });

  it('pairs a retained summary with its flame, where 0-byte functions have no line', () => {
    const s = parsedSample('heap-summary-retained/profile.csv', 'run/heap-summary-retained/profile.csv');
    const allocated = flameFile('run/heap-flame-allocated/flame.src');
    const retained = flameFile('run/heap-flame-retained/flame.src', 'heap-flame-retained/flame.src');
    const flame = of([s, allocated, retained], s);
    expect(flame).toBe(retained.profile);
    expect(computeTopFunctions(s.profile!, 10, flame)).toEqual([
      { name: 'module', selfBytes: 7216, totalBytes: 7216 },
      { name: 'defs.bzl.cxx_libraries', selfBytes: 0, totalBytes: 0 },
      { name: 'defs.bzl.platform_flag_table', selfBytes: 0, totalBytes: 0 },
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
    const extra = parseText(
      'run/q/flame.src',
      `${readSample(`${SAMPLE_RUN}/heap-flame-allocated/flame.src`)}module;defs.bzl.cxx_libraries;defs.bzl.platform_flag_table;other.f;list 40\n`,
    );
    expect(of([s, flameFile('run/p/flame.src'), extra], s)).toBeNull();
  });
});
