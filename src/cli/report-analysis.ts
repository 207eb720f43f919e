// The analysis half of `peakscope report`: advisor findings, per-file peaks from event logs, and
// per-run peak estimates with what kind of bound each figure is, as JSON (report-layout.ts writes the text).
import { analyseRun, groupRuns, type Finding } from '../analysis/advisor.ts';
import type { Attribution } from '../analysis/attribution.ts';
import { HONEST_NOTES, estimatePeak, type PeakFigure, type TopLevelCall } from '../analysis/peak-estimate.ts';
import { DEFAULT_PEAK_LIMIT, computeFilePeaks, packageOf, type FilePeak } from '../analysis/peaks.ts';
import { groupIntoSets } from '../model/profile-set.ts';
import { spanLabel, type ParsedFile, type Span } from '../model/profile.ts';

/** A finding as `report --json` prints it: spans in the statement profile's `L:C-C2` shape. */
export interface FindingJson extends Omit<Finding, 'span' | 'functionSpan' | 'loopSpan'> {
  span: string;
  functionSpan: string | null;
  loopSpan: string | null;
  /** The run (folder of mode folders) the finding comes from. */
  run: string;
}

/** A loop (or comprehension) ranked by the bytes the stack-led attribution gives it (analysis/attribution.ts). */
export interface HotLoopJson {
  function: string;
  file: string;
  span: string;
  /** Bytes whose innermost loop on the way from the allocation to the root is this one. */
  bytes: number;
  /** Frames from the loop's function down to the one that allocated most of `bytes`. */
  frames: string[];
  kind: 'for' | 'while' | 'comprehension';
  /** `for x in xs` as written. */
  header: string;
  /** Every byte allocated while the loop ran (inner loops and callees included). */
  throughBytes: number;
}

/** A call of a Starlark def, with what its callee allocated through it. */
export interface HotCallSiteJson {
  function: string;
  file: string;
  span: string;
  callee: string;
  bytes: number;
  /** The loop that repeats the call: its own, else the innermost one of a caller (`file:span`), or null. */
  loop: string | null;
}

export interface RunJson {
  name: string;
  sources: string[];
  topLevelCalls: TopLevelCall[];
  figures: PeakFigure[];
  /** Ranked by attributed bytes; empty without a heap flame or sources. */
  hotLoops: HotLoopJson[];
  hotCallSites: HotCallSiteJson[];
  /** Allocated bytes no loop repeats (top-level statements, frames without a source). */
  outsideLoopsBytes: number;
}

/** The top-level fields `report --json` gains: `findings`, `filePeaks`, `runs`, and the notes that say what the numbers mean. */
export interface AnalysisJson {
  findings: FindingJson[];
  filePeaks: (FilePeak & { packageId: string })[];
  runs: RunJson[];
  notes: string[];
}

const HOT_LOOPS_PER_RUN = 5;
/** A loop or call site with less than this share of the run's bytes is not listed. */
const LISTED_SHARE = 0.001;

function spanOrNull(span: Span | null): string | null {
  return span ? spanLabel(span) : null;
}

/**
 * Everything the analysis adds to a report, from the parsed files and the Starlark sources found
 * under the same paths.
 *
 * @example analyseReport(parsedFilesUnder('samples'), sourcesUnder('samples')).findings[0]
 *   // → { cause: 'loop-invariant-call', function: 'defs.bzl.cxx_libraries', file: 'defs.bzl', span: '20:9-58', … }
 */
export function analyseReport(
  files: readonly ParsedFile[],
  sources: readonly { path: string; text: string }[],
  limit = DEFAULT_PEAK_LIMIT,
): AnalysisJson {
  const logs = files.flatMap((f) => (f.profile?.format === 'event-log' ? [f.profile] : []));
  const filePeaks = computeFilePeaks(logs, limit);
  const findings: FindingJson[] = [];
  const runs: RunJson[] = [];
  const unreadable = new Map<string, string>();
  for (const run of groupRuns(groupIntoSets(files), sources)) {
    for (const s of run.input.sources) if (s.unreadable !== undefined) unreadable.set(s.path, s.unreadable);
    const { input } = run;
    const { findings: found, attribution } = analyseRun(input);
    for (const f of found) {
      findings.push({
        ...f,
        span: spanLabel(f.span),
        functionSpan: spanOrNull(f.functionSpan),
        loopSpan: spanOrNull(f.loopSpan),
        run: run.name,
      });
    }
    if (!input.heapFlame && !input.summary && !input.statement) continue;
    const estimate = estimatePeak({
      heapFlame: input.heapFlame,
      summary: input.summary,
      targetIds: run.targetIds,
      filePeaks,
      runName: run.name,
    });
    runs.push({
      name: run.name,
      sources: input.sources.map((s) => s.path),
      topLevelCalls: estimate.topLevelCalls,
      figures: estimate.figures,
      ...hotPlaces(attribution),
    });
  }
  return {
    findings,
    filePeaks: filePeaks.map(({ moduleId, ...p }) => ({ moduleId, packageId: packageOf(moduleId), ...p })),
    runs,
    notes: [
      ...[...unreadable].map(([path, why]) => `${path} could not be indexed (${why}): its lines get no bytes.`),
      ...HONEST_NOTES,
    ],
  };
}

/** The attribution's loops and call sites as `report --json` prints them, the negligible ones left out. */
function hotPlaces(attribution: Attribution): Pick<RunJson, 'hotLoops' | 'hotCallSites' | 'outsideLoopsBytes'> {
  const listed = (bytes: number) => bytes > 0 && bytes >= attribution.totalBytes * LISTED_SHARE;
  const round = Math.round;
  const loopAt = (at: { source: number; loop: number } | null) => {
    const loop = at && attribution.loops.find((l) => l.source === at.source && l.loop === at.loop);
    return loop ? `${loop.file}:${spanLabel(loop.span)}` : null;
  };
  return {
    hotLoops: attribution.loops
      .filter((l) => listed(l.bytes))
      .slice(0, HOT_LOOPS_PER_RUN)
      .map((l) => ({
        function: l.function,
        file: l.file,
        span: spanLabel(l.span),
        bytes: round(l.bytes),
        frames: l.frames,
        kind: l.kind,
        header: l.header,
        throughBytes: round(l.throughBytes),
      })),
    hotCallSites: attribution.callSites
      .filter((c) => listed(c.bytes))
      .slice(0, HOT_LOOPS_PER_RUN)
      .map((c) => ({
        function: c.function,
        file: c.file,
        span: spanLabel(c.span),
        callee: c.callee,
        bytes: round(c.bytes),
        loop: loopAt(c.reachedLoop),
      })),
    outsideLoopsBytes: round(attribution.outsideLoopsBytes),
  };
}
