// The key figures of one profile (what `peakscope report` prints and the viewer's header
// shows), its top functions by bytes, and the per-file peaks of an event log.
import type {
  EventLog,
  HeapFlame,
  HeapSummary,
  LoadRecord,
  ParsedFile,
  PprofProfile,
  Profile,
} from '../model/profile.ts';
import { directoryOf, type ProfileSet } from '../model/profile-set.ts';
import { PER_MILLISECOND, type Bytes, type Count, type Milliseconds, type Seconds } from '../model/units.ts';
import { computeFunctionTable } from './function-table.ts';

/** Key figures per format; `unusedCapacityBytes` is present only in 2022-10…2024-07 files. */
export type Totals =
  | { allocBytes: Bytes | null; allocs: Count; functions: Count; unusedCapacityBytes?: Bytes | null }
  | { bytes: Bytes; stacks: Count; unusedCapacityBytes?: Bytes }
  | { milliseconds: Milliseconds }
  | { seconds: Seconds; count: Count; statements: Count }
  | { spans: Count }
  | { seconds: Seconds }
  | { count: Count }
  | { pairs: Count; count: Count }
  | { files: Count; failed: Count; maxPeakBytes: Bytes | null; maxPeakFile: string | null }
  | { targets: Count }
  | { title: string | null }
  | PprofTotals
  | Record<string, never>;

/**
 * A pprof profile's figures: the drawn sample type's sum as `bytes`, exact `milliseconds`
 * (microseconds and nanoseconds divided once, from the exact integer sum) or `count`, with what
 * it means in words; Bazel's profiles add the loading and analysis parts in the same unit.
 */
export type PprofTotals = ({ bytes: Bytes } | { milliseconds: Milliseconds } | { count: Count }) & {
  samples: Count;
  sampleType: string;
  semantics: string;
  loading?: number;
  analysis?: number;
};

/**
 * The figures a report shows for a profile, exactly as the files give them.
 *
 * @example for the upstream goldens:
 *   heap flame → { bytes: 3032, stacks: 7 };  time flame → { milliseconds: 413 }
 *   heap summary → { allocBytes: 3024, allocs: 378, functions: 3 }
 */
export function computeTotals(profile: Profile): Totals {
  switch (profile.format) {
    case 'heap-summary':
      return summaryTotals(profile);
    case 'heap-flame':
      return {
        bytes: profile.tree.total[0]!,
        stacks: profile.stacks,
        ...(profile.unusedCapacityBytes !== null ? { unusedCapacityBytes: profile.unusedCapacityBytes } : {}),
      };
    case 'time-flame':
      return { milliseconds: profile.tree.total[0]! };
    case 'statement':
      return { seconds: profile.totalSeconds, count: profile.totalCount, statements: profile.rows.length };
    case 'coverage':
      return { spans: profile.spans.length };
    case 'typecheck':
      return { seconds: profile.totalSeconds };
    case 'bytecode':
      return { count: profile.total };
    case 'bytecode-pairs':
      return { pairs: profile.rows.length, count: profile.rows.reduce((sum, r) => sum + r.count, 0) };
    case 'event-log':
      return eventLogTotals(profile);
    case 'targets':
      return { targets: profile.ids.length };
    case 'flame-svg':
      return { title: profile.title };
    case 'pprof':
      return pprofTotals(profile);
    case 'empty':
      return {};
  }
}

/** The profile's tree total (and parts) in the reported unit: bytes, milliseconds or a count. */
function pprofTotals(profile: PprofProfile): PprofTotals {
  const unit = profile.tree.unit;
  const scale = PER_MILLISECOND[unit];
  const convert = (n: number) => (scale === undefined ? n : n / scale);
  const key = unit === 'bytes' ? 'bytes' : scale !== undefined ? 'milliseconds' : 'count';
  const total = { [key]: convert(profile.tree.total[0]!) } as
    { bytes: Bytes } | { milliseconds: Milliseconds } | { count: Count };
  const { type, unit: sampleUnit } = profile.sampleType;
  return {
    ...total,
    samples: profile.samples,
    sampleType: `${type}/${sampleUnit}`,
    semantics: profile.semantics,
    ...(profile.phases ? { loading: convert(profile.phases.loading), analysis: convert(profile.phases.analysis) } : {}),
  };
}

function summaryTotals(summary: HeapSummary): Totals {
  const unused = summary.unusedCapacity;
  return {
    allocBytes: summary.totals.allocBytes,
    allocs: summary.totals.allocs,
    functions: summary.functions.length,
    ...(unused ? { unusedCapacityBytes: unused.bytes } : {}),
  };
}

