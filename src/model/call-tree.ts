// Allocation-weighted call trees as plain typed arrays, so they cross the worker boundary
// as transferable buffers and walk without recursion (stacks can be 100k frames deep).
import { ChildTable, GrowableColumns } from './tree-columns.ts';
import type { MetricUnit } from './units.ts';

/**
 * What a node stands for. Type leaves (`dict`, `list`, …) end heap-flame stacks; a group is a
 * frame no engine wrote that peakscope adds to tell stacks apart (Bazel's `(loading)` and
 * `(analysis)`): it is not a function, and exports leave it out.
 */
export const NodeKind = { Root: 0, Function: 1, Type: 2, Group: 3 } as const;
export type NodeKind = (typeof NodeKind)[keyof typeof NodeKind];

/**
 * A call tree in pre-order: node 0 is the nameless root, and node i's subtree is the range
 * [i, end[i]). `self` is the weight recorded exactly at a node, `total` includes its subtree.
 */
export interface CallTree {
  unit: MetricUnit;
  /** String table; `name[i]` indexes it, -1 for the root. */
  names: string[];
  name: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  end: Int32Array;
  kind: Uint8Array;
  self: Float64Array;
  total: Float64Array;
}

/** Raised when a weight or a shape cannot be part of a tree; parsers turn it into a ParseError. */
export class TreeBuildError extends Error {
  override name = 'TreeBuildError';
}

/** How many first children `child` compares before falling back to the tables. */
const SCAN_CHILDREN = 4;

/**
 * The only way to make a CallTree. It rejects NaN, infinite, negative and (for bytes, counts
 * and milliseconds) non-integer weights, sums duplicate stacks, and keeps children in the
 * order they were first seen.
 *
 * @example
 *   const b = new CallTreeBuilder('bytes');
 *   b.addStack(['module', 'test.star.test'], 'dict', 192);
 *   const tree = b.build(); // root → module → test.star.test → dict (192)
 */
export class CallTreeBuilder {
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  private readonly children = new ChildTable();
  private readonly nodes = new GrowableColumns();
  private readonly integral: boolean;

  constructor(readonly unit: MetricUnit) {
    this.integral = unit !== 'seconds';
    this.nodes.add(-1, -1, NodeKind.Root);
  }

  /** Index of a name in the string table. */
  intern(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }

  /** The child of `parent` named `nameId`, created (as `kind`) when missing. Root is node 0. */
  child(parent: number, nameId: number, kind: NodeKind = NodeKind.Function): number {
    const n = this.nodes;
    let c = n.firstChild[parent]!;
    for (let tries = 0; c !== -1 && tries < SCAN_CHILDREN; tries++, c = n.nextSibling[c]!) {
      if (n.name[c] === nameId) return c;
    }
    return this.overflowChild(parent, nameId, kind);
  }

  /**
   * Past the first SCAN_CHILDREN children of a parent, children are indexed in the hash
   * table; most parents never get there, so most lookups and insertions touch no table.
   */
  private overflowChild(parent: number, nameId: number, kind: NodeKind): number {
    const n = this.nodes;
    if (n.childCount[parent]! > SCAN_CHILDREN) {
      const found = this.children.get(parent, nameId);
      if (found !== -1) return found;
    }
    const node = n.add(nameId, parent, kind);
    if (n.childCount[parent]!++ >= SCAN_CHILDREN) this.children.set(parent, nameId, node);
    const last = n.lastChild[parent]!;
    if (last === -1) n.firstChild[parent] = node;
    else n.nextSibling[last] = node;
    n.lastChild[parent] = node;
    return node;
  }

  /** Adds weight to a node's self value. */
  addSelf(node: number, weight: number): void {
    this.checkWeight(weight);
    this.nodes.self[node]! += weight;
  }

  /** Throws TreeBuildError unless the builder accepts `weight` as one stack's weight. */
  checkWeight(weight: number): void {
    if (!(weight >= 0) || weight === Infinity) {
      throw new TreeBuildError(`weight must be a finite non-negative number, got ${weight}`);
    }
    if (this.integral && !Number.isSafeInteger(weight)) {
      throw new TreeBuildError(`weight must be a whole number below 2^53, got ${weight}`);
    }
  }

  /**
   * Adds a sum of weights to a node's self value, each weight already checked one by one (a
   * reader that sums per node, as the heap flame's WebAssembly core does, checks them itself).
   */
  addCheckedSum(node: number, sum: number): void {
    this.nodes.self[node]! += sum;
  }

