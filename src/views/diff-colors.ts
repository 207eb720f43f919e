// Colours of a differential flamegraph: a diverging red/blue scale (ColorBrewer RdBu, which
// ColorBrewer marks colour-blind safe; test/views/diff-colors.test.ts checks it under simulated
// protan-, deuter- and tritanopia): blue where memory went down, red where it went up.
import { interpolateRdBu, type Selection } from 'd3';
import { changeOf, shareDelta, type ChangeStatus, type DiffTree } from '../analysis/diff.ts';
import { diffFrameDetails, diffFrameLabel } from './diff-details.ts';

/** Absolute bytes, or each side's share of its own total (normalised). */
export type DiffScale = 'absolute' | 'share';

/** Frames whose weight did not change at all: neutral, and distinct from a faint change. */
export const UNCHANGED_COLOR = '#d8d8d8';

/**
 * How far from the neutral middle the strongest change goes: RdBu's darker ends would hide
 * the black frame labels, so the scale stops at 0.5 ± REACH, where black keeps 4.6:1 (red end)
 * and 5.3:1 (blue end); at 0.38 they were 3.4 and 3.9 (test/e2e/readability.e2e.ts found it).
 */
const REACH = 0.33;

/**
 * The colour of a change in [-1, 1] (−1 the largest drop, +1 the largest growth). The square
 * root lifts small changes off the neutral middle so they stay visible.
 *
 * @example changeColor(-1) // a saturated blue; changeColor(1) // a saturated red
 */
export function changeColor(change: number): string {
  if (change === 0 || !Number.isFinite(change)) return UNCHANGED_COLOR;
  const t = Math.sign(change) * Math.sqrt(Math.min(1, Math.abs(change)));
  return interpolateRdBu(0.5 - REACH * t);
}

/** The scale's legend, from the largest drop to the largest growth. */
export const DIFF_SCALE_LEGEND: readonly { key: string; color: string }[] = [
  { key: 'shrank most', color: changeColor(-1) },
  { key: 'shrank', color: changeColor(-0.1) },
  { key: 'unchanged', color: UNCHANGED_COLOR },
  { key: 'grew', color: changeColor(0.1) },
  { key: 'grew most', color: changeColor(1) },
];

/** Per node: the change (absolute delta or share delta) scaled to [-1, 1] by the largest one. */
export function scaledChanges(diff: DiffTree, scale: DiffScale): Float64Array {
  const n = diff.base.name.length;
  const changes = new Float64Array(n);
  let largest = 0;
  for (let i = 1; i < n; i++) {
    changes[i] = scale === 'share' ? shareDelta(diff, i) : diff.target.total[i]! - diff.base.total[i]!;
    largest = Math.max(largest, Math.abs(changes[i]!));
  }
  if (largest > 0) for (let i = 1; i < n; i++) changes[i] = changes[i]! / largest;
  return changes;
}

/** What a differential flamegraph needs per frame; `views/flamegraph.ts` takes it as `diff`. */
export interface DiffFrames {
  colorOf(node: number): string;
  statusOf(node: number): ChangeStatus;
  /** Tooltip lines: name, status, base, target, change, shares. */
  details(node: number): string[];
  /** A short aria-label. */
  label(node: number): string;
}

/** The colour mapper and words of a differential flamegraph. */
export function diffFrames(diff: DiffTree, scale: DiffScale): DiffFrames {
  const changes = scaledChanges(diff, scale);
  return {
    colorOf: (node) => (node === 0 ? UNCHANGED_COLOR : changeColor(changes[node]!)),
    statusOf: (node) => changeOf(diff, node),
    details: (node) => diffFrameDetails(diff, node),
    label: (node) => diffFrameLabel(diff, node),
  };
}

/**
 * Marks a drawn frame (a d3 selection of its `g.frame`) for the diff: its aria-label says the
 * change in words, and `diff-new` / `diff-gone` classes outline frames that exist on one side
 * only, so the mark does not rest on colour alone.
 */
export function markChange(g: Selection<SVGGElement, unknown, null, undefined>, diff: DiffFrames, node: number): void {
  const status = diff.statusOf(node);
  g.attr('aria-label', diff.label(node));
  g.classed('diff-new', status === 'new');
  g.classed('diff-gone', status === 'gone');
}
