// Compares two profile sets (two `buck2 profile -o` directories, two drops): pairs up the
// profiles of each kind both sides hold and computes every delta the viewer and CLI show.
import type { ProfileSet } from '../model/profile-set.ts';
import type { HeapFlame, HeapSummary, Profile, TimeFlame } from '../model/profile.ts';
import type { Bytes } from '../model/units.ts';
import { diffCallTrees, functionDeltas, typeDeltas, type Delta, type DiffTree, type FunctionDelta } from './diff.ts';
import { DEFAULT_PEAK_LIMIT } from './peaks.ts';
import {
  peakDeltas, statementDeltas, summaryDeltas, summaryTypeDeltas,
  type PeakDelta, type StatementDelta, type SummaryComparison,
} from './diff-profiles.ts';

/** A flame tree comparison, heap (bytes) or time (milliseconds). */
export interface FlameComparison {
  format: 'heap-flame' | 'time-flame';
  basePath: string;
  targetPath: string;
  diff: DiffTree;
  functions: FunctionDelta[];
  /** Bytes per type leaf (heap flames only; empty for time flames). */
  types: Delta[];
}

/** Everything two sets have in common, compared. A part is null when either side lacks it. */
export interface SetComparison {
  heapFlame: FlameComparison | null;
  timeFlame: FlameComparison | null;
  summary: (SummaryComparison & { types: Delta[] }) | null;
  statements: StatementDelta[] | null;
  peaks: PeakDelta[] | null;
  /** What could not be compared and why, one readable line each. */
  notes: string[];
}

type FormatOf<F extends Profile['format']> = Extract<Profile, { format: F }>;

/** Buck2's merged profile of a `--profile-patterns` tree. */
const MERGED = /(^|\/)merged\.[^/]*$/;
/** A retained-mode output folder: allocated is what a fix usually changes, so it comes first. */
const RETAINED = /retained/i;

interface Picked<F extends Profile['format']> {
  path: string;
  profile: FormatOf<F>;
}

/**
 * The profiles of one format to compare: the same relative path on both sides when there is
 * one (a heap-allocated and a heap-retained flame cannot be told apart by content, only by
 * where they were written); among several, Buck2's `merged.*`, else one whose path does not
 * say `retained`, else the first.
 */
export function pickPair<F extends Profile['format']>(base: ProfileSet, target: ProfileSet, format: F): { b: Picked<F> | null; t: Picked<F> | null } {
  const baseFiles = filesOf(base, format);
  const targetFiles = filesOf(target, format);
  const targetByPath = new Map(targetFiles.map((f) => [f.relative, f]));
  const common = baseFiles.filter((f) => targetByPath.has(f.relative));
  const preferred = (files: typeof baseFiles) =>
    files.find((f) => MERGED.test(f.relative)) ?? files.find((f) => !RETAINED.test(f.relative)) ?? files[0];
  const b = preferred(common) ?? preferred(baseFiles);
  const t = (b && targetByPath.get(b.relative)) ?? preferred(targetFiles);
  return { b: b ? b.picked : null, t: t ? t.picked : null };
}

function filesOf<F extends Profile['format']>(set: ProfileSet, format: F) {
  const prefix = set.name === '' ? '' : `${set.name}/`;
  return set.files
    .filter((f) => f.profile?.format === format)
    .map((f) => ({
      relative: f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path,
      picked: { path: f.path, profile: f.profile as FormatOf<F> },
    }));
}

/**
 * Compares every kind of profile found in both sets: heap flames, time flames, heap summary
 * CSVs, statement CSVs and event logs. A kind present on one side only becomes a note.
 *
 * @example compareSets(before, after).heapFlame?.functions[0] // { name: 'module', delta: -1584, … }
 */
export function compareSets(base: ProfileSet, target: ProfileSet, limit: Bytes = DEFAULT_PEAK_LIMIT): SetComparison {
  const notes: string[] = [];
  const pair = <F extends Profile['format']>(format: F, label: string) => {
    const { b, t } = pickPair(base, target, format);
    if (b && t) return { b, t };
    if (b || t) notes.push(`${label} only in the ${b ? 'base' : 'target'}: not compared`);
    return null;
  };
  const heap = pair('heap-flame', 'heap flame');
  const time = pair('time-flame', 'time flame');
  const summary = pair('heap-summary', 'heap summary CSV');
  const statements = pair('statement', 'statement CSV');
  const logs = pair('event-log', 'event log');
  return {
    heapFlame: heap ? compareFlames(heap.b, heap.t) : null,
    timeFlame: time ? compareFlames(time.b, time.t) : null,
    summary: summary ? compareSummaries(summary.b.profile, summary.t.profile) : null,
    statements: statements ? statementDeltas(statements.b.profile, statements.t.profile) : null,
    peaks: logs ? peakDeltas(logs.b.profile, logs.t.profile, limit) : null,
    notes,
  };
}

function compareFlames(
  b: { path: string; profile: HeapFlame | TimeFlame },
  t: { path: string; profile: HeapFlame | TimeFlame },
): FlameComparison {
  const diff = diffCallTrees(b.profile.tree, t.profile.tree);
  const format = b.profile.format;
  return {
    format,
    basePath: b.path,
    targetPath: t.path,
    diff,
    functions: functionDeltas(diff),
    types: format === 'heap-flame' ? typeDeltas(diff) : [],
  };
}

function compareSummaries(b: HeapSummary, t: HeapSummary): NonNullable<SetComparison['summary']> {
  return { ...summaryDeltas(b, t), types: summaryTypeDeltas(b, t) };
}

/** True when the comparison holds anything at all. */
export function hasAnything(c: SetComparison): boolean {
  return c.heapFlame !== null || c.timeFlame !== null || c.summary !== null || c.statements !== null || c.peaks !== null;
}
