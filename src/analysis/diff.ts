// Two call trees → one merged tree with base and target weights per node, and the deltas a
// reader asks for first: per function (total and self), per type leaf, normalised shares.
import { CallTreeBuilder, NodeKind, nodeName, type CallTree } from '../model/call-tree.ts';
import type { MetricUnit } from '../model/units.ts';
import { computeFunctionTable } from './function-table.ts';

/**
 * Two trees of the same shape: the union of the base and target stacks, in pre-order, one
 * carrying the base weights and one the target weights (0 where a stack is absent). Node i
 * is the same frame in both, so every per-tree analysis (function table, totals) works on
 * either side unchanged.
 */
export interface DiffTree {
  unit: MetricUnit;
  base: CallTree;
  target: CallTree;
}

/** Raised when two profiles cannot be compared (different units, nothing in common). */
export class DiffError extends Error {
  override name = 'DiffError';
}

/**
 * How a node changed. A frame is `new` when it carries no weight in the base and some in the
 * target, `gone` the other way round: a frame recorded with 0 bytes is no memory at all, so it
 * counts as absent.
 */
export type ChangeStatus = 'new' | 'gone' | 'grew' | 'shrank' | 'same';

/** A row of any delta table: one key, its base and target figures and target − base. */
export interface Delta {
  name: string;
  base: number;
  target: number;
  /** target − base: negative when the figure went down. */
  delta: number;
}

/**
 * Merges two trees stack by stack (frames and type leaves matched by name along the path).
 * Both input trees stay untouched.
 *
 * @example base `module;f;dict 10`, target `module;f;dict 4` + `module;g;list 2`:
 *   nodes module (10 → 6), f (10 → 4), dict (10 → 4), g (0 → 2, new), list (0 → 2, new)
 */
export function diffCallTrees(base: CallTree, target: CallTree): DiffTree {
  if (base.unit !== target.unit) {
    throw new DiffError(`cannot compare ${base.unit} with ${target.unit}`);
  }
  // Two builders fed the same sequence of child() calls lay out identical shapes.
  const baseSide = new CallTreeBuilder(base.unit);
  const targetSide = new CallTreeBuilder(base.unit);
  addTree(base, baseSide, targetSide);
  addTree(target, targetSide, baseSide);
  return { unit: base.unit, base: baseSide.build(), target: targetSide.build() };
}

/** Adds every node of `tree` to both builders, weights only to `weighted`. */
function addTree(tree: CallTree, weighted: CallTreeBuilder, shadow: CallTreeBuilder): void {
  const merged = new Int32Array(tree.name.length); // tree node → builder node (root 0 → 0)
  for (let i = 1; i < tree.name.length; i++) {
    const name = nodeName(tree, i);
    const kind = tree.kind[i] as NodeKind;
    const parent = merged[tree.parent[i]!]!;
    const node = weighted.child(parent, weighted.intern(name), kind);
    shadow.child(parent, shadow.intern(name), kind);
    merged[i] = node;
    weighted.addSelf(node, tree.self[i]!);
  }
  weighted.addSelf(0, tree.self[0]!);
}

/** The change of one node of a diff tree, by its totals. */
export function changeOf(diff: DiffTree, node: number): ChangeStatus {
  return statusOf(diff.base.total[node]!, diff.target.total[node]!);
}

/** The change from one figure to another (see ChangeStatus for new/gone). */
export function statusOf(base: number, target: number): ChangeStatus {
  if (base === target) return 'same';
  if (base === 0) return 'new';
  if (target === 0) return 'gone';
  return target > base ? 'grew' : 'shrank';
}

/** Totals of both sides: the root weights. */
export function diffTotals(diff: DiffTree): Delta {
  return delta('', diff.base.total[0]!, diff.target.total[0]!);
}

function delta(name: string, base: number, target: number): Delta {
  return { name, base, target, delta: target - base };
}

/**
 * Share-of-total change of a node, in fractions of each side's total (normalised mode): a
 * frame that keeps its bytes while everything else halves shows a positive share change.
 */
export function shareDelta(diff: DiffTree, node: number): number {
  return share(diff.target, node) - share(diff.base, node);
}

function share(tree: CallTree, node: number): number {
  const whole = tree.total[0]!;
  return whole === 0 ? 0 : tree.total[node]! / whole;
}

/** How wide frames are drawn: by the target's weight, or by the larger of the two sides. */
export type DiffWidth = 'target' | 'max';

/**
 * Per-node widths that nest (a parent is at least the sum of its children), as a flamegraph
 * needs. For `max`, each node's own weight is the larger side's self weight and totals are
 * summed from there, so frames gone from the target stay visible.
 */
export function diffWidths(diff: DiffTree, width: DiffWidth): Float64Array {
  if (width === 'target') return diff.target.total.slice();
  const n = diff.base.name.length;
  const widths = new Float64Array(n);
  for (let i = 0; i < n; i++) widths[i] = Math.max(diff.base.self[i]!, diff.target.self[i]!);
  for (let i = n - 1; i > 0; i--) widths[diff.base.parent[i]!]! += widths[i]!;
  return widths;
}

/** Per-function change: total (every stack through it, recursion once) and self weights. */
export interface FunctionDelta extends Delta {
  baseSelf: number;
  targetSelf: number;
}

/**
 * Function deltas by total weight, biggest change first (then name). `base`/`target`/`delta`
 * are totals, as in `peakscope diff --json`.
 *
 * @example upstream heap flame golden vs. inner's dict 1760 → 176:
 *   [{ name: 'module', delta: -1584 }, { name: 'test.star.inner', delta: -1584 },
 *    { name: 'test.star.test', delta: -1584 }]
 */
export function functionDeltas(diff: DiffTree): FunctionDelta[] {
  const baseRows = new Map(computeFunctionTable(diff.base).map((f) => [f.name, f]));
  const rows = computeFunctionTable(diff.target).map((t) => {
    const b = baseRows.get(t.name)!; // same shape, so every function is on both sides
    return { ...delta(t.name, b.total, t.total), baseSelf: b.self, targetSelf: t.self };
  });
  return rows.sort(byChange);
}

/** Bytes per value type (sum of every type leaf of that name), biggest change first. */
export function typeDeltas(diff: DiffTree): Delta[] {
  return joinDeltas(typeLeaves(diff.base), typeLeaves(diff.target));
}

function* typeLeaves(tree: CallTree): Generator<[string, number]> {
  for (let i = 1; i < tree.name.length; i++) {
    if (tree.kind[i] === NodeKind.Type) yield [nodeName(tree, i), tree.total[i]!];
  }
}

/** Orders delta rows by the size of the change, then by the larger side, then by name. */
export function byChange(a: Delta, b: Delta): number {
  return (
    Math.abs(b.delta) - Math.abs(a.delta) ||
    Math.max(b.base, b.target) - Math.max(a.base, a.target) ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/** Per-key figures of two sides joined into delta rows (a key missing on one side counts 0). */
export function joinDeltas(base: Iterable<[string, number]>, target: Iterable<[string, number]>): Delta[] {
  const rows = new Map<string, Delta>();
  for (const [name, value] of base) {
    const row = rows.get(name) ?? delta(name, 0, 0);
    row.base += value;
    rows.set(name, row);
  }
  for (const [name, value] of target) {
    const row = rows.get(name) ?? delta(name, 0, 0);
    row.target += value;
    rows.set(name, row);
  }
  for (const row of rows.values()) row.delta = row.target - row.base;
  return [...rows.values()].sort(byChange);
}
