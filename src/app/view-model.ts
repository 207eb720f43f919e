// What the views get, derived from the store: the selected set, the metric's tree and
// weights, the zoomed node, search matches. Memoised per input so unchanged parts keep their
// identity (views compare props by reference to skip work).
import type { FunctionStats } from '../analysis/function-table.ts';
import type { CallTree } from '../model/call-tree.ts';
import { METRIC_UNITS, type MetricWeights } from '../analysis/metrics.ts';
import { compareRanks, rankOf, type RunRank } from '../analysis/run-ranking.ts';
import type { MetricUnit } from '../model/units.ts';
import {
  makeMatcher,
  matchNames,
  nodeAtPath,
  regexEngineReady,
  searchTree,
  type SearchResult,
} from '../views/tree-search.ts';
import type { AppState, LoadedSet } from './store.ts';

export { METRIC_LABELS, METRIC_UNITS } from '../analysis/metrics.ts';

export interface FlameModel {
  set: LoadedSet;
  metric: MetricWeights;
  tree: CallTree;
  unit: MetricUnit;
  zoom: number;
  /** False when the URL named a stack that is not in this tree (we stop where it diverges). */
  zoomFound: boolean;
  allocs: Float64Array | null;
  matchedNames: Uint8Array | null;
  search: SearchResult | null;
  searchError: string | null;
  functions: FunctionStats[];
  functionsUnit: MetricUnit;
}

/** The set shown: by id; else the one a restored link names by label; else the newest. */
export function currentSet(state: AppState): LoadedSet | null {
  return (
    state.sets.find((s) => s.id === state.current) ??
    state.sets.find((s) => s.label === state.view.set) ??
    state.sets[state.sets.length - 1] ??
    null
  );
}

/** The metric the view names by key, else the set's first. */
export function currentMetric(set: LoadedSet, key: string | null): MetricWeights | null {
  return set.metrics.find((m) => m.key === key) ?? set.metrics[0] ?? null;
}

function treeOf(set: LoadedSet, metric: MetricWeights): CallTree | null {
  const p = set.files[metric.fileIndex]?.profile;
  return p && (p.format === 'heap-flame' || p.format === 'time-flame' || p.format === 'pprof') ? p.tree : null;
}

/** Memoises a function of a few arguments on reference equality of the last call. */
export function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let last: R;
  return (...args: A) => {
    if (!lastArgs || args.some((a, i) => a !== lastArgs![i])) {
      last = fn(...args);
      lastArgs = args;
    }
    return last;
  };
}

// `engineReady` is an argument so the memo drops a "loading" answer once the regex engine is in.
const matchesFor = memo(
  (tree: CallTree, weights: Float64Array, term: string, regex: boolean, _engineReady: boolean) => {
    if (!term) return { matchedNames: null, search: null, searchError: null };
    const matcher = makeMatcher(term, regex);
    if (!matcher.ok) return { matchedNames: null, search: null, searchError: matcher.message };
    const matchedNames = matchNames(tree, matcher.test);
    return { matchedNames, search: searchTree(tree, weights, matchedNames), searchError: null };
  },
);

const zoomFor = memo((tree: CallTree, zoomKey: string) => nodeAtPath(tree, zoomKey ? zoomKey.split('\u0000') : []));

/** The flamegraph's inputs for the current state, or null when the set has no call tree. */
export function flameModel(state: AppState): FlameModel | null {
  const set = currentSet(state);
  if (!set || set.metrics.length === 0) return null;
  const metric = currentMetric(set, state.view.metric)!;
  const tree = treeOf(set, metric);
  if (!tree) return null;
  const zoom = zoomFor(tree, state.view.zoom.join('\u0000'));
  const allocs = set.metrics.find((m) => m.metric === 'allocs' && m.fileIndex === metric.fileIndex)?.total ?? null;
  return {
    set,
    metric,
    tree,
    unit: METRIC_UNITS[metric.metric],
    zoom: zoom.node,
    zoomFound: zoom.complete,
    allocs,
    ...matchesFor(tree, metric.total, state.view.search, state.view.regex, regexEngineReady()),
    functions: set.functions?.rows ?? [],
    functionsUnit: METRIC_UNITS[set.functions?.metric ?? 'bytes'],
  };
}

/** Each set's rank, computed once per set (event logs make it costly). */
const ranks = new WeakMap<LoadedSet, RunRank>();
function rankOfSet(set: LoadedSet): RunRank {
  let rank = ranks.get(set);
  if (!rank) ranks.set(set, (rank = rankOf(set)));
  return rank;
}

/** The overview of the shown set's load, worst run first; empty when that load holds one run. */
export const overviewRows = memo((sets: readonly LoadedSet[], shown: LoadedSet | null) => {
  const group = shown ? sets.filter((s) => s.load === shown.load) : [];
  if (group.length < 2) return [];
  return group
    .map((s) => ({ id: s.id, label: s.label, rank: rankOfSet(s) }))
    .sort((a, b) => compareRanks(a.rank, b.rank));
});
