// Pruning before rendering: a typed-array CallTree becomes a small fresh `{name, value,
// children}` tree for d3-flame-graph, starting at the zoomed node and walking only frames at
// least ~1 px wide; narrower siblings merge into one "N small frames" node per parent.
// Cost is bounded by what fits on screen, never by the size of the whole tree.
import { NodeKind, nodeName, type CallTree } from '../model/call-tree.ts';
import { fileOfFrame, packageOfFrame } from './frame-colors.ts';

export type ColorBy = 'type' | 'file' | 'package';

/** One frame as d3-flame-graph gets it. d3-flame-graph mutates it, so make it fresh per render. */
export interface FlameDatum {
  name: string;
  /** Total weight (subtree included); children never sum to more. */
  value: number;
  children: FlameDatum[];
  /** The tree node it stands for; for a merged node, its heaviest member. */
  node: number;
  /** Set on nodes that stand for several frames: narrow siblings, levels below the depth
   *  limit, or ancestors above the ones drawn. `count` is how many frames or levels. */
  merged: { kind: 'small' | 'deeper' | 'above'; count: number } | null;
  /** Ancestors of the zoomed node: drawn full width and faded (d3-flame-graph reads `fade`). */
  fade: boolean;
  matched: boolean;
  colorKey: string;
}

export interface ProjectionOptions {
  /** The zoomed node (0 = the whole tree). */
  root: number;
  widthPx: number;
  /** Frames narrower than this merge into their parent's "small frames" node. */
  minFramePx?: number;
  typeLeaves: boolean;
  colorBy: ColorBy;
  /** Per name id: 1 when the search matches that name. */
  matchedNames?: Uint8Array | null;
  /** Label of the root node. */
  rootName?: string;
  /** Levels drawn below the zoomed node; deeper stacks end in a "more levels" node. */
  maxDepth?: number;
  /** Ancestors drawn above the zoomed node; farther ones fold into one "levels above" node. */
  maxAncestors?: number;
}

/** Deep recursion (thousands of levels) must not become thousands of SVG rows. */
export const MAX_DEPTH = 200;
export const MAX_ANCESTORS = 16;

export interface Projection {
  root: FlameDatum;
  /** Data nodes created (merged ones included). */
  frames: number;
  /** Self weight of the drawn frames by colour key, for the legend. */
  weightByKey: Map<string, number>;
}

/** `3 small frames` — the text of a merged node; the tooltip adds the weight. */
export function smallFramesName(count: number): string {
  return `${count} small frame${count === 1 ? '' : 's'}`;
}

/** Rows below `root` in a projection (it is small: bounded by what fits on screen). */
export function projectionDepth(root: FlameDatum): number {
  let deepest = 0;
  const stack: [FlameDatum, number][] = [[root, 0]];
  while (stack.length > 0) {
    const [d, depth] = stack.pop()!;
    deepest = Math.max(deepest, depth);
    for (const c of d.children) stack.push([c, depth + 1]);
  }
  return deepest;
}

/** Projects the subtree under `options.root` (with its ancestors as a faded chain). */
export function projectFlame(tree: CallTree, weights: Float64Array, options: ProjectionOptions): Projection {
  const minWeight = (weights[options.root]! * (options.minFramePx ?? 1)) / Math.max(1, options.widthPx);
  const weightByKey = new Map<string, number>();
  const { top, zoomed, frames: chainFrames } = ancestorChain(tree, weights, options);
  let frames = chainFrames;
  const depthLimit = tree.depth[options.root]! + (options.maxDepth ?? MAX_DEPTH);
  const stack: FlameDatum[] = [zoomed];
  const visited: FlameDatum[] = [];
  while (stack.length > 0) {
    const d = stack.pop()!;
    visited.push(d);
    if (tree.depth[d.node]! >= depthLimit && !d.merged) frames += addDeeper(tree, weights, d, options.typeLeaves);
    else frames += expand(tree, weights, d, minWeight, options, weightByKey, stack);
  }
  if (options.colorBy === 'type') inheritTypeColors(visited);
  return { root: top, frames, weightByKey };
}

