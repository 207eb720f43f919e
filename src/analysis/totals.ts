// The key figures of one profile (what `peakscope report` prints and the viewer's header
// shows), its top functions by bytes, and the per-file peaks of an event log.
import type { EventLog, HeapFlame, HeapSummary, ParsedFile, Profile } from '../model/profile.ts';
import { directoryOf, type ProfileSet } from '../model/profile-set.ts';
import { parseSize, type Bytes, type Count, type Milliseconds, type Seconds } from '../model/units.ts';
import { computeFunctionTable } from './function-table.ts';

/** Buck2's default per-file limit on `starlark_peak_allocated_bytes` (formats.md §10.2). */
export const DEFAULT_PEAK_LIMIT_BYTES: Bytes = 2 * 1024 ** 3;

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
  | Record<string, never>;

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
    case 'empty':
      return {};
  }
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
  let max: { bytes: Bytes; file: string } | null = null;
  for (const load of log.loads) {
    if (load.peakBytes !== null && (max === null || load.peakBytes > max.bytes)) max = { bytes: load.peakBytes, file: load.moduleId };
  }
  return {
    files: log.loads.length,
    failed: log.loads.filter((l) => l.error !== null).length,
    maxPeakBytes: max?.bytes ?? null,
    maxPeakFile: max?.file ?? null,
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

/**
 * The usage in Buck2's over-the-limit error (formats.md §10.2), as precise as the message:
 * `Starlark peak memory usage for root//big:BUCK is 2.3 GiB which exceeds the limit 2.0 GiB!`
 * → 2469606195. Null for any other error.
 */
export function usageFromLimitError(error: string): Bytes | null {
  const m = /\bis\s+(\d+(?:\.\d+)?\s*(?:B|KiB|MiB|GiB|TiB))\s+which exceeds the limit/.exec(error);
  return m ? parseSize(m[1]!) : null;
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
  if (profile.format === 'heap-flame') {
    return computeFunctionTable(profile.tree)
      .slice(0, limit)
      .map((f) => ({ name: f.name, selfBytes: f.self, totalBytes: f.total }));
  }
  if (profile.format !== 'heap-summary' || profile.totals.allocBytes === null) return [];
  const totals = flame ? new Map(computeFunctionTable(flame.tree).map((f) => [f.name, f.total])) : null;
  return profile.functions
    .filter((r) => r.allocBytes !== null)
    .map((r) => ({ name: r.name, selfBytes: r.allocBytes!, totalBytes: totals?.get(r.name) ?? null }))
    .sort((a, b) => b.selfBytes - a.selfBytes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, limit);
}

/** True when every function of the summary is a frame of the flame: the two can come from one run. */
export function flameCoversSummary(summary: HeapSummary, flame: HeapFlame): boolean {
  const frames = new Set(flame.tree.names);
  return summary.functions.every((r) => frames.has(r.name));
}

/** `retained` / `allocated` as far as a path says (mode folders, `heap_retained…` names). */
function heapKindOf(path: string): 'retained' | 'allocated' | null {
  return /retained/i.test(path) ? 'retained' : /allocated/i.test(path) ? 'allocated' : null;
}

function stemOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(0, dot) : base;
}

/**
 * The heap flame of the same run as a heap summary, or null when the set cannot say which:
 * same folder and stem (`x.profile` ↔ `x.src`), else the only one in the folder, else the only
 * one in the set. Candidates must name every summary function and not contradict the path's
 * allocated/retained kind.
 */
export function companionFlame(set: ProfileSet, summaryFile: ParsedFile, summary: HeapSummary): HeapFlame | null {
  // Only the part below the set's folder can name a mode; the folders above it say nothing.
  const kindOf = (f: ParsedFile) => heapKindOf(f.path.slice(set.name.length));
  const kind = kindOf(summaryFile);
  const candidates = set.files.filter((f): f is ParsedFile & { profile: HeapFlame } => {
    if (f.profile?.format !== 'heap-flame' || !flameCoversSummary(summary, f.profile)) return false;
    const flameKind = kindOf(f);
    return kind === null || flameKind === null || kind === flameKind;
  });
  const dir = directoryOf(summaryFile.path);
  const sameDir = candidates.filter((f) => directoryOf(f.path) === dir);
  const sameStem = sameDir.filter((f) => stemOf(f.path) === stemOf(summaryFile.path));
  for (const group of [sameStem, sameDir, candidates]) if (group.length === 1) return group[0]!.profile;
  return null;
}
