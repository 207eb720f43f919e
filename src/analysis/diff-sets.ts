// Compares two profile sets (two `buck2 profile -o` directories, two drops): pairs up the
// profiles of each kind both sides hold and computes every delta the viewer and CLI show.
import type { ProfileSet } from '../model/profile-set.ts';
import type { HeapFlame, HeapSummary, PprofProfile, TimeFlame } from '../model/profile.ts';
import type { Bytes } from '../model/units.ts';
import { diffCallTrees, functionDeltas, typeDeltas, type Delta, type DiffTree, type FunctionDelta } from './diff.ts';
import { DEFAULT_PEAK_LIMIT } from './peaks.ts';
import { classifyRun, type Role, type RoleFile, type RoleProfiles, type RunRoles } from './run-roles.ts';
import {
  peakDeltas,
  statementDeltas,
  summaryDeltas,
  summaryTypeDeltas,
  type PeakDelta,
  type StatementDelta,
  type SummaryComparison,
} from './diff-profiles.ts';

/** A flame tree comparison, heap (bytes) or time (milliseconds). */
export interface FlameComparison {
  format: 'heap-flame' | 'time-flame';
  /** The role both sides play (the run model's): allocated or retained heap flame, or time flame. */
  role: 'allocated-flame' | 'retained-flame' | 'time-flame';
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

/** Buck2's merged profile of a `--profile-patterns` tree. */
const MERGED = /(^|\/)merged\.[^/]*$/;

interface Picked<P> {
  path: string;
  profile: P;
}

/** A set as compared: its files by role (the worker's, or classified here). */
export type ComparedSet = ProfileSet & { roles?: RunRoles };

/**
 * The files of one role to compare: the same relative path on both sides when there is one;
 * among several, Buck2's `merged.*`, else the first.
 */
export function pickPair<R extends Role>(
  base: ComparedSet,
  target: ComparedSet,
  role: R,
): { b: Picked<RoleProfiles[R]> | null; t: Picked<RoleProfiles[R]> | null } {
  const baseFiles = filesOf(base, role);
  const targetFiles = filesOf(target, role);
  const targetByPath = new Map(targetFiles.map((f) => [f.relative, f]));
  const common = baseFiles.filter((f) => targetByPath.has(f.relative));
  const preferred = (files: typeof baseFiles) => files.find((f) => MERGED.test(f.relative)) ?? files[0];
  const b = preferred(common) ?? preferred(baseFiles);
  const t = (b && targetByPath.get(b.relative)) ?? preferred(targetFiles);
  return { b: b ? b.picked : null, t: t ? t.picked : null };
}

function filesOf<R extends Role>(set: ComparedSet, role: R) {
  const prefix = set.name === '' ? '' : `${set.name}/`;
  const roles = set.roles ?? classifyRun(set.files);
  // pprof profiles keep their file's unit and meaning (µs, retained at dump): not paired with Buck2's flames.
  return (roles[role] as RoleFile<RoleProfiles[R]>[])
    .filter((f) => f.profile.format !== 'pprof')
    .map((f) => ({
      relative: f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path,
      picked: { path: f.path, profile: f.profile },
    }));
}

/**
 * Compares every kind of profile found in both sets: heap flames, time flames, heap summary
 * CSVs, statement CSVs and event logs. A kind present on one side only becomes a note.
 *
 * @example compareSets(before, after).heapFlame?.functions[0] // { name: 'module', delta: -1584, … }
 */
export function compareSets(base: ComparedSet, target: ComparedSet, limit: Bytes = DEFAULT_PEAK_LIMIT): SetComparison {
  const sides: [ComparedSet, ComparedSet] = [
    { ...base, roles: base.roles ?? classifyRun(base.files) },
    { ...target, roles: target.roles ?? classifyRun(target.files) },
  ];
  const notes: string[] = [];
  const pair = <R extends Role>(role: R, label: string) => {
    const { b, t } = pickPair(...sides, role);
    if (b && t) return { b, t, role };
    if (b || t) notes.push(`${label} only in the ${b ? 'base' : 'target'}: not compared`);
    return null;
  };
  // Allocated is what a fix usually changes; retained is compared when neither side has allocated.
  const hasAllocated = sides.some((s) => filesOf(s, 'allocated-flame').length > 0);
  const heap = hasAllocated
    ? pair('allocated-flame', 'allocated heap flame')
    : pair('retained-flame', 'retained heap flame');
  const time = pair('time-flame', 'time flame');
  const summary = sides.some((s) => s.roles!['allocated-summary'].length > 0)
    ? pair('allocated-summary', 'allocated heap summary CSV')
    : pair('retained-summary', 'retained heap summary CSV');
  const statements = pair('statement', 'statement CSV');
  const logs = pair('event-log', 'event log');
  return {
    heapFlame: heap ? compareFlames(heap.b, heap.t, heap.role) : null,
    timeFlame: time ? compareFlames(time.b, time.t, time.role) : null,
    summary: summary ? compareSummaries(summary.b.profile, summary.t.profile) : null,
    statements: statements ? statementDeltas(statements.b.profile, statements.t.profile) : null,
    peaks: logs ? peakDeltas(logs.b.profile, logs.t.profile, limit) : null,
    notes,
  };
}

function compareFlames(
  b: { path: string; profile: HeapFlame | TimeFlame | PprofProfile },
  t: { path: string; profile: HeapFlame | TimeFlame | PprofProfile },
  role: FlameComparison['role'],
): FlameComparison {
  const diff = diffCallTrees(b.profile.tree, t.profile.tree);
  const format = role === 'time-flame' ? 'time-flame' : 'heap-flame';
  return {
    format,
    role,
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
  return (
    c.heapFlame !== null || c.timeFlame !== null || c.summary !== null || c.statements !== null || c.peaks !== null
  );
}
