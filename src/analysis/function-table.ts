// Per-function figures from a call tree, optionally joined with the heap summary CSV.
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary, SummaryRow } from '../model/profile.ts';
import type { FunctionBytes } from './loop-finder.ts';
import { PairSums } from './pair-sums.ts';

export interface FunctionStats {
  name: string;
  /** Weight recorded while this function was top of stack (its type leaves for heap flames). */
  self: number;
  /** Weight of every stack through it, counted once per stack even under recursion. */
  total: number;
  /** The caller (parent frame) that contributes the most total; '' at top level. */
  topCaller: string;
  /** The summary CSV row of the same name, when a summary was given. */
  summary: SummaryRow | null;
}

/**
 * Function names (type leaves and the root excluded) with exact self and total weights,
 * sorted by total descending, then name. One pre-order pass, no recursion.
 *
 * @example for the upstream heap flame golden:
 *   [{ name: 'module', self: 16, total: 3024 }, { name: 'test.star.test', self: 1248, total: 3008 },
 *    { name: 'test.star.inner', self: 1760, total: 1760 }]
 */
export function computeFunctionTable(tree: CallTree, summary: HeapSummary | null = null): FunctionStats[] {
  const rows = summary ? new Map(summary.functions.map((r) => [r.name, r])) : null;
  return functionTotals(tree).map((f) => ({ ...f, summary: rows?.get(f.name) ?? null }));
}

type FunctionTotals = Omit<FunctionStats, 'summary'>;

/**
 * The tree's per-function figures, computed once per tree: a load derives the table for the
 * page (worker/assemble.ts) and again for the advisor (functionBytesOf), ~50 ms each at 100 MB.
 * Trees are not changed once built, so the tree object is the key. Sorted as the table is.
 */
const totalsByTree = new WeakMap<CallTree, FunctionTotals[]>();

function functionTotals(tree: CallTree): FunctionTotals[] {
  let totals = totalsByTree.get(tree);
  if (!totals) totalsByTree.set(tree, (totals = sumFunctions(tree)));
  return totals;
}

function sumFunctions(tree: CallTree): FunctionTotals[] {
  const n = tree.name.length;
  const self = new Float64Array(tree.names.length);
  const total = new Float64Array(tree.names.length);
  const seen = new Uint8Array(tree.names.length);
  const onPath = new Int32Array(tree.names.length);
  // Total by (function, caller) name ids (-1: no caller): no name string or Map per node.
  const callers = new PairSums();
  const path: number[] = [];
  for (let i = 1; i < n; i++) {
    while (path.length > 0 && tree.end[path[path.length - 1]!]! <= i) onPath[tree.name[path.pop()!]!]!--;
    const id = tree.name[i]!;
    const parent = tree.parent[i]!;
    if (tree.kind[i] === NodeKind.Type) {
      if (parent > 0) self[tree.name[parent]!]! += tree.total[i]!;
      continue;
    }
    if (tree.kind[i] === NodeKind.Group) continue;
    seen[id] = 1;
    self[id]! += tree.self[i]!;
    if (onPath[id] === 0) {
      total[id]! += tree.total[i]!;
      callers.add(id, parent > 0 && tree.kind[parent] !== NodeKind.Group ? tree.name[parent]! : -1, tree.total[i]!);
    }
    onPath[id]!++;
    path.push(i);
  }
  const topCaller = topSecond(callers, tree.names.length);
  const table: FunctionTotals[] = [];
  for (let id = 0; id < tree.names.length; id++) {
    if (!seen[id]) continue;
    const caller = topCaller[id]!;
    table.push({
      name: tree.names[id]!,
      self: self[id]!,
      total: total[id]!,
      topCaller: caller < 0 ? '' : tree.names[caller]!,
    });
  }
  return table.sort((a, b) => b.total - a.total || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * Bytes each function allocated, by frame name: self and total from a heap flame when there is
 * one, else self alone from the summary CSV's AllocBytes (0 in files written before it existed).
 *
 * @example functionBytesOf(goldenHeapFlame, null).get('test.star.inner') // → { self: 1760, total: 1760 }
 */
export function functionBytesOf(heapFlame: HeapFlame | null, summary: HeapSummary | null): Map<string, FunctionBytes> {
  if (heapFlame)
    return new Map(computeFunctionTable(heapFlame.tree).map((f) => [f.name, { self: f.self, total: f.total }]));
  return new Map((summary?.functions ?? []).map((row) => [row.name, { self: row.allocBytes ?? 0, total: null }]));
}

/** Per first id, the second id of its largest sum (the first added of equals); -1 for none. */
function topSecond(pairs: PairSums, firstIds: number): Int32Array {
  const top = new Int32Array(firstIds).fill(-1);
  const best = new Float64Array(firstIds).fill(-1);
  for (let e = 0; e < pairs.size; e++) {
    const first = pairs.first[e]!;
    if (pairs.sum[e]! > best[first]!) {
      best[first] = pairs.sum[e]!;
      top[first] = pairs.second[e]!;
    }
  }
  return top;
}
