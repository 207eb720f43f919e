// Deltas between two profiles that are tables rather than trees: heap summary CSVs,
// statement CSVs and the per-file peaks of two Buck2 event logs.
import type { EventLog, HeapSummary, Span, StatementProfile, SummaryRow } from '../model/profile.ts';
import { statementFile, statementSpan } from '../model/statement-rows.ts';
import type { Bytes } from '../model/units.ts';
import { byChange, joinDeltas, type Delta } from './diff.ts';
import { computeFilePeaks, DEFAULT_PEAK_LIMIT } from './peaks.ts';

/** One figure on both sides. */
export interface Change {
  base: number;
  target: number;
  delta: number;
}

/**
 * A heap summary row on both sides. `base`/`target`/`delta` are self bytes (AllocBytes), or
 * allocation counts when either file predates the AllocBytes column (2022-10).
 */
export interface SummaryDelta extends Delta {
  allocs: Change;
  /** Starlark calls made *from* the function (docs/formats.md §2.1). */
  calls: Change;
  seconds: Change;
}

function change(base: number, target: number): Change {
  return { base, target, delta: target - base };
}

export interface SummaryComparison {
  /** What `base`/`target`/`delta` of each row hold: self bytes, or allocations in old files. */
  measures: 'bytes' | 'allocs';
  totals: SummaryDelta;
  functions: SummaryDelta[];
}

/**
 * Joins two heap summary CSVs by function name; a function missing on one side counts 0.
 * The TOTALS row comes back apart, never mixed into the functions.
 *
 * @example base `"f",0.1,0.1,2,1,"module",1,10,80,…` target `"f",0.1,0.1,2,1,"module",1,1,8,…`
 *   → [{ name: 'f', base: 80, target: 8, delta: -72, allocs: { delta: -9 }, … }]
 */
export function summaryDeltas(base: HeapSummary, target: HeapSummary): SummaryComparison {
  const useBytes = base.totals.allocBytes !== null && target.totals.allocBytes !== null;
  const empty = emptyRow();
  const names = new Set([...base.functions, ...target.functions].map((r) => r.name));
  const baseRows = new Map(base.functions.map((r) => [r.name, r]));
  const targetRows = new Map(target.functions.map((r) => [r.name, r]));
  const functions = [...names].map((name) =>
    rowDelta(name, baseRows.get(name) ?? empty, targetRows.get(name) ?? empty, useBytes),
  );
  return {
    measures: useBytes ? 'bytes' : 'allocs',
    totals: rowDelta('TOTALS', base.totals, target.totals, useBytes),
    functions: functions.sort(byChange),
  };
}

function rowDelta(name: string, b: SummaryRow, t: SummaryRow, useBytes: boolean): SummaryDelta {
  const baseMain = useBytes ? (b.allocBytes ?? 0) : b.allocs;
  const targetMain = useBytes ? (t.allocBytes ?? 0) : t.allocs;
  return {
    name,
    base: baseMain,
    target: targetMain,
    delta: targetMain - baseMain,
    allocs: change(b.allocs, t.allocs),
    calls: change(b.calls, t.calls),
    seconds: change(b.timeSeconds, t.timeSeconds),
  };
}

function emptyRow(): SummaryRow {
  return {
    name: '',
    timeSeconds: 0,
    timeRecSeconds: 0,
    calls: 0,
    callers: 0,
    topCaller: '',
    topCallerCount: 0,
    allocs: 0,
    allocBytes: 0,
    typeCounts: [],
  };
}

/** Allocation counts per value type (the CSV's dynamic columns hold counts, not bytes). */
export function summaryTypeDeltas(base: HeapSummary, target: HeapSummary): Delta[] {
  const counts = (s: HeapSummary) =>
    s.typeNames.map((name, i): [string, number] => [name, s.totals.typeCounts[i] ?? 0]);
  return joinDeltas(counts(base), counts(target));
}

/** A statement on both sides, keyed by file and span; `name` is the file, `base`/`target` seconds. */
export interface StatementDelta extends Delta {
  span: Span;
  count: Change;
}

