// What the Compare tab shows, derived from the store: which sets are compared, their
// comparison, and the flamegraph inputs for the chosen tree. Memoised on the inputs'
// identity, so toggling the colour scale does not recompute the comparison.
import { compareSets, type ComparedSet, type FlameComparison, type SetComparison } from '../analysis/diff-sets.ts';
import { rolesOfFile, type Role } from '../analysis/run-roles.ts';
import { diffWidths } from '../analysis/diff.ts';
import { diffFrames, type DiffFrames } from '../views/diff-colors.ts';
import { nodeAtPath } from '../views/tree-search.ts';
import { DEFAULT_DIFF, type DiffView } from './diff-state.ts';
import type { AppState, LoadedSet } from './store.ts';
import { memo } from './view-model.ts';

/**
 * Something to compare: a loaded set, or one file of a set that holds several profiles of one
 * kind (two files dropped together land in one set of loose files).
 */
export interface Side {
  /** A set label or a file path; this is what `base=`/`target=` hold. Untrusted text. */
  name: string;
  kind: 'set' | 'file';
  set: ComparedSet;
  /** The `#url=` the set came from, if any. */
  url: string | null;
}

export interface DiffModel {
  view: DiffView;
  base: Side;
  target: Side;
  comparison: SetComparison;
  /** The pair of trees drawn (heap unless the view asks for time and it exists), or null. */
  flame: FlameComparison | null;
  widths: Float64Array | null;
  frames: DiffFrames | null;
  zoom: number;
}

const COMPARABLE: ReadonlySet<Role> = new Set<Role>([
  'allocated-flame',
  'retained-flame',
  'time-flame',
  'allocated-summary',
  'retained-summary',
  'statement',
  'event-log',
]);

/** Every loaded set (by its unique label), and the files of sets holding two or more of one role. */
export const sidesOf = memo((sets: readonly LoadedSet[]): Side[] => {
  const sides: Side[] = [];
  const seen = new Set<string>();
  for (const set of sets) {
    if (!seen.has(set.label)) sides.push({ name: set.label, kind: 'set', set, url: set.url });
    seen.add(set.label);
    for (const role of COMPARABLE) {
      const files = set.roles[role];
      if (files.length < 2) continue;
      for (const { index, path } of files) {
        if (seen.has(path)) continue;
        seen.add(path);
        sides.push({
          name: path,
          kind: 'file',
          set: { name: path, files: [set.files[index]!], roles: rolesOfFile(set.roles, index) },
          url: set.url,
        });
      }
    }
  }
  return sides;
});

/**
 * The sides the comparison names, else a default: `…/before` and `…/after` of one case, else
 * the first two sets, else (one set of loose files) its first two comparable files.
 */
export function pickSides(state: AppState): { base: Side | null; target: Side | null } {
  const view = state.view.diff ?? DEFAULT_DIFF;
  const sides = sidesOf(state.sets);
  const byName = (name: string | null) => (name === null ? null : (sides.find((s) => s.name === name) ?? null));
  if (view.base !== null || view.target !== null) return { base: byName(view.base), target: byName(view.target) };
  const before = sides.find(
    (s) => s.kind === 'set' && /(^|\/)before$/.test(s.name) && byName(s.name.replace(/before$/, 'after')),
  );
  if (before) return { base: before, target: byName(before.name.replace(/before$/, 'after')) };
  const sets = sides.filter((s) => s.kind === 'set');
  const pair = sets.length >= 2 ? sets : sides.filter((s) => s.kind === 'file');
  return { base: pair[0] ?? null, target: pair[1] ?? null };
}

const comparisonOf = memo((base: ComparedSet, target: ComparedSet) => compareSets(base, target));
const widthsOf = memo((flame: FlameComparison, width: DiffView['width']) => diffWidths(flame.diff, width));
const framesOf = memo((flame: FlameComparison, scale: DiffView['scale']) => diffFrames(flame.diff, scale));

/** The Compare tab's inputs, or null when two sets are not both there yet. */
export function diffModel(state: AppState): DiffModel | null {
  const { base, target } = pickSides(state);
  if (!base || !target) return null;
  const view = state.view.diff ?? DEFAULT_DIFF;
  const comparison = comparisonOf(base.set, target.set);
  const flame =
    view.tree === 'time'
      ? (comparison.timeFlame ?? comparison.heapFlame)
      : (comparison.heapFlame ?? comparison.timeFlame);
  return {
    view,
    base,
    target,
    comparison,
    flame,
    widths: flame ? widthsOf(flame, view.width) : null,
    frames: flame ? framesOf(flame, view.scale) : null,
    zoom: flame ? nodeAtPath(flame.diff.base, view.zoom).node : 0,
  };
}
