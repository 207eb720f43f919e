// The advisor's part of a load, done in the worker: Starlark sources are read as text (not parsed
// as profiles), each set is joined with the sources its files name, and findings, the
// attribution (hot loops, call sites, bytes per statement), peak figures and each matched
// source's outline (its defs, loops and statements: the page parses no Starlark) travel back with
// the set as plain data. Per-file peak rows do not: the page derives
// them from the event logs it receives anyway (app/analysis-panels.ts), and a second copy of
// every load (structured clone shares no strings) nearly doubled the page's memory for big logs.
import { analyseRun, groupRuns, type Finding } from '../analysis/advisor.ts';
import type { Attribution } from '../analysis/attribution.ts';
import { estimatePeak, type PeakEstimate } from '../analysis/peak-estimate.ts';
import { computeFilePeaks, type FilePeak } from '../analysis/peaks.ts';
import { outlineOf, type SourceOutline } from '../analysis/starlark-source.ts';
import type { LoadedSetData } from './protocol.ts';
import type { SourceText } from './sources.ts';

/** A source matched to a set: its text for the source view, and its outline indexed here (the page holds no Starlark parser). */
export interface AnalysedSource extends SourceText {
  outline: SourceOutline;
}

/** What the analysis panels show for one set. Structured-clone safe. */
export interface SetAnalysis {
  findings: Finding[];
  /** Where the heap flame's bytes went: hot loops, call sites, bytes per statement (analysis/attribution.ts). */
  attribution: Attribution;
  /** The sources matched to this set's profiles, with their text and outline for the source view and the Statements tab. */
  sources: AnalysedSource[];
  estimate: PeakEstimate | null;
  /** This set holds event logs itself. */
  hasEventLog: boolean;
}

/** What the analysis reads of a set: its name, files and their roles (no tables, no metric weights). */
export type AnalysedSetInput = Pick<LoadedSetData, 'name' | 'files' | 'roles'>;

/** Adds `analysis` to every set of a load. Sets keep their order and everything else. */
export function analyseSets(sets: LoadedSetData[], sources: readonly SourceText[]): LoadedSetData[] {
  const analyses = analysesOf(sets, sources);
  return sets.map((set, i) => ({ ...set, analysis: analyses[i]! }));
}

/**
 * The analysis of every set of one load, in the sets' order: the first load's (analyseSets) and a
 * later one's when sources arrive after their profiles (analyse-job.ts). The sets of one load share
 * their event logs' per-file peaks.
 */
export function analysesOf(sets: readonly AnalysedSetInput[], sources: readonly SourceText[]): SetAnalysis[] {
  const logs = sets.flatMap((s) => s.roles['event-log'].map((f) => f.profile));
  // Per-file rows only for the peak estimates of heap profiles: a load of event logs alone
  // (hundreds of thousands of BUCK files) hands over its parsed loads and nothing per file more.
  let filePeaks: FilePeak[] | undefined;
  const runs = groupRuns(
    sets.map((s) => ({ name: s.name, files: s.files, roles: s.roles })),
    sources,
  );
  return sets.map((set, i) => {
    const run = runs[i]!;
    const { input } = run;
    const hasHeap = input.heapFlame !== null || input.summary !== null;
    const { findings, attribution } = analyseRun(input);
    return {
      findings,
      attribution,
      sources: input.sources.map((s) => ({
        path: s.path,
        text: sources.find((t) => t.path === s.path)?.text ?? '',
        outline: outlineOf(s),
      })),
      estimate: hasHeap
        ? estimatePeak({
            heapFlame: input.heapFlame,
            summary: input.summary,
            targetIds: run.targetIds,
            filePeaks: (filePeaks ??= computeFilePeaks(logs)),
            runName: run.name,
          })
        : null,
      hasEventLog: set.roles['event-log'].length > 0,
    };
  });
}