/**
 * The faded chain from the root down to the zoomed node, every link as wide as the zoomed
 * node; a long chain keeps its nearest ancestors and folds the rest into one node.
 */
function ancestorChain(
  tree: CallTree,
  weights: Float64Array,
  options: ProjectionOptions,
): { top: FlameDatum; zoomed: FlameDatum; frames: number } {
  const datum = (node: number, fade: boolean): FlameDatum => ({
    name: node === 0 ? (options.rootName ?? 'all') : nodeName(tree, node),
    value: weights[options.root]!,
    children: [],
    node,
    merged: null,
    fade,
    matched: node > 0 && options.matchedNames?.[tree.name[node]!] === 1,
    colorKey: '',
  });
  const chain: number[] = [];
  for (let n = options.root; n > 0; n = tree.parent[n]!) chain.push(n);
  const keep = (options.maxAncestors ?? MAX_ANCESTORS) + 1;
  const skipped = Math.max(0, chain.length - keep);
  chain.length = Math.min(chain.length, keep);
  chain.reverse();
  const top = datum(0, chain.length > 0);
  let parent = top;
  if (skipped > 0) {
    // Clicking the fold zooms out to the ancestor just above the kept ones.
    const fold: FlameDatum = {
      ...datum(tree.parent[chain[0]!]!, true),
      name: `⋯ ${skipped} levels above`,
      merged: { kind: 'above', count: skipped },
    };
    parent.children.push(fold);
    parent = fold;
  }
  for (const n of chain) {
    const d = datum(n, n !== options.root);
    parent.children.push(d);
    parent = d;
  }
  return { top, zoomed: parent, frames: chain.length + 1 + (skipped > 0 ? 1 : 0) };
}

/**
 * A function that allocates nothing itself takes the type colour of its heaviest drawn child,
 * so a call chain shows the type it ends in. Children come after parents in `visited`, so one
 * backward pass settles every chain.
 */
function inheritTypeColors(visited: readonly FlameDatum[]): void {
  for (let i = visited.length - 1; i >= 0; i--) {
    const d = visited[i]!;
    if (d.colorKey !== '' || d.node === 0) continue;
    let best: FlameDatum | null = null;
    for (const c of d.children) if (!c.merged && c.colorKey !== '' && (!best || c.value > best.value)) best = c;
    if (best) d.colorKey = best.colorKey;
  }
}

/** At the depth limit: one "more levels" node over all children; a click zooms into the heaviest. */
function addDeeper(tree: CallTree, weights: Float64Array, d: FlameDatum, typeLeaves: boolean): number {
  let heaviest = -1;
  let sum = 0;
  let count = 0;
  for (let c = d.node + 1; c < tree.end[d.node]!; c = tree.end[c]!) {
    if (!typeLeaves && tree.kind[c] === NodeKind.Type) continue;
    count++;
    sum += weights[c]!;
    if (heaviest < 0 || weights[c]! > weights[heaviest]!) heaviest = c;
  }
  d.value = weights[d.node]!;
  if (heaviest < 0 || sum <= 0) return 0;
  d.children.push({
    name: '⋯ deeper frames',
    value: sum,
    children: [],
    node: heaviest,
    merged: { kind: 'deeper', count },
    fade: false,
    matched: false,
    colorKey: '',
  });
  return 1;
}

/** Adds the wide children of `d` (pushing them on `stack`) and one merged node; returns how many. */
function expand(
  tree: CallTree,
  weights: Float64Array,
  d: FlameDatum,
  minWeight: number,
  options: ProjectionOptions,
  weightByKey: Map<string, number>,
  stack: FlameDatum[],
): number {
  d.value = weights[d.node]!;
  const scan = scanChildren(tree, weights, d, minWeight, options, stack);
  d.colorKey = colorKeyOf(tree, d.node, scan.heaviestType, options.colorBy);
  addWeight(weightByKey, d.colorKey, d.value - scan.childWeight);
  if (scan.narrowCount === 0) return scan.added;
  d.children.push(narrowDatum(tree, scan, options.colorBy));
  return scan.added + 1;
}

