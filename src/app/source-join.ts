// Sources join the runs they belong to whenever they arrive. Profiles after sources: the page
// sends the sources it holds with the parse request and the worker joins them. Sources after
// profiles: the findings of every earlier load are recomputed here with all sources known so far,
// by the worker's analysis (worker/set-analysis.ts) loaded on first use, on the sets the page holds.
import type { SetAnalysis } from '../worker/set-analysis.ts';
import type { LoadedSet, Store } from './store.ts';

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

/** Recomputes the analysis of the given loads with every source in the store; returns how many sets' sources changed and their findings. */
export async function reanalyse(store: Store, loads: readonly number[]): Promise<{ sets: number; findings: number }> {
  if (loads.length === 0) return { sets: 0, findings: 0 };
  const { analyseSets } = await import('../worker/set-analysis.ts');
  const { sets, sources } = store.get();
  const analyses = new Map<number, SetAnalysis>();
  for (const load of loads) {
    const group = sets.filter((s) => s.load === load);
    analyseSets(group, sources).forEach((s, i) => {
      if (s.analysis) analyses.set(group[i]!.id, s.analysis);
    });
  }
  const pathsOf = (a: SetAnalysis | undefined) => (a?.sources ?? []).map((t) => t.path).join('\u0000');
  const gained = [...analyses].filter(([id, a]) => pathsOf(a) !== pathsOf(sets.find((s) => s.id === id)?.analysis));
  store.analysed(analyses);
  return { sets: gained.length, findings: gained.reduce((n, [, a]) => n + a.findings.length, 0) };
}