/**
 * Joins two statement CSVs by file and span. Spans only match when the source lines did not
 * move, so an edited file shows its statements as gone and new.
 *
 * @example `"a.bzl","7:13-19",2.800,400` vs `"a.bzl","7:13-19",0.700,100`
 *   → [{ name: 'a.bzl', span: { line: 7, column: 13, endLine: 7, endColumn: 19 }, base: 2.8, target: 0.7, delta: -2.1, count: { delta: -300 } }]
 */
export function statementDeltas(base: StatementProfile, target: StatementProfile): StatementDelta[] {
  const deltas = new Map<string, StatementDelta>();
  const add = ({ rows }: StatementProfile, side: 'base' | 'target') => {
    for (let i = 0; i < rows.length; i++) {
      const file = statementFile(rows, i);
      const key = `${rows.line[i]}:${rows.column[i]}:${rows.endLine[i]}:${rows.endColumn[i]}:${file}`;
      let entry = deltas.get(key);
      if (!entry) {
        entry = { name: file, span: statementSpan(rows, i), base: 0, target: 0, delta: 0, count: change(0, 0) };
        deltas.set(key, entry);
      }
      entry[side] += rows.seconds[i]!;
      entry.count[side] += rows.count[i]!;
    }
  };
  add(base, 'base');
  add(target, 'target');
  for (const row of deltas.values()) {
    row.delta = row.target - row.base;
    row.count.delta = row.count.target - row.count.base;
  }
  return [...deltas.values()].sort(byChange);
}

/** One BUCK file's peak in two event logs. Peaks are null where the load failed or is absent. */
export interface PeakDelta {
  /** `module_id`, e.g. `root//foo:BUCK`. Untrusted text. */
  file: string;
  basePeak: Bytes | null;
  targetPeak: Bytes | null;
  /** targetPeak − basePeak when both are known, else null. */
  delta: Bytes | null;
  /** In the target log, the load failed over the limit or its peak is above it. */
  overLimit: boolean;
  /** Over the limit in the target but not in the base. */
  nowOverLimit: boolean;
  /** The target's load error, if any (e.g. Buck2's "exceeds the limit" message). */
  targetError: string | null;
  /** The usage Buck2's over-the-limit error names, as precise as its message (e.g. 2.3 GiB). */
  targetUsageFromError: Bytes | null;
  /** Present in only one log (DICE caches loads, so this is common). */
  onlyIn: 'base' | 'target' | null;
}

/**
 * Per-file peak deltas from two event logs: newly over the limit first, then growth, each by size: which files grew, which
 * now exceed the limit (by peak, or by Buck2's "exceeds the limit" load error).
 *
 * @example base load `root//a:BUCK` 100 MiB, target 150 MiB → { delta: 52428800, overLimit: false }
 */
export function peakDeltas(base: EventLog, target: EventLog, limit: Bytes = DEFAULT_PEAK_LIMIT): PeakDelta[] {
  const byFile = (log: EventLog) => new Map(computeFilePeaks([log], limit).map((row) => [row.moduleId, row]));
  const before = byFile(base);
  const after = byFile(target);
  const files = new Set([...before.keys(), ...after.keys()]);
  const rows = [...files].map((file): PeakDelta => {
    const b = before.get(file);
    const t = after.get(file);
    const basePeak = b?.peakBytes ?? null;
    const targetPeak = t?.peakBytes ?? null;
    const overLimit = t?.overLimit ?? false;
    return {
      file,
      basePeak,
      targetPeak,
      delta: basePeak !== null && targetPeak !== null ? targetPeak - basePeak : null,
      overLimit,
      nowOverLimit: overLimit && b !== undefined && !b.overLimit,
      targetError: t?.error ?? null,
      targetUsageFromError: t?.reportedBytes ?? null,
      onlyIn: b && t ? null : b ? 'base' : 'target',
    };
  });
  const grew = (r: PeakDelta) => Number((r.delta ?? 0) > 0);
  return rows.sort(
    (x, y) =>
      Number(y.nowOverLimit) - Number(x.nowOverLimit) ||
      grew(y) - grew(x) ||
      Math.abs(y.delta ?? 0) - Math.abs(x.delta ?? 0) ||
      (x.file < y.file ? -1 : 1),
  );
}
