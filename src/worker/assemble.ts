// Turns the parsed files of one load into profile sets and derives, once per load and off
// the main thread, what the views need: the function table and one weight array per metric.
import { computeFunctionTable } from '../analysis/function-table.ts';
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary, ParsedFile, PprofProfile, TimeFlame } from '../model/profile.ts';
import { PER_MILLISECOND } from '../model/units.ts';
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
  // pprof profiles say themselves what they hold (Bazel's memory profile: retained at dump).
  const pprof = (f: ParsedFile, quantities: readonly string[]) => f.profile?.format === 'pprof' && quantities.includes(f.profile.quantity);
  const allocated = pick((f) => f.profile?.format === 'heap-flame' && !isRetained(f.path));
  const retained = pick((f) => f.profile?.format === 'heap-flame' && isRetained(f.path));
  const time = pick((f) => f.profile?.format === 'time-flame');
  return {
    allocated: allocated >= 0 ? allocated : pick((f) => pprof(f, ['allocated-bytes', 'bytes'])),
    retained: retained >= 0 ? retained : pick((f) => pprof(f, ['retained-bytes'])),
    summary: pick((f) => f.profile?.format === 'heap-summary' && !isRetained(f.path)),
    time: time >= 0 ? time : pick((f) => pprof(f, ['cpu-time', 'wall-time', 'time'])),
  };
}

/** Time weights in milliseconds: a pprof tree keeps the file's exact µs or ns, the views show ms. */
function millisecondWeights(tree: CallTree): Float64Array {
  const scale = PER_MILLISECOND[tree.unit] ?? 1;
  return scale === 1 ? tree.total : tree.total.map((v) => v / scale);
}

/** Groups files into sets and derives each set's table and metric weights. */
export function assembleSets(files: readonly ParsedFile[]): LoadedSetData[] {
  return groupIntoSets(files).map((set) => {
    const main = mainFiles(set.files);
    const flame = profileAt<HeapFlame | PprofProfile>(set.files, main.allocated);
    const summary = profileAt<HeapSummary>(set.files, main.summary);
    const time = profileAt<TimeFlame | PprofProfile>(set.files, main.time);
    const metrics: MetricWeights[] = [];
    if (flame) metrics.push({ metric: 'bytes', fileIndex: main.allocated, total: flame.tree.total, estimated: false });
    const retained = profileAt<HeapFlame | PprofProfile>(set.files, main.retained);
    if (retained) metrics.push({ metric: 'retained', fileIndex: main.retained, total: retained.tree.total, estimated: false });
    if (flame?.format === 'heap-flame' && summary) metrics.push({ metric: 'allocs', fileIndex: main.allocated, ...allocationWeights(flame.tree, summary) });
    if (time) metrics.push({ metric: 'time', fileIndex: main.time, total: millisecondWeights(time.tree), estimated: false });
    const functions = functionTableOf(flame, retained, time, summary);
    return { name: set.name, files: set.files, functions, metrics };
  });
}

/** Per function, from the allocated heap flame, else a retained pprof profile (a set of Bazel profiles has no other), else the time flame. */
function functionTableOf(
  flame: HeapFlame | PprofProfile | null,
  retained: HeapFlame | PprofProfile | null,
  time: TimeFlame | PprofProfile | null,
  summary: HeapSummary | null,
): LoadedSetData['functions'] {
  if (flame) return { metric: 'bytes', rows: computeFunctionTable(flame.tree, summary) };
  if (retained?.format === 'pprof') return { metric: 'retained', rows: computeFunctionTable(retained.tree) };
  if (!time) return null;
  const rows = computeFunctionTable(time.tree).map((r) => ({ ...r, self: toMilliseconds(r.self, time.tree), total: toMilliseconds(r.total, time.tree) }));
  return { metric: 'time', rows };
}

function toMilliseconds(value: number, tree: CallTree): number {
  return value / (PER_MILLISECOND[tree.unit] ?? 1);
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