function eventLogTotals(log: EventLog): Totals {
  let max: LoadRecord | null = null;
  let failed = 0;
  // One indexed pass: a for-of and a filter over 264k loads allocated per load on the page.
  for (let i = 0; i < log.loads.length; i++) {
    const load = log.loads[i]!;
    if (load.error !== null) failed++;
    if (load.peakBytes !== null && load.peakBytes > (max?.peakBytes ?? -1)) max = load;
  }
  return {
    files: log.loads.length,
    failed,
    maxPeakBytes: max?.peakBytes ?? null,
    maxPeakFile: max?.moduleId ?? null,
  };
}

/** One BUCK/TARGETS evaluation's peak; `bytes` is null when the load failed. */
export interface PeakEntry {
  file: string;
  bytes: Bytes | null;
  error: string | null;
}

/** Every ended Load span's peak, in log order. */
export function eventLogPeaks(log: EventLog): PeakEntry[] {
  return log.loads.map((l) => ({ file: l.moduleId, bytes: l.peakBytes, error: l.error }));
}

/** A function's bytes: `totalBytes` is null when the profile cannot say (a summary without its flame). */
export interface TopFunction {
  name: string;
  selfBytes: Bytes;
  totalBytes: Bytes | null;
}

/**
 * Functions by bytes, type leaves excluded, at most `limit`. A heap flame gives exact self and
 * total; a heap summary gives self (`AllocBytes`) and, when the heap flame of the same run is
 * passed, total from that flame. Summaries older than 2022-10 have no bytes: none listed.
 *
 * @example for the upstream allocated goldens:
 *   flame → [{ name: 'module', selfBytes: 16, totalBytes: 3024 },
 *            { name: 'test.star.test', selfBytes: 1248, totalBytes: 3008 }, …]
 */
export function computeTopFunctions(profile: Profile, limit: number, flame: HeapFlame | null = null): TopFunction[] {
  if (profile.format === 'heap-flame' || (profile.format === 'pprof' && profile.tree.unit === 'bytes')) {
    return computeFunctionTable(profile.tree)
      .slice(0, limit)
      .map((f) => ({ name: f.name, selfBytes: f.self, totalBytes: f.total }));
  }
  if (profile.format !== 'heap-summary' || profile.totals.allocBytes === null) return [];
  const totals = flame ? flameTotals(flame) : null;
  return (
    profile.functions
      .filter((r) => r.allocBytes !== null)
      // With the flame, a function that no stack with bytes passes through has exactly 0.
      .map((r) => ({ name: r.name, selfBytes: r.allocBytes!, totalBytes: totals ? (totals.get(r.name) ?? 0) : null }))
      .sort((a, b) => b.selfBytes - a.selfBytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .slice(0, limit)
  );
}

/**
 * True when the flame gives every summary function exactly its `AllocBytes` as self bytes, as a
 * summary and flame of one run do (golden: 16, 1248, 1760). This tells allocated from retained
 * and one run from another without trusting file names. A function with 0 bytes has no line.
 */
export function flameMatchesSummary(summary: HeapSummary, flame: HeapFlame): boolean {
  const self = new Map(computeFunctionTable(flame.tree).map((f) => [f.name, f.self]));
  return summary.functions.every((r) => r.allocBytes !== null && (self.get(r.name) ?? 0) === r.allocBytes);
}

/** Total bytes per function name; a function no stack passes through has none. */
function flameTotals(flame: HeapFlame): Map<string, Bytes> {
  return new Map(computeFunctionTable(flame.tree).map((f) => [f.name, f.total]));
}

/** True when the flames give every summary function the same total (e.g. heap-allocated and heap-flame-allocated runs). */
function flamesAgree(summary: HeapSummary, flames: readonly HeapFlame[]): boolean {
  const [first, ...others] = flames.map(flameTotals);
  return others.every((t) => summary.functions.every((r) => (t.get(r.name) ?? 0) === (first!.get(r.name) ?? 0)));
}

function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * The heap flame of the same run as a heap summary, or null when the set cannot say which:
 * same folder and stem (`x.profile` ↔ `x.src`), else the only one in the folder, else the only
 * one in the set, else any when all candidates agree on every function's total. Candidates must
 * match the summary's self bytes exactly (`flameMatchesSummary`).
 */
export function companionFlame(set: ProfileSet, summaryFile: ParsedFile, summary: HeapSummary): HeapFlame | null {
  const candidates = set.files.filter(
    (f): f is ParsedFile & { profile: HeapFlame } =>
      f.profile?.format === 'heap-flame' && flameMatchesSummary(summary, f.profile),
  );
  const dir = directoryOf(summaryFile.path);
  const sameDir = candidates.filter((f) => directoryOf(f.path) === dir);
  const sameStem = sameDir.filter((f) => stemOf(f.path) === stemOf(summaryFile.path));
  for (const group of [sameStem, sameDir, candidates]) if (group.length === 1) return group[0]!.profile;
  const flames = candidates.map((f) => f.profile);
  return flames.length > 1 && flamesAgree(summary, flames) ? flames[0]! : null;
}
