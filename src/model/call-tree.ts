// Allocation-weighted call trees as plain typed arrays, so they cross the worker boundary
// as transferable buffers and walk without recursion (stacks can be 100k frames deep).
import type { MetricUnit } from './units.ts';

/** What a node stands for. Type leaves (`dict`, `list`, …) end heap-flame stacks. */
export const NodeKind = { Root: 0, Function: 1, Type: 2 } as const;
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

/** Child keys pack (parent, name) into one safe integer: parent * 2^22 + name. */
const NAME_LIMIT = 1 << 22;

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
  private readonly children = new Map<number, number>();
  private readonly nodeName: number[] = [-1];
  private readonly nodeParent: number[] = [-1];
  private readonly nodeKind: number[] = [NodeKind.Root];
  private readonly nodeSelf: number[] = [0];
  private readonly firstChild: number[] = [-1];
  private readonly lastChild: number[] = [-1];
  private readonly nextSibling: number[] = [-1];
  private readonly integral: boolean;

  constructor(readonly unit: MetricUnit) {
    this.integral = unit !== 'seconds';
  }

  /** Index of a name in the string table. */
  intern(name: string): number {
    let id = this.nameIds.get(name);
    if (id === undefined) {
      id = this.names.length;
      if (id >= NAME_LIMIT) throw new TreeBuildError(`more than ${NAME_LIMIT} distinct frame names`);
      this.names.push(name);
      this.nameIds.set(name, id);
    }
    return id;
  }

  /** The child of `parent` named `nameId`, created (as `kind`) when missing. Root is node 0. */
  child(parent: number, nameId: number, kind: NodeKind = NodeKind.Function): number {
    const key = parent * NAME_LIMIT + nameId;
    const found = this.children.get(key);
    if (found !== undefined) return found;
    const node = this.nodeName.length;
    this.children.set(key, node);
    this.nodeName.push(nameId);
    this.nodeParent.push(parent);
    this.nodeKind.push(kind);
    this.nodeSelf.push(0);
    this.firstChild.push(-1);
    this.lastChild.push(-1);
    this.nextSibling.push(-1);
    const last = this.lastChild[parent]!;
    if (last === -1) this.firstChild[parent] = node;
    else this.nextSibling[last] = node;
    this.lastChild[parent] = node;
    return node;
  }

  /** Adds weight to a node's self value. */
  addSelf(node: number, weight: number): void {
    if (!Number.isFinite(weight) || weight < 0) {
      throw new TreeBuildError(`weight must be a finite non-negative number, got ${weight}`);
    }
    if (this.integral && !Number.isSafeInteger(weight)) {
      throw new TreeBuildError(`weight must be a whole number below 2^53, got ${weight}`);
    }
    this.nodeSelf[node]! += weight;
  }

  /** Adds a whole stack (outermost first) with an optional type leaf. */
  addStack(frames: readonly string[], typeLeaf: string | null, weight: number): void {
    let node = 0;
    for (const frame of frames) node = this.child(node, this.intern(frame));
    if (typeLeaf !== null) node = this.child(node, this.intern(typeLeaf), NodeKind.Type);
    this.addSelf(node, weight);
  }

  get nodeCount(): number {
    return this.nodeName.length;
  }

  /** Lays the tree out in pre-order and computes totals, iteratively. */
  build(): CallTree {
    const n = this.nodeName.length;
    const order = new Int32Array(n); // pre-order position → builder node
    const position = new Int32Array(n); // builder node → pre-order position
    const stack: number[] = [0];
    let next = 0;
    while (stack.length > 0) {
      const node = stack.pop()!;
      order[next] = node;
      position[node] = next++;
      // Push children in reverse so the first-seen child is visited first.
      const kids: number[] = [];
      for (let c = this.firstChild[node]!; c !== -1; c = this.nextSibling[c]!) kids.push(c);
      for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]!);
    }
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
      const parentNode = this.nodeParent[node]!;
      tree.name[i] = this.nodeName[node]!;
      tree.parent[i] = parentNode === -1 ? -1 : position[parentNode]!;
      tree.depth[i] = parentNode === -1 ? 0 : tree.depth[tree.parent[i]!]! + 1;
      tree.kind[i] = this.nodeKind[node]!;
      tree.self[i] = this.nodeSelf[node]!;
      tree.total[i] = tree.self[i]!;
      tree.end[i] = i + 1;
    }
    // Children come after their parent in pre-order, so one backward pass sums subtrees.
    for (let i = n - 1; i > 0; i--) {
      const p = tree.parent[i]!;
      tree.total[p]! += tree.total[i]!;
      if (tree.end[i]! > tree.end[p]!) tree.end[p] = tree.end[i]!;
    }
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
