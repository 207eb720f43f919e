// The sandwich of one function: who calls it and what it calls, with each side's share of
// the function's total. Works on the pre-order typed-array CallTree in one loop, no recursion.
import { NodeKind, type CallTree } from '../model/call-tree.ts';

/** One caller or callee and the weight that flows through it. */
export interface SandwichEntry {
  name: string;
  weight: number;
  /** weight ÷ the function's total (0 when the total is 0). */
  share: number;
}

export interface Sandwich {
  name: string;
  /** Every stack through the function, counted once under recursion (= the function table's total). */
  total: number;
  /** Recorded while the function was on top of the stack, its type leaves included. */
  self: number;
  /** Caller frames of its outermost occurrences; `''` is the top level. They sum to `total`. */
  callers: SandwichEntry[];
  /** Frames it calls directly; with `self` they sum to `total`. */
  callees: SandwichEntry[];
  /** Nodes of the tree that are this function (recursion included). */
  occurrences: number;
}

/**
 * Callers and callees of `name` under per-node totals `weights` (the tree's own `total`, or a
 * metric laid over it). Recursion is counted once: a caller is the parent of an *outermost*
 * occurrence, and every unit of weight below the function goes to the callee just under its
 * *innermost* occurrence, so `f → g → f → h` charges h (not g) and never counts h twice.
 * Returns null when no function frame has that name.
 *
 * @example for the upstream heap flame golden (`module;test.star.test;test.star.inner;dict 1760`, …):
 *   computeSandwich(tree, tree.total, 'test.star.test')
 *   // { total: 3008, self: 1248, callers: [{ name: 'module', weight: 3008, share: 1 }],
 *   //   callees: [{ name: 'test.star.inner', weight: 1760, share: 0.585… }], occurrences: 1 }
 */
export function computeSandwich(tree: CallTree, weights: Float64Array, name: string): Sandwich | null {
  const id = tree.names.indexOf(name);
  if (id < 0) return null;
  const n = tree.name.length;
  const own = selfWeights(tree, weights);
  const isTarget = (i: number) => tree.name[i] === id && tree.kind[i] !== NodeKind.Type;
  const callers = new Map<number, number>();
  const callees = new Map<number, number>();
  // Open occurrences of the function on the current path, innermost last, each with the
  // child of it that the walk is currently inside (-1 before its first function child).
  const open: { node: number; child: number }[] = [];
  let total = 0;
  let self = 0;
  let occurrences = 0;
  for (let i = 1; i < n; i++) {
    while (open.length > 0 && tree.end[open[open.length - 1]!.node]! <= i) open.pop();
    const inner = open[open.length - 1];
    if (inner && tree.parent[i] === inner.node) inner.child = tree.kind[i] === NodeKind.Type ? -1 : i;
    if (isTarget(i)) {
      occurrences++;
      if (!inner) {
        total += weights[i]!;
        const caller = tree.parent[i]! > 0 ? tree.name[tree.parent[i]!]! : -1;
        callers.set(caller, (callers.get(caller) ?? 0) + weights[i]!);
      }
      self += own[i]!;
      open.push({ node: i, child: -1 });
    } else if (inner) {
      if (inner.child < 0) self += own[i]!;
      else callees.set(tree.name[inner.child]!, (callees.get(tree.name[inner.child]!) ?? 0) + own[i]!);
    }
  }
  if (occurrences === 0) return null;
  return {
    name,
    total,
    self,
    callers: entries(tree, callers, total),
    callees: entries(tree, callees, total),
    occurrences,
  };
}

/** Weight recorded at each node itself: its total minus its children's totals. */
function selfWeights(tree: CallTree, weights: Float64Array): Float64Array {
  const own = Float64Array.from(weights);
  for (let i = 1; i < tree.name.length; i++) own[tree.parent[i]!]! -= weights[i]!;
  return own;
}

/** Name id → weight as entries, heaviest first, then by name; `-1` is the top level (`''`). */
function entries(tree: CallTree, byName: Map<number, number>, total: number): SandwichEntry[] {
  return [...byName]
    .map(([nameId, weight]) => ({
      name: nameId < 0 ? '' : tree.names[nameId]!,
      weight,
      share: total > 0 ? weight / total : 0,
    }))
    .sort((a, b) => b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
