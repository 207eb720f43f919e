// The analysis half of `peakscope report`: advisor findings, per-file peaks from event logs, and
// per-run peak estimates with what kind of bound each figure is. JSON and human text.
import { advise, groupRuns, type Finding } from '../analysis/advisor.ts';
import { functionBytesOf } from '../analysis/function-table.ts';
import { findLoops } from '../analysis/loop-finder.ts';
import { DEFAULT_PEAK_LIMIT, HONEST_NOTES, computeFilePeaks, estimatePeak, packageOf, type FilePeak, type PeakFigure, type TopLevelCall } from '../analysis/peaks.ts';
import { spanLabel } from '../analysis/rules/context.ts';
import { groupIntoSets } from '../model/profile-set.ts';
import type { ParsedFile, Span } from '../model/profile.ts';
import { formatBytes } from '../model/units.ts';
import { printable } from './report-text.ts';

/** A finding as `report --json` prints it: spans in the statement profile's `L:C-C2` shape. */
export interface FindingJson extends Omit<Finding, 'span' | 'functionSpan' | 'loopSpan'> {
  span: string;
  functionSpan: string | null;
  loopSpan: string | null;
  /** The run (folder of mode folders) the finding comes from. */
  run: string;
}

export interface HotLoopJson {
  file: string;
  span: string;
  function: string | null;
  iterationsEstimate: number;
  functionBytes: number | null;
  basis: string[];
}

export interface RunJson {
  name: string;
  sources: string[];
  topLevelCalls: TopLevelCall[];
  figures: PeakFigure[];
  hotLoops: HotLoopJson[];
}

/** The top-level fields `report --json` gains: `findings`, `filePeaks`, `runs`, and the notes that say what the numbers mean. */
export interface AnalysisJson {
  findings: FindingJson[];
  filePeaks: (FilePeak & { packageId: string })[];
  runs: RunJson[];
  notes: string[];
}

const HOT_LOOPS_PER_RUN = 5;

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
export function analyseReport(files: readonly ParsedFile[], sources: readonly { path: string; text: string }[], limit = DEFAULT_PEAK_LIMIT): AnalysisJson {
  const logs = files.flatMap((f) => (f.profile?.format === 'event-log' ? [f.profile] : []));
  const filePeaks = computeFilePeaks(logs, limit);
  const findings: FindingJson[] = [];
  const runs: RunJson[] = [];
  for (const run of groupRuns(groupIntoSets(files), sources)) {
    const { input } = run;
    for (const f of advise(input)) {
      findings.push({ ...f, span: spanLabel(f.span), functionSpan: spanOrNull(f.functionSpan), loopSpan: spanOrNull(f.loopSpan), run: run.name });
    }
    if (!input.heapFlame && !input.summary && !input.statement) continue;
    const estimate = estimatePeak({ heapFlame: input.heapFlame, summary: input.summary, targetIds: run.targetIds, filePeaks, runName: run.name });
    const loops = input.statement ? findLoops(input.statement, input.sources, functionBytesOf(input.heapFlame, input.summary)) : [];
    runs.push({
      name: run.name, sources: input.sources.map((s) => s.path), topLevelCalls: estimate.topLevelCalls, figures: estimate.figures,
      hotLoops: loops.slice(0, HOT_LOOPS_PER_RUN).map((l) => ({
        file: l.file, span: spanLabel(l.span), function: l.functionName, iterationsEstimate: Math.round(l.iterationsEstimate * 10) / 10,
        functionBytes: l.functionBytes ? l.functionBytes.total ?? l.functionBytes.self : null, basis: l.basis,
      })),
    });
  }
  return { findings, filePeaks: filePeaks.map(({ moduleId, ...p }) => ({ moduleId, packageId: packageOf(moduleId), ...p })), runs, notes: [...HONEST_NOTES] };
}

function findingLines(f: FindingJson): string[] {
  return [
    `[${f.confidence}] ${f.cause}  ${printable(f.file)}:${f.span} in ${printable(f.function)} — ${formatBytes(f.bytes)}`,
    `    ${printable(f.message)}`,
    ...f.evidence.map((e) => `    · ${printable(e)}`),
    `    confidence: ${printable(f.confidenceReason)}`,
    `    guide: ${f.guide}`,
  ];
}

function runLines(run: RunJson): string[] {
  if (run.figures.length === 0) return [];
  const figures = run.figures.map((fig) => `    ${formatBytes(fig.bytes).padStart(10)}  ${fig.kind.padEnd(13)}  ${printable(fig.label)} (${printable(fig.explanation)})`);
  const calls = run.topLevelCalls.slice(0, 3).map((c) => `${printable(c.name)} ${formatBytes(c.bytes)}`).join(', ');
  return [`  ${printable(run.name) || '(loose files)'}`, ...figures, ...(calls ? [`    top-level calls by bytes: ${calls}`] : [])];
}

/** The human sections: findings with their evidence, then peak figures per run with the notes that qualify them. */
export function renderAnalysisText(analysis: AnalysisJson): string {
  const out: string[] = [];
  out.push(analysis.findings.length > 0 ? `Findings (${analysis.findings.length})` : 'Findings: none (rules need the .bzl/BUCK sources beside the profiles)');
  for (const f of analysis.findings) out.push(...findingLines(f), '');
  const runs = analysis.runs.flatMap(runLines);
  if (runs.length > 0) out.push('Peak estimates (what kind of bound each figure is)', ...runs, '', ...analysis.notes.map((n) => `  note: ${n}`));
  return `${out.join('\n')}\n`;
}