/** What one pass over a frame's children found. */
interface ChildScan {
  /** Weight of the children shown (type leaves count only when shown). */
  childWeight: number;
  /** The heaviest type leaf, shown or not (-1 when none). */
  heaviestType: number;
  /** Wide children added. */
  added: number;
  /** The children too narrow to draw: how many, their weight, the heaviest, and whether any matched. */
  narrowCount: number;
  narrowWeight: number;
  narrowHeaviest: number;
  narrowMatched: boolean;
}

/**
 * Adds `d`'s wide children and sums up the rest. The loop runs once per child of every drawn
 * frame, cold (in the interpreter) for the worker's first picture: everything it reads or sums
 * is a local, where an object per narrow child (a spread, then a method call) made most of
 * that picture's time.
 */
function scanChildren(
  tree: CallTree,
  weights: Float64Array,
  d: FlameDatum,
  minWeight: number,
  options: ProjectionOptions,
  stack: FlameDatum[],
): ChildScan {
  const { end, kind, name } = tree;
  const typeLeaves = options.typeLeaves;
  const matchedNames = options.matchedNames ?? null;
  let childWeight = 0;
  let heaviestType = -1;
  let added = 0;
  let narrowCount = 0;
  let narrowWeight = 0;
  let narrowHeaviest = -1;
  let narrowMatched = false;
  for (let c = d.node + 1, last = end[d.node]!; c < last; c = end[c]!) {
    const w = weights[c]!;
    if (kind[c] === NodeKind.Type) {
      if (heaviestType < 0 || w > weights[heaviestType]!) heaviestType = c;
      if (!typeLeaves) continue;
    }
    childWeight += w;
    if (w <= 0) continue;
    const matched = matchedNames !== null && matchedNames[name[c]!] === 1;
    if (w >= minWeight) {
      const child = wideChild(tree, c, w, matched);
      d.children.push(child);
      stack.push(child);
      added++;
      continue;
    }
    if (narrowHeaviest < 0 || w > weights[narrowHeaviest]!) narrowHeaviest = c;
    narrowCount++;
    narrowWeight += w;
    narrowMatched ||= matched;
  }
  return { childWeight, heaviestType, added, narrowCount, narrowWeight, narrowHeaviest, narrowMatched };
}

function wideChild(tree: CallTree, node: number, value: number, matched: boolean): FlameDatum {
  return { name: nodeName(tree, node), value, children: [], node, merged: null, fade: false, matched, colorKey: '' };
}

/** One narrow child keeps its own name and colour; several become "N small frames". */
function narrowDatum(tree: CallTree, scan: ChildScan, colorBy: ColorBy): FlameDatum {
  const alone = scan.narrowCount === 1;
  return {
    name: alone ? nodeName(tree, scan.narrowHeaviest) : smallFramesName(scan.narrowCount),
    value: scan.narrowWeight,
    children: [],
    node: scan.narrowHeaviest,
    fade: false,
    matched: scan.narrowMatched,
    merged: alone ? null : { kind: 'small', count: scan.narrowCount },
    colorKey: alone ? colorKeyOf(tree, scan.narrowHeaviest, -1, colorBy) : '',
  };
}

function addWeight(map: Map<string, number>, key: string, weight: number): void {
  if (weight > 0) map.set(key, (map.get(key) ?? 0) + weight);
}

/** A type leaf is its type; a function takes its heaviest type leaf, its file or its package. */
function colorKeyOf(tree: CallTree, node: number, heaviestType: number, colorBy: ColorBy): string {
  if (node === 0) return '';
  const name = nodeName(tree, node);
  if (colorBy === 'type') {
    if (tree.kind[node] === NodeKind.Type) return name;
    return heaviestType >= 0 ? nodeName(tree, heaviestType) : '';
  }
  if (tree.kind[node] === NodeKind.Type) return colorKeyOf(tree, tree.parent[node]!, -1, colorBy);
  return colorBy === 'file' ? fileOfFrame(name) : packageOfFrame(name);
}
