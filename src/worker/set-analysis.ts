// The advisor's part of a load, done in the worker: Starlark sources are read as text (not parsed
// as profiles), each set is joined with the sources its files name, and findings, loops and peak
// figures travel back with the set as plain data. Per-file peak rows do not: the page derives
// them from the event logs it receives anyway (app/analysis-panels.ts), and a second copy of
// every load (structured clone shares no strings) nearly doubled the page's memory for big logs.
import { advise, groupRuns, isStarlarkSourcePath, type Finding } from '../analysis/advisor.ts';
import { findLoops, type FoundLoop, type FunctionBytes } from '../analysis/loop-finder.ts';
import { computeFilePeaks, estimatePeak, type FilePeak, type PeakEstimate } from '../analysis/peaks.ts';
import type { LoadedSetData, ParseInput } from './protocol.ts';

export interface SourceText {
  path: string;
  text: string;
}

/** What the analysis panels show for one set. Structured-clone safe. */
export interface SetAnalysis {
  findings: Finding[];
  loops: FoundLoop[];
  /** The sources matched to this set's profiles, with their text for the source view. */
  sources: SourceText[];
  estimate: PeakEstimate | null;
  /** This set holds event logs itself. */
  hasEventLog: boolean;
}

/** Splits a job's inputs into Starlark sources (by file name: BUCK, TARGETS, *.bzl) and profiles. */
export function splitSources(inputs: readonly ParseInput[]): { sources: ParseInput[]; profiles: ParseInput[] } {
  const sources = inputs.filter((i) => isStarlarkSourcePath(i.path));
  return { sources, profiles: inputs.filter((i) => !sources.includes(i)) };
}

/** Reads source inputs as UTF-8 text; one that cannot be read is skipped (the profiles still load). */
export async function readSources(inputs: readonly ParseInput[], signal: AbortSignal, onProgress?: (bytesRead: number, path: string) => void): Promise<SourceText[]> {
  const texts: SourceText[] = [];
  let bytesRead = 0;
  for (const input of inputs) {
    signal.throwIfAborted();
    try {
      const text = input.kind === 'file' ? await input.file.text() : await (await fetch(input.url, { signal, credentials: 'omit' })).text();
      texts.push({ path: input.path, text });
      bytesRead += input.kind === 'file' ? input.file.size : text.length;
      onProgress?.(bytesRead, input.path);
    } catch {
      if (signal.aborted) throw signal.reason;
    }
  }
  return texts;
}

function bytesFor(set: LoadedSetData): Map<string, FunctionBytes> {
  return new Map((set.functions?.metric === 'bytes' ? set.functions.rows : []).map((f) => [f.name, { self: f.self, total: f.total }]));
}

/** Adds `analysis` to every set of a load. Sets keep their order and everything else. */
export function analyseSets(sets: LoadedSetData[], sources: readonly SourceText[]): LoadedSetData[] {
  const logs = sets.flatMap((s) => s.roles['event-log'].map((f) => f.profile));
  // Per-file rows only for the peak estimates of heap profiles: a load of event logs alone
  // (hundreds of thousands of BUCK files) hands over its parsed loads and nothing per file more.
  let filePeaks: FilePeak[] | undefined;
  const runs = groupRuns(sets.map((s) => ({ name: s.name, files: s.files, roles: s.roles })), sources);
  return sets.map((set, i) => {
    const run = runs[i]!;
    const { input } = run;
    const hasHeap = input.heapFlame !== null || input.summary !== null;
    const analysis: SetAnalysis = {
      findings: advise(input),
      loops: input.statement ? findLoops(input.statement, input.sources, bytesFor(set)) : [],
      sources: input.sources.map((s) => ({ path: s.path, text: sources.find((t) => t.path === s.path)?.text ?? '' })),
      estimate: hasHeap ? estimatePeak({ heapFlame: input.heapFlame, summary: input.summary, targetIds: run.targetIds, filePeaks: (filePeaks ??= computeFilePeaks(logs)), runName: run.name }) : null,
      hasEventLog: set.roles['event-log'].length > 0,
    };
    return { ...set, analysis };
  });
}
