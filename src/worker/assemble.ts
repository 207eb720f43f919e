// Turns the parsed files of one load into profile sets and derives, once per load and off
// the main thread, what the views need: the function table and one weight array per metric.
import { computeFunctionTable } from '../analysis/function-table.ts';
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary, ParsedFile, TimeFlame } from '../model/profile.ts';
import { groupIntoSets, modeOfPath } from '../model/profile-set.ts';
import type { LoadedSetData, MetricWeights } from './protocol.ts';

/** The files of a set that feed the flamegraph and the table, by index. */
export interface MainFiles {
  allocated: number;
  retained: number;
  summary: number;
  time: number;
}

/** Retained profiles cannot be told from allocated ones by content; only the folder says so. */
function isRetained(path: string): boolean {
  return modeOfPath(path)?.endsWith('-retained') ?? false;
}

/** Picks the first file of each role; -1 when the set has none. */
export function mainFiles(files: readonly ParsedFile[]): MainFiles {
  const pick = (test: (f: ParsedFile) => boolean) => files.findIndex(test);
  return {
    allocated: pick((f) => f.profile?.format === 'heap-flame' && !isRetained(f.path)),
    retained: pick((f) => f.profile?.format === 'heap-flame' && isRetained(f.path)),
    summary: pick((f) => f.profile?.format === 'heap-summary' && !isRetained(f.path)),
    time: pick((f) => f.profile?.format === 'time-flame'),
  };
}

/** Groups files into sets and derives each set's table and metric weights. */
export function assembleSets(files: readonly ParsedFile[]): LoadedSetData[] {
  return groupIntoSets(files).map((set) => {
    const main = mainFiles(set.files);
    const flame = profileAt<HeapFlame>(set.files, main.allocated);
    const summary = profileAt<HeapSummary>(set.files, main.summary);
    const time = profileAt<TimeFlame>(set.files, main.time);
    const metrics: MetricWeights[] = [];
    if (flame) metrics.push({ metric: 'bytes', fileIndex: main.allocated, total: flame.tree.total, estimated: false });
    const retained = profileAt<HeapFlame>(set.files, main.retained);
    if (retained) metrics.push({ metric: 'retained', fileIndex: main.retained, total: retained.tree.total, estimated: false });
    if (flame && summary) metrics.push({ metric: 'allocs', fileIndex: main.allocated, ...allocationWeights(flame.tree, summary) });
    if (time) metrics.push({ metric: 'time', fileIndex: main.time, total: time.tree.total, estimated: false });
    const tableTree = flame?.tree ?? time?.tree ?? null;
    const functions = tableTree
      ? { metric: flame ? ('bytes' as const) : ('time' as const), rows: computeFunctionTable(tableTree, summary) }
      : null;
    return { name: set.name, files: set.files, functions, metrics };
  });
}

function profileAt<P>(files: readonly ParsedFile[], index: number): P | null {
  return index < 0 ? null : ((files[index]!.profile as P | null) ?? null);
}

/**
 * Allocation counts per node of a heap flame. The summary CSV counts values per function and
 * type (docs/formats.md §2.1); the flame has bytes per stack and type. A function's count of type T
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
