// The advisor's part of a load, done in the worker: Starlark sources are read as text (not parsed
// as profiles), each set is joined with the sources its files name, and findings, the
// attribution (hot loops, call sites, bytes per statement), peak figures and each matched
// source's outline (its defs, loops and statements: the page parses no Starlark) travel back with
// the set as plain data. Per-file peak rows do not: the page derives
// them from the event logs it receives anyway (app/analysis-panels.ts), and a second copy of
// every load (structured clone shares no strings) nearly doubled the page's memory for big logs.
import { analyseRun, groupRuns, isStarlarkSourcePath, type Finding } from '../analysis/advisor.ts';
import type { Attribution } from '../analysis/attribution.ts';
import { estimatePeak, type PeakEstimate } from '../analysis/peak-estimate.ts';
import { computeFilePeaks, type FilePeak } from '../analysis/peaks.ts';
import { outlineOf, type SourceOutline } from '../analysis/starlark-source.ts';
import type { LoadedSetData, ParseInput } from './protocol.ts';
import { redirectProblem } from './same-origin.ts';

export interface SourceText {
  path: string;
  text: string;
}

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

/** Splits a job's inputs into Starlark sources (by file name: BUCK, TARGETS, *.bzl) and profiles. */
export function splitSources(inputs: readonly ParseInput[]): { sources: ParseInput[]; profiles: ParseInput[] } {
  const sources = inputs.filter((i) => isStarlarkSourcePath(i.path));
  return { sources, profiles: inputs.filter((i) => !sources.includes(i)) };
}

/**
 * Reads source inputs as UTF-8 text; one that cannot be read is left out and listed in
 * `unreadable` as `path (reason)` (the profiles and the other sources still load).
 */
export async function readSources(
  inputs: readonly ParseInput[],
  signal: AbortSignal,
  onProgress?: (bytesRead: number, path: string) => void,
): Promise<{ texts: SourceText[]; unreadable: string[] }> {
  const texts: SourceText[] = [];
  const unreadable: string[] = [];
  let bytesRead = 0;
  for (const input of inputs) {
    signal.throwIfAborted();
    try {
      const text = input.kind === 'file' ? await input.file.text() : await fetchSameOrigin(input.url, signal);
      texts.push({ path: input.path, text });
      bytesRead += input.kind === 'file' ? input.file.size : text.length;
      onProgress?.(bytesRead, input.path);
    } catch (e) {
      if (signal.aborted) throw signal.reason;
      unreadable.push(`${input.path} (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  return { texts, unreadable };
}

/** The warning for sources left out because they could not be read: counted and said, never silent. */
export function unreadableSourcesWarning(unreadable: readonly string[]): string[] {
  const n = unreadable.length;
  if (n === 0) return [];
  const examples = `${unreadable.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''}`;
  return [
    `${n} Starlark source${n === 1 ? '' : 's'} could not be read and ${n === 1 ? 'is' : 'are'} left out: ${examples}`,
  ];
}

/** A source's text; a redirect to another origin or an HTTP error is not read (it throws: the source is left out). */
async function fetchSameOrigin(url: string, signal: AbortSignal): Promise<string> {
  const response = await fetch(url, { signal, credentials: 'omit' });
  const redirected = redirectProblem(url, response);
  if (redirected) throw new Error(redirected);
  // An error page is not the source.
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`.trim());
  return response.text();
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
