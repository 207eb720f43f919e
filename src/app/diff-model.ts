// What the Compare tab shows, derived from the store: which sets are compared, their
// comparison, and the flamegraph inputs for the chosen tree. Memoised on the inputs'
// identity, so toggling the colour scale does not recompute the comparison.
import { compareSets, type FlameComparison, type SetComparison } from '../analysis/diff-sets.ts';
import { diffWidths } from '../analysis/diff.ts';
import { diffFrames, type DiffFrames } from '../views/diff-colors.ts';
import { nodeAtPath } from '../views/tree-search.ts';
import { DEFAULT_DIFF, type DiffView } from './diff-state.ts';
import type { AppState, LoadedSet } from './store.ts';
import { memo } from './view-model.ts';

export interface DiffModel {
  view: DiffView;
  base: LoadedSet;
  target: LoadedSet;
  comparison: SetComparison;
  /** The pair of trees drawn (heap unless the view asks for time and it exists), or null. */
  flame: FlameComparison | null;
  widths: Float64Array | null;
  frames: DiffFrames | null;
  zoom: number;
}

/** The sets the comparison names, else a default: `…/before` and `…/after` of one case, else the first two. */
export function pickSides(state: AppState): { base: LoadedSet | null; target: LoadedSet | null } {
  const view = state.view.diff ?? DEFAULT_DIFF;
  const byName = (name: string | null) => (name === null ? null : (state.sets.find((s) => s.name === name) ?? null));
  if (view.base !== null || view.target !== null) return { base: byName(view.base), target: byName(view.target) };
  const before = state.sets.find((s) => /(^|\/)before$/.test(s.name) && byName(s.name.replace(/before$/, 'after')));
  if (before) return { base: before, target: byName(before.name.replace(/before$/, 'after')) };
  return { base: state.sets[0] ?? null, target: state.sets[1] ?? null };
}

const comparisonOf = memo((base: LoadedSet, target: LoadedSet) => compareSets(base, target));
const widthsOf = memo((flame: FlameComparison, width: DiffView['width']) => diffWidths(flame.diff, width));
const framesOf = memo((flame: FlameComparison, scale: DiffView['scale']) => diffFrames(flame.diff, scale));

/** The Compare tab's inputs, or null when two sets are not both there yet. */
export function diffModel(state: AppState): DiffModel | null {
  const { base, target } = pickSides(state);
  if (!base || !target) return null;
  const view = state.view.diff ?? DEFAULT_DIFF;
  const comparison = comparisonOf(base, target);
  const flame = view.tree === 'time' ? (comparison.timeFlame ?? comparison.heapFlame) : (comparison.heapFlame ?? comparison.timeFlame);
  return {
    view, base, target, comparison, flame,
    widths: flame ? widthsOf(flame, view.width) : null,
    frames: flame ? framesOf(flame, view.scale) : null,
    zoom: flame ? nodeAtPath(flame.diff.base, view.zoom).node : 0,
  };
}
