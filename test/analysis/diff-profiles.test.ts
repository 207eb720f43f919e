import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { peakDeltas, statementDeltas, summaryDeltas, summaryTypeDeltas } from '../../src/analysis/diff-profiles.ts';
import { parseText } from '../../src/formats/parse-file.ts';
import type { EventLog, HeapSummary, StatementProfile, StatementRow, SummaryRow } from '../../src/model/profile.ts';
import { statementRowsOf } from '../../src/model/statement-rows.ts';
import { SAMPLES_DIR } from '../samples.ts';

function row(name: string, calls: number, allocs: number, allocBytes: number | null, typeCounts: number[]): SummaryRow {
  return {
    name,
    timeSeconds: 0.1,
    timeRecSeconds: 0.1,
    calls,
    callers: 1,
    topCaller: 'module',
    topCallerCount: 1,
    allocs,
    allocBytes,
    typeCounts,
  };
}

/** The rows of the upstream heap_summary_allocated golden, with inner's allocations scaled. */
function goldenSummary(innerAllocs: number): HeapSummary {
  const inner = row('test.star.inner', 0, innerAllocs, innerAllocs * 8, [innerAllocs, 0, 0, 0, 0]);
  const test = row('test.star.test', 20, 156, 1248, [24, 60, 48, 24, 0]);
  const module = row('module', 4, 2, 16, [0, 0, 0, 0, 2]);
  const functions = [test, inner, module];
  const sum = (pick: (r: SummaryRow) => number) => functions.reduce((s, r) => s + pick(r), 0);
  return {
    format: 'heap-summary',
    typeNames: ['dict', 'array', 'list', 'tuple', 'function'],
    totals: row(
      'TOTALS',
      sum((r) => r.calls),
      sum((r) => r.allocs),
      sum((r) => r.allocBytes!),
      [0, 1, 2, 3, 4].map((i) => sum((r) => r.typeCounts[i]!)),
    ),
    functions,
    unusedCapacity: null,
  };
}

function eventLog(path: string): EventLog {
  const parsed = parseText(path, readFileSync(join(SAMPLES_DIR, 'edge-cases', path), 'utf8'));
  if (parsed.profile?.format !== 'event-log') throw new Error(`not an event log: ${parsed.error?.message}`);
  return parsed.profile;
}

describe('summaryDeltas', () => {
  it('gives self bytes, allocations and calls per function, TOTALS apart', () => {
    const { totals, functions } = summaryDeltas(goldenSummary(220), goldenSummary(22));
    expect(totals).toMatchObject({ name: 'TOTALS', base: 3024, target: 1440, delta: -1584 });
    expect(totals.allocs).toEqual({ base: 378, target: 180, delta: -198 });
    expect(functions.map((f) => [f.name, f.delta, f.allocs.delta, f.calls.delta])).toEqual([
      ['test.star.inner', -1584, -198, 0],
      ['test.star.test', 0, 0, 0],
      ['module', 0, 0, 0],
    ]);
  });

  it('falls back to allocation counts when a file has no AllocBytes column', () => {
    const old = goldenSummary(220);
    old.totals.allocBytes = null;
    for (const r of old.functions) r.allocBytes = null;
    const { totals } = summaryDeltas(old, goldenSummary(22));
    expect([totals.base, totals.target]).toEqual([378, 180]);
  });

  it('counts a function missing on one side as zero', () => {
    const target = goldenSummary(220);
    target.functions = target.functions.filter((f) => f.name !== 'test.star.inner');
    const inner = summaryDeltas(goldenSummary(220), target).functions.find((f) => f.name === 'test.star.inner')!;
    expect([inner.base, inner.target, inner.delta]).toEqual([1760, 0, -1760]);
  });

  it('joins per-type allocation counts by column name, whatever the column order', () => {
    const target = goldenSummary(22);
    target.typeNames = [...target.typeNames].reverse();
    target.totals.typeCounts = [...target.totals.typeCounts].reverse();
    expect(summaryTypeDeltas(goldenSummary(220), target).map((t) => [t.name, t.delta])).toEqual([
      ['dict', -198],
      ['array', 0],
      ['list', 0],
      ['tuple', 0],
      ['function', 0],
    ]);
  });
});

