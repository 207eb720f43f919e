// Sources join the runs they belong to whenever they arrive: a load of `.bzl`/`BUCK` files
// after the profiles (or profiles after the sources) recomputes the findings of every earlier
// load with all sources known so far. The analysis is the worker's (worker/set-analysis.ts),
// loaded on first use and run on the sets the page already holds.
import type { SetAnalysis } from '../worker/set-analysis.ts';
import type { LoadedSet, Store } from './store.ts';

/** Which loads need their analysis recomputed after `load` finished. */
export function loadsToReanalyse(sets: readonly LoadedSet[], load: number, sourcesBefore: number, sourcesNow: number): number[] {
  const loads = [...new Set(sets.map((s) => s.load))];
  if (sourcesNow > sourcesBefore) return loads.filter((l) => l !== load || sourcesBefore > 0);
  return sourcesBefore > 0 ? loads.filter((l) => l === load) : [];
}

/** Recomputes the analysis of the given loads with every source in the store; returns how many sets gained sources. */
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
  const gained = [...analyses].filter(([id, a]) => a.sources.length > (sets.find((s) => s.id === id)?.analysis?.sources.length ?? 0));
  store.analysed(analyses);
  return { sets: gained.length, findings: gained.reduce((n, [, a]) => n + a.findings.length, 0) };
}
