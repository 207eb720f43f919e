// Sources join the runs they belong to whenever they arrive. Profiles after sources: the page
// sends the sources it holds with the parse request and the worker joins them. Sources after
// profiles: the page sends the sets of every earlier load back to the worker with all sources
// known so far, and the worker analyses them by the function a first load uses
// (worker/analyse-job.ts). The page itself never loads the Starlark indexer or the rules.
import type { AnalysedSetInput, SetAnalysis } from '../worker/set-analysis.ts';
import type { SourceText } from '../worker/sources.ts';
import type { AnalyseOutcome } from './loader.ts';
import type { LoadedSet, Store } from './store.ts';

/** Analyses the sets of each load with the sources, in the worker (Loader.analyse). */
export type AnalyseLoads = (loads: AnalysedSetInput[][], sources: SourceText[]) => Promise<AnalyseOutcome>;

/**
 * Which loads need their analysis recomputed after `load` finished: when it brought new sources,
 * every earlier load (the worker joined the new load with every source already).
 */
export function loadsToReanalyse(
  sets: readonly LoadedSet[],
  load: number,
  sourcesBefore: number,
  sourcesNow: number,
): number[] {
  if (sourcesNow <= sourcesBefore) return [];
  return [...new Set(sets.map((s) => s.load))].filter((l) => l !== load);
}

/**
 * Recomputes the analysis of the given loads with every source in the store; returns how many
 * sets' sources changed and their findings. Throws when the worker could not analyse them.
 */
export async function reanalyse(
  store: Store,
  analyse: AnalyseLoads,
  loads: readonly number[],
): Promise<{ sets: number; findings: number }> {
  if (loads.length === 0) return { sets: 0, findings: 0 };
  const { sets, sources } = store.get();
  const groups = loads.map((load) => sets.filter((s) => s.load === load));
  // Only what the analysis reads crosses: no function tables, metric weights or earlier analysis.
  const outcome = await analyse(
    groups.map((group) => group.map(({ name, files, roles }) => ({ name, files, roles }))),
    sources.map(({ path, text }) => ({ path, text })),
  );
  if (outcome.status === 'failed') throw new Error(outcome.message);
  const analyses = new Map<number, SetAnalysis>();
  groups.forEach((group, k) =>
    group.forEach((set, i) => {
      const analysis = outcome.analyses[k]?.[i];
      if (analysis) analyses.set(set.id, analysis);
    }),
  );
  // Compared with the sets as they are now: one may have gone while the worker analysed.
  const now = store.get().sets;
  const pathsOf = (a: SetAnalysis | undefined) => (a?.sources ?? []).map((t) => t.path).join('\u0000');
  const gained = [...analyses].filter(([id, a]) => {
    const set = now.find((s) => s.id === id);
    return set !== undefined && pathsOf(a) !== pathsOf(set.analysis);
  });
  store.analysed(analyses);
  return { sets: gained.length, findings: gained.reduce((n, [, a]) => n + a.findings.length, 0) };
}
