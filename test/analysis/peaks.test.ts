import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimatePeak } from '../../src/analysis/peak-estimate.ts';
import {
  DEFAULT_PEAK_LIMIT,
  computeFilePeaks,
  matchFilePeaks,
  packageOfEvalId,
  parseLimitError,
  pathInCell,
  peakHistogram,
  profileCommands,
  type FilePeak,
} from '../../src/analysis/peaks.ts';
import fc from 'fast-check';
import { parseText } from '../../src/formats/parse-file.ts';
import type { EventLog } from '../../src/model/profile.ts';
import { sampleHeapFlame, SAMPLES_DIR } from '../samples.ts';
import { heapFlame } from './fixtures.ts';

function eventLog(path: string): EventLog {
  const parsed = parseText(path, readFileSync(join(SAMPLES_DIR, path), 'utf8'));
  if (parsed.profile?.format !== 'event-log') throw new Error(`not an event log: ${parsed.profile?.format}`);
  return parsed.profile;
}

const GiB = 2 ** 30;

describe('per-file peaks', () => {
  const log = eventLog('edge-cases/event-log-snake-over-limit.json-lines');

  it('lists every file, sorted by peak, with the over-limit failure flagged not dropped', () => {
    const rows = computeFilePeaks([log]);
    expect(
      rows.map((r) => `${r.moduleId} ${r.peakBytes} ${r.reportedBytes} ${r.overLimit} ${r.percentOfLimit?.toFixed(1)}`),
    ).toEqual([
      `root//big:BUCK null ${Math.round(2.3 * GiB)} true 115.0`,
      'root//foo:BUCK 1610608640 null false 75.0',
      'root//lib:TARGETS 52428800 null false 2.4',
    ]);
    expect(rows[1]).toMatchObject({ cell: 'root', targetCount: 42, durationMicros: 1500000, loads: 1 });
  });

  it('takes a settable limit', () => {
    const rows = computeFilePeaks([log], 1 * GiB);
    const foo = rows.find((r) => r.moduleId === 'root//foo:BUCK')!;
    expect(foo.overLimit).toBe(true);
    expect(foo.percentOfLimit).toBeCloseTo(150, 1);
  });

  it('judges a file that failed over its own limit against the limit its error states', () => {
    const error =
      'Error evaluating build file: `root//tiny:BUCK`: Starlark peak memory usage for root//tiny:BUCK is  81MiB which exceeds the limit 1.0KiB! Please reduce memory usage to prevent OOMs.';
    const own: EventLog = {
      format: 'event-log',
      commandLine: null,
      traceId: null,
      loads: [
        { moduleId: 'root//tiny:BUCK', cell: 'root', peakBytes: null, error, targetCount: null, durationMicros: 9 },
      ],
    };
    for (const limit of [DEFAULT_PEAK_LIMIT, 1 * GiB]) {
      const rows = computeFilePeaks([own, log], limit);
      expect(rows.find((r) => r.moduleId === 'root//tiny:BUCK')).toMatchObject({
        limitBytes: 1024,
        overLimit: true,
        reportedBytes: 81 * 2 ** 20,
        percentOfLimit: ((81 * 2 ** 20) / 1024) * 100,
      });
      expect(rows.find((r) => r.moduleId === 'root//foo:BUCK')!.limitBytes).toBe(limit);
      // The 2.3 GiB failure states Buck2's default: that is its limit whatever limit is in force.
      expect(rows.find((r) => r.moduleId === 'root//big:BUCK')!.limitBytes).toBe(2 * GiB);
    }
  });

  it('merges the same file loaded in two logs into its largest load', () => {
    const rows = computeFilePeaks([log, log]);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.loads === 2)).toBe(true);
  });

  it('reads Buck2 over-limit errors with fixed-width humanized sizes', () => {
    expect(
      parseLimitError(
        'Error evaluating build file: `root//a:BUCK`: Starlark peak memory usage for root//a:BUCK is  80MiB which exceeds the limit 4.0MiB! Please …',
      ),
    ).toEqual({ usedBytes: 80 * 2 ** 20, limitBytes: 4 * 2 ** 20 });
    expect(parseLimitError('Error: file not found')).toBeNull();
  });

  it('bins peaks on a power-of-two scale with an over-the-limit bucket', () => {
    const buckets = peakHistogram(computeFilePeaks([log]));
    expect(buckets.at(-1)).toEqual({ from: DEFAULT_PEAK_LIMIT, to: Infinity, count: 1, overLimit: true });
    expect(buckets.reduce((n, b) => n + b.count, 0)).toBe(3);
    expect(buckets.length).toBeLessThanOrEqual(16);
    const lib = buckets.find((b) => 52428800 >= b.from && 52428800 < b.to)!;
    expect(lib.count).toBe(1);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.from).toBe(buckets[i - 1]!.to);
  });

  it('bins every file with a known size into the bucket whose edges hold it (any sizes, limits and bucket counts)', () => {
    const row = (size: number | null, failedAt: number | null): FilePeak => ({
      moduleId: 'root//x:BUCK',
      cell: 'root',
      peakBytes: size,
      reportedBytes: size === null ? failedAt : null,
      percentOfLimit: null,
      targetCount: null,
      durationMicros: null,
      error: size === null ? 'failed' : null,
      overLimit: false,
      loads: 1,
      limitBytes: DEFAULT_PEAK_LIMIT,
    });
    const size = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 2 ** 20 }), fc.integer({ min: 0, max: 2 ** 36 }));
    const rows = fc.array(
      fc.tuple(fc.option(size), fc.option(size)).map(([s, f]) => row(s, f)),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 2 ** 34 }), fc.integer({ min: 2, max: 20 }), (rs, limit, most) => {
        const buckets = peakHistogram(rs, limit, most);
        const sizes = rs.map((r) => r.peakBytes ?? r.reportedBytes).filter((s): s is number => s !== null);
        if (sizes.length === 0) {
          expect(buckets).toEqual([]);
          return;
        }
        expect(buckets.at(-1)).toMatchObject({ from: limit, to: Infinity, overLimit: true });
        for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.from).toBe(buckets[i - 1]!.to);
        // A size below the first edge (only 0, the scale starts at 1 byte) is counted in the first bucket.
        const expected = buckets.map(
          (b, i) => sizes.filter((s) => (s >= b.from && s < b.to) || (i === 0 && s < b.from)).length,
        );
        expect(buckets.map((b) => b.count)).toEqual(expected);
      }),
    );
  });

  it('gives the buck2 profile loading commands for a file', () => {
    const commands = profileCommands('root//foo/bar:BUCK').map((c) => c.command);
    expect(commands[0]).toBe(
      'buck2 profile loading --mode heap-allocated -o peakscope-profiles/foo-bar/heap-allocated root//foo/bar:',
    );
    expect(commands).toContain(
      'buck2 profile loading --mode statement -o peakscope-profiles/foo-bar/statement root//foo/bar:',
    );
  });
});

