// Per-function figures from a call tree, optionally joined with the heap summary CSV.
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary, SummaryRow } from '../model/profile.ts';
import type { FunctionBytes } from './loop-finder.ts';

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
  const n = tree.name.length;
  const self = new Float64Array(tree.names.length);
  const total = new Float64Array(tree.names.length);
  const seen = new Uint8Array(tree.names.length);
  const onPath = new Int32Array(tree.names.length);
  const callers = new Map<number, Map<string, number>>();
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
      const callerName = parent > 0 && tree.kind[parent] !== NodeKind.Group ? tree.names[tree.name[parent]!]! : '';
      const byCaller = callers.get(id) ?? new Map<string, number>();
      byCaller.set(callerName, (byCaller.get(callerName) ?? 0) + tree.total[i]!);
      callers.set(id, byCaller);
    }
    onPath[id]!++;
    path.push(i);
  }
  const rows = summary ? new Map(summary.functions.map((r) => [r.name, r])) : null;
  const table: FunctionStats[] = [];
  for (let id = 0; id < tree.names.length; id++) {
    if (!seen[id]) continue;
    const name = tree.names[id]!;
    table.push({
      name,
      self: self[id]!,
      total: total[id]!,
      topCaller: topKey(callers.get(id)),
      summary: rows?.get(name) ?? null,
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

function topKey(counts: Map<string, number> | undefined): string {
  let best = '';
  let bestValue = -1;
  for (const [key, value] of counts ?? []) {
    if (value > bestValue) {
      best = key;
      bestValue = value;
    }
  }
  return best;
}