describe('statementDeltas', () => {
  const span = (line: number, column: number, endLine: number, endColumn: number) => ({
    line,
    column,
    endLine,
    endColumn,
  });
  const profile = (rows: StatementRow[]): StatementProfile => ({
    format: 'statement',
    totalSeconds: 0,
    totalCount: 0,
    rows: statementRowsOf(rows),
  });

  it('joins by file and span, so a moved statement is gone and new', () => {
    const base = profile([
      { file: 'test.star', span: span(7, 13, 7, 19), seconds: 2.8, count: 400 },
      { file: 'test.star', span: span(3, 5, 9, 1), seconds: 0.28, count: 40 },
    ]);
    const target = profile([
      { file: 'test.star', span: span(7, 13, 7, 19), seconds: 0.7, count: 100 },
      { file: 'test.star', span: span(4, 5, 9, 1), seconds: 0.28, count: 40 },
    ]);
    const rows = statementDeltas(base, target);
    expect(rows.map((r) => [r.span.line, r.base, r.target, r.count.delta])).toEqual([
      [7, 2.8, 0.7, -300],
      [3, 0.28, 0, -40],
      [4, 0, 0.28, 40],
    ]);
    expect(rows[0]!.delta).toBeCloseTo(-2.1);
  });

  it('keeps the same span in two files apart', () => {
    const s = span(1, 1, 1, 5);
    const rows = statementDeltas(
      profile([{ file: 'a.bzl', span: s, seconds: 1, count: 1 }]),
      profile([{ file: 'b.bzl', span: s, seconds: 1, count: 1 }]),
    );
    expect(rows.map((r) => [r.name, r.delta])).toEqual([
      ['a.bzl', -1],
      ['b.bzl', 1],
    ]);
  });
});

describe('peakDeltas on two event logs (hand-made edge cases)', () => {
  const rows = peakDeltas(
    eventLog('event-log-camel-case.json-lines'),
    eventLog('event-log-snake-over-limit.json-lines'),
  );

  it('lists every file of either log, with the change where both peaks are known', () => {
    expect(rows.map((r) => [r.file, r.basePeak, r.targetPeak, r.delta, r.onlyIn])).toEqual([
      ['root//lib:TARGETS', 8000000000000, 52428800, 52428800 - 8000000000000, null],
      ['root//big:BUCK', null, null, null, 'target'],
      ['root//foo:BUCK', 1610608640, 1610608640, 0, null],
    ]);
  });

  it('marks a load that failed with "exceeds the limit" as over the limit', () => {
    const big = rows.find((r) => r.file === 'root//big:BUCK')!;
    expect(big.overLimit).toBe(true);
    expect(big.nowOverLimit).toBe(false); // not loaded in the base: unknown before
    expect(big.targetError).toMatch(/exceeds the limit/);
    expect(big.targetUsageFromError).toBe(Math.round(2.3 * 2 ** 30));
  });

  it('says which file now exceeds the limit and puts it first', () => {
    const base = eventLog('event-log-snake-over-limit.json-lines');
    const grown: EventLog = {
      ...base,
      loads: base.loads.map((l) => (l.moduleId === 'root//lib:TARGETS' ? { ...l, peakBytes: 3 * 2 ** 30 } : l)),
    };
    const [first] = peakDeltas(base, grown);
    expect(peakDeltas(grown, base)[0]).toMatchObject({ file: 'root//lib:TARGETS', delta: 52428800 - 3 * 2 ** 30 });
    expect(first).toMatchObject({
      file: 'root//lib:TARGETS',
      nowOverLimit: true,
      overLimit: true,
      delta: 3 * 2 ** 30 - 52428800,
    });
    expect(peakDeltas(base, grown, 4 * 2 ** 30)[0]!.nowOverLimit).toBe(false);
  });
});
