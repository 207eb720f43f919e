// What a call tree can be weighted by, in which unit, and the weights themselves. Lives below
// the worker, the page and the CLI so each offers the same metrics (allocations included).
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary, PprofProfile, TimeFlame } from '../model/profile.ts';
import { PER_MILLISECOND, type MetricUnit } from '../model/units.ts';
import { summaryFor, type RoleFile, type RunRoles } from './run-roles.ts';

/** What a flamegraph can be weighted by. `calls` exists only per function (table, tooltip). */
export type MetricName = 'bytes' | 'retained' | 'allocs' | 'time';
export const METRIC_NAMES: readonly MetricName[] = ['bytes', 'retained', 'allocs', 'time'];

export const METRIC_LABELS: Record<MetricName, string> = {
  bytes: 'allocated bytes',
  retained: 'retained bytes',
  allocs: 'allocations',
  time: 'time',
};

export const METRIC_UNITS: Record<MetricName, MetricUnit> = {
  bytes: 'bytes',
  retained: 'bytes',
  allocs: 'count',
  time: 'milliseconds',
};

/** Weights per node of one of a set's call trees, for one metric. */
export interface MetricWeights {
  metric: MetricName;
  /** Unique within the set: `bytes`, or `bytes-2` for the second allocated flame (what the URL names). */
  key: string;
  /** In words, with the file when a set has several of one role: `allocated bytes (apps/web.src)`. */
  label: string;
  /** Which file's tree these weights lay over (index in the set's `files`). */
  fileIndex: number;
  /** Total weight per node (subtree included), aligned with the tree's pre-order arrays. */
  total: Float64Array;
  /** True when some values were estimated rather than read (allocations spread over stacks). */
  estimated: boolean;
}

/** A metric key as the URL holds it: a metric name, optionally `-N` for the Nth file of its role. */
export const METRIC_KEY = /^(bytes|retained|allocs|time)(-[1-9]\d{0,3})?$/;

function shortName(path: string, setName: string): string {
  return setName && path.startsWith(`${setName}/`) ? path.slice(setName.length + 1) : path;
}

/** Two files of one tree: Buck2 writes the same flame twice (`heap-allocated` and `heap-flame-allocated`, a time flame's `flame.src` and `profile.csv`). */
function sameTree(a: CallTree, b: CallTree): boolean {
  if (a.total.length !== b.total.length || a.total[0] !== b.total[0]) return false;
  for (let i = 0; i < a.total.length; i++) {
    if (a.total[i] !== b.total[i] || a.names[a.name[i]!] !== b.names[b.name[i]!]) return false;
  }
  return true;
}

/** The files of a role, each distinct tree once (the first file of identical ones). */
function distinct<P extends HeapFlame | TimeFlame | PprofProfile>(files: readonly RoleFile<P>[]): RoleFile<P>[] {
  return files.filter((f, i) => !files.slice(0, i).some((g) => sameTree(g.profile.tree, f.profile.tree)));
}

/**
 * Every metric a set offers: one per allocated flame (bytes, and allocations where its summary
 * is there), retained flame and time flame. Several files of one role each get their own key;
 * identical copies of one tree are offered once.
 */
export function setMetrics(roles: RunRoles, setName: string): MetricWeights[] {
  const out: MetricWeights[] = [];
  const add = (
    metric: MetricName,
    file: RoleFile<HeapFlame | TimeFlame | PprofProfile>,
    weights: { total: Float64Array; estimated: boolean },
    n: number,
    of: number,
  ) => {
    const suffix = n > 0 ? `-${n + 1}` : '';
    const label = of > 1 ? `${METRIC_LABELS[metric]} (${shortName(file.path, setName)})` : METRIC_LABELS[metric];
    out.push({ metric, key: `${metric}${suffix}`, label, fileIndex: file.index, ...weights });
  };
  const treeWeights = (p: HeapFlame | TimeFlame | PprofProfile) => ({ total: p.tree.total, estimated: false });
  // Time in milliseconds: a pprof tree keeps the file's exact µs or ns, the views show ms.
  const timeWeights = (p: TimeFlame | PprofProfile) => ({ total: millisecondWeights(p.tree), estimated: false });
  const allocated = distinct(roles['allocated-flame']);
  allocated.forEach((f, n) => add('bytes', f, treeWeights(f.profile), n, allocated.length));
  distinct(roles['retained-flame']).forEach((f, n, all) => add('retained', f, treeWeights(f.profile), n, all.length));
  const counted = allocated.flatMap((f) => {
    const summary = summaryFor(roles, f);
    return summary && f.profile.format === 'heap-flame'
      ? [{ f, weights: allocationWeights(f.profile.tree, summary.profile) }]
      : [];
  });
  counted.forEach(({ f, weights }, n) => add('allocs', f, weights, n, counted.length));
  distinct(roles['time-flame']).forEach((f, n, all) => add('time', f, timeWeights(f.profile), n, all.length));
  return out;
}

/** A tree's weights in milliseconds (unchanged when they are already). */
export function millisecondWeights(tree: CallTree): Float64Array {
  const scale = PER_MILLISECOND[tree.unit] ?? 1;
  return scale === 1 ? tree.total : tree.total.map((v) => v / scale);
}

/**
 * Allocation counts per node of a heap flame. The summary CSV counts values per function and
 * type (formats.md §2.1); the flame has bytes per stack and type. A function's count of type T
 * is spread over its `T` leaves in proportion to their bytes: exact when the function allocated
 * T on one stack only, an estimate otherwise. Root-level leaves get no count (the CSV has none).
 */
export function allocationWeights(tree: CallTree, summary: HeapSummary): { total: Float64Array; estimated: boolean } {
  const n = tree.name.length;
  const typeColumn = new Map(summary.typeNames.map((t, i) => [t, i]));
  const rows = new Map(summary.functions.map((r) => [r.name, r]));
  const key = (i: number) => `${tree.name[tree.parent[i]!]}\u0000${tree.name[i]}`;
  // Pass 1: bytes and leaf count per (function, type).
  const bytesOf = new Map<string, { bytes: number; leaves: number }>();
  for (let i = 1; i < n; i++) {
    if (tree.kind[i] !== NodeKind.Type || tree.parent[i]! <= 0) continue;
    const entry = bytesOf.get(key(i)) ?? { bytes: 0, leaves: 0 };
    entry.bytes += tree.total[i]!;
    entry.leaves++;
    bytesOf.set(key(i), entry);
  }
  // Pass 2: each leaf's share; then sum subtrees backwards (children follow parents).
  const total = new Float64Array(n);
  let estimated = false;
  for (let i = 1; i < n; i++) {
    if (tree.kind[i] !== NodeKind.Type || tree.parent[i]! <= 0) continue;
    const row = rows.get(tree.names[tree.name[tree.parent[i]!]!]!);
    const column = typeColumn.get(tree.names[tree.name[i]!]!);
    if (!row || column === undefined) continue;
    const count = row.typeCounts[column] ?? 0;
    const share = bytesOf.get(key(i))!;
    if (share.leaves > 1) estimated = true;
    total[i] = share.bytes > 0 ? (count * tree.total[i]!) / share.bytes : count / share.leaves;
  }
  for (let i = n - 1; i > 0; i--) total[tree.parent[i]!]! += total[i]!;
  return { total, estimated };
}