describe('honest peak estimate', () => {
  it('ranks the children of module and labels each figure with its kind of bound', () => {
    const estimate = estimatePeak({ heapFlame: heapFlame(sampleHeapFlame()) });
    expect(estimate.topLevelCalls.map((c) => `${c.name} ${c.bytes}`)).toEqual([
      'defs.bzl.cxx_libraries 33196800',
      'module 9848',
    ]);
    expect(estimate.figures.map((f) => `${f.kind} ${f.bytes}`)).toEqual([
      'best-estimate 33196800',
      'upper-bound 33206672',
    ]);
    expect(estimate.notes.join(' ')).toContain('garbage collection off');
    expect(estimate.notes.join(' ')).toContain('between top-level statements');
  });

  it('sets the event-log peak beside them when targets.txt names the same package', () => {
    const filePeaks = computeFilePeaks([eventLog('edge-cases/event-log-snake-over-limit.json-lines')]);
    const estimate = estimatePeak({
      heapFlame: heapFlame(sampleHeapFlame()),
      targetIds: ['load/root//foo'],
      filePeaks,
    });
    expect(estimate.figures.at(-1)).toMatchObject({
      kind: 'measured',
      bytes: 1610608640,
      label: 'event-log peak of root//foo:BUCK',
    });
    expect(packageOfEvalId('loading:root//x')).toBe('root//x');
    expect(packageOfEvalId('analysis/x')).toBeNull();
  });

  it('names a package by its path inside the cell, the cell root as empty', () => {
    expect(['root//foo/bar', 'prelude//', 'cell//a//b', 'foo/bar'].map(pathInCell)).toEqual([
      'foo/bar',
      '',
      'a//b',
      'foo/bar',
    ]);
  });
});

describe('joining event-log peaks to a profiled run', () => {
  const rows = computeFilePeaks([eventLog('event-logs/causes.json-lines'), eventLog('event-logs/monorepo.json-lines')]);

  it('joins by targets.txt ids (monorepo) and by folder name (cause samples, whose targets say load/root//)', () => {
    expect(
      matchFilePeaks(rows, ['load/root//libs/core', 'load/root//apps/web'], 'samples/monorepo')
        .map((r) => r.moduleId)
        .sort(),
    ).toEqual(['root//apps/web:BUCK', 'root//libs/core:BUCK']);
    expect(matchFilePeaks(rows, ['load/root//'], 'samples/huge-collection/before').map((r) => r.moduleId)).toEqual([
      'root//huge-collection/before:BUCK',
    ]);
    expect(matchFilePeaks(rows, ['load/root//'], 'samples/elsewhere')).toEqual([]);
  });

  it('flags the monorepo load that failed over its limit', () => {
    const search = rows.find((r) => r.moduleId === 'root//services/search:BUCK')!;
    expect(search.peakBytes).toBeNull();
    expect(search.overLimit).toBe(true);
    expect(search.reportedBytes).toBeGreaterThan(0);
  });
});