  /** Adds a whole stack (outermost first) with an optional type leaf. */
  addStack(frames: readonly string[], typeLeaf: string | null, weight: number): void {
    let node = 0;
    for (const frame of frames) node = this.child(node, this.intern(frame));
    if (typeLeaf !== null) node = this.child(node, this.intern(typeLeaf), NodeKind.Type);
    this.addSelf(node, weight);
  }

  get nodeCount(): number {
    return this.nodes.count;
  }

  /** Builder node index at each pre-order position (first-seen child first), without a stack. */
  private preOrder(): Int32Array {
    const { firstChild, nextSibling, parent } = this.nodes;
    const order = new Int32Array(this.nodes.count);
    let next = 0;
    for (let node = 0; node !== -1;) {
      order[next++] = node;
      if (firstChild[node] !== -1) {
        node = firstChild[node]!;
        continue;
      }
      while (node !== -1 && nextSibling[node] === -1) node = parent[node]!;
      if (node !== -1) node = nextSibling[node]!;
    }
    return order;
  }

  /** Lays the tree out in pre-order and computes totals, iteratively. */
  build(): CallTree {
    const n = this.nodes.count;
    const src = this.nodes;
    const order = this.preOrder();
    const position = new Int32Array(n); // builder node → pre-order position
    for (let i = 0; i < n; i++) position[order[i]!] = i;
    const tree: CallTree = {
      unit: this.unit,
      names: this.names.slice(),
      name: new Int32Array(n),
      parent: new Int32Array(n),
      depth: new Int32Array(n),
      end: new Int32Array(n),
      kind: new Uint8Array(n),
      self: new Float64Array(n),
      total: new Float64Array(n),
    };
    for (let i = 0; i < n; i++) {
      const node = order[i]!;
      const parentNode = src.parent[node]!;
      tree.name[i] = src.name[node]!;
      tree.parent[i] = parentNode === -1 ? -1 : position[parentNode]!;
      tree.depth[i] = parentNode === -1 ? 0 : tree.depth[tree.parent[i]!]! + 1;
      tree.kind[i] = src.kind[node]!;
      tree.self[i] = src.self[node]!;
      tree.total[i] = tree.self[i]!;
      tree.end[i] = i + 1;
    }
    // Children come after their parent in pre-order, so one backward pass sums subtrees.
    for (let i = n - 1; i > 0; i--) {
      const p = tree.parent[i]!;
      tree.total[p]! += tree.total[i]!;
      if (tree.end[i]! > tree.end[p]!) tree.end[p] = tree.end[i]!;
    }
    return this.checkedTotal(tree);
  }

  /**
   * A tree a reader laid out itself, in build()'s pre-order with its columns, whose names are
   * ids of this builder's table (the heap flame's WebAssembly core does this): checked as build()
   * checks its own.
   */
  adopt(columns: Omit<CallTree, 'unit' | 'names'>): CallTree {
    return this.checkedTotal({ unit: this.unit, names: this.names.slice(), ...columns });
  }

  private checkedTotal(tree: CallTree): CallTree {
    if (this.integral && !Number.isSafeInteger(tree.total[0]!)) {
      throw new TreeBuildError(`total ${tree.total[0]} exceeds 2^53 and cannot be exact`);
    }
    return tree;
  }
}

/** The frame name of a node ('' for the root). */
export function nodeName(tree: CallTree, node: number): string {
  const id = tree.name[node]!;
  return id < 0 ? '' : tree.names[id]!;
}

/** Children of a node, in order. */
export function childrenOf(tree: CallTree, node: number): number[] {
  const kids: number[] = [];
  for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) kids.push(c);
  return kids;
}

/** The frames from the outermost to `node` (root excluded). */
export function stackOf(tree: CallTree, node: number): string[] {
  const frames: string[] = [];
  for (let n = node; n > 0; n = tree.parent[n]!) frames.push(nodeName(tree, n));
  return frames.reverse();
}

/**
 * Renders a tree as readable lines for tests (Firefox Profiler's habit):
 * `- module (total: 3008, self: 0)` indented two spaces per level.
 */
export function describeTree(tree: CallTree): string[] {
  const lines: string[] = [];
  for (let i = 1; i < tree.name.length; i++) {
    const pad = '  '.repeat(tree.depth[i]! - 1);
    lines.push(`${pad}- ${nodeName(tree, i)} (total: ${tree.total[i]}, self: ${tree.self[i]})`);
  }
  return lines;
}
