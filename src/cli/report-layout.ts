// The human `peakscope report`, laid out for a terminal: a summary of every run first (worst
// first, one screen), then per run its findings or its hottest loops, its peak figures and its top
// functions once, then the notes that qualify the numbers. Whatever is folded away is counted and
// said; `--json` has everything.
import type { FindingJson, HotLoopJson, RunJson, AnalysisJson } from './report-analysis.ts';
import type { InputReport, SetReport } from './report-json.ts';
import { describeTotals, functionLines, peakLines, plural, printable, problemLines, table } from './report-text.ts';
import { fitToWidth, middleTruncate } from './text-width.ts';
import type { ParsedFile } from '../model/profile.ts';
import { formatBytes } from '../model/units.ts';
import { maxOf } from '../model/arrays.ts';

/** Runs listed in the summary before the rest are folded into one line. */
const SUMMARY_RUNS = 15;
/** Runs shown in detail when a report holds many; the others stay in the summary. */
const DETAILED_RUNS = 6;
/** Up to this many runs, each file's figures are listed; beyond it, a count per format. */
const FILE_DETAIL_RUNS = 2;
const HOT_LOOPS_SHOWN = 3;
const PROBLEMS_SHOWN = 8;
/** BUCK files listed per event log, highest peak first. */
const PEAKS_SHOWN = 8;

export interface LayoutOptions {
  width: number;
  skipped: readonly { path: string; reason: string }[];
}

/** One run (a folder of profiles) as the report sees it: its files, analysis and findings. */
interface RunView {
  name: string;
  inputs: InputReport[];
  sets: SetReport[];
  run: RunJson | null;
  findings: FindingJson[];
  /** What the summary ranks by: the measured peak, else the best estimate, else the highest event-log peak. */
  peakBytes: number | null;
}

function runViews(sets: readonly SetReport[], analysis: AnalysisJson): RunView[] {
  const byName = new Map<string, SetReport[]>();
  for (const set of sets) byName.set(set.name, [...(byName.get(set.name) ?? []), set]);
  return [...byName].map(([name, grouped]) => {
    const run = analysis.runs.find((r) => r.name === name) ?? null;
    const inputs = grouped.flatMap((s) => s.inputs);
    const figure = (kind: string) => run?.figures.find((f) => f.kind === kind)?.bytes;
    const logPeaks = inputs
      .map((i) => (i.totals as Record<string, unknown>)['maxPeakBytes'])
      .filter((b): b is number => typeof b === 'number');
    const peakBytes = figure('measured') ?? figure('best-estimate') ?? (logPeaks.length > 0 ? maxOf(logPeaks) : null);
    return { name, inputs, sets: grouped, run, findings: analysis.findings.filter((f) => f.run === name), peakBytes };
  });
}

/** Worst first: runs with findings, then by peak; runs with no memory figure keep their order, last. */
function rankRuns(runs: RunView[]): RunView[] {
  return runs
    .map((run, order) => ({ run, order }))
    .sort((a, b) => (b.run.peakBytes ?? -1) - (a.run.peakBytes ?? -1) || a.order - b.order)
    .map(({ run }) => run);
}

const runLabel = (name: string) => (name ? printable(name) : '(loose files)');

function summaryLines(runs: readonly RunView[], options: LayoutOptions): string[] {
  const files = runs.reduce((n, r) => n + r.inputs.length, 0);
  const findings = runs.reduce((n, r) => n + r.findings.length, 0);
  const skipped =
    options.skipped.length > 0 ? `; ${plural(options.skipped.length, 'file')} skipped (not profiles)` : '';
  const head = `peakscope report: ${plural(runs.length, 'run')}, ${plural(files, 'file')}, ${plural(findings, 'finding')}${skipped}`;
  const shown = runs.slice(0, SUMMARY_RUNS);
  const nameWidth = Math.max(10, options.width - 2 - 44);
  const rows = shown.map((r) => [
    r.peakBytes === null ? '—' : formatBytes(r.peakBytes),
    peakKind(r),
    String(r.inputs.length),
    String(r.findings.length),
    middleTruncate(runLabel(r.name), nameWidth),
  ]);
  const lines = [head, ...table(['peak', 'what', 'files', 'findings', 'run (worst first)'], rows).map((l) => `  ${l}`)];
  if (runs.length > shown.length)
    lines.push(`  … ${plural(runs.length - shown.length, 'more run')} with lower or no peak figures (see --json)`);
  const problems = problemCount(runs);
  if (problems > 0) lines.push(`  ${plural(problems, 'file')} with problems: listed under their run below`);
  return lines;
}

function peakKind(r: RunView): string {
  const kind = r.run?.figures.find((f) => f.bytes === r.peakBytes)?.kind;
  if (kind) return kind;
  return r.peakBytes === null ? '' : 'event log';
}

function problemCount(runs: readonly RunView[]): number {
  return runs.reduce(
    (n, r) => n + r.inputs.filter((i) => i.error || i.truncated || i.diagnostics.length > 0).length,
    0,
  );
}

/** `defs.bzl` → the source path that ends with it (the CLI argument plus its folders), when one does. */
function withDirectory(file: string, sources: readonly string[]): string {
  return sources.find((s) => s === file || s.endsWith(`/${file}`)) ?? file;
}

const lineOf = (span: string) => span.split(':')[0]!;

function findingLines(f: FindingJson, detailed: boolean): string[] {
  const where = `${printable(f.sourcePath ?? f.file)}:${lineOf(f.span)}`;
  const lines = [
    `    [${f.confidence}] ${f.cause} — ${formatBytes(f.bytes)} in ${printable(f.function)}`,
    `      at ${where}`,
    `      ${printable(f.message)}`,
  ];
  if (!detailed) return lines;
  return [
    ...lines,
    ...f.evidence.map((e) => `      · ${printable(e)}`),
    `      confidence: ${printable(f.confidenceReason)}`,
    ...guideLines(f.guide),
  ];
}

/** The guide's URL whole (a cut URL is useless): on one line when it fits, else page and section apart. */
function guideLines(url: string): string[] {
  const line = `      guide: ${url}`;
  const hash = url.indexOf('#');
  if (line.length <= 100 || hash < 0) return [line];
  return [`      guide: ${url.slice(0, hash)}`, `        section ${url.slice(hash)}`];
}

/** Without a finding: where the bytes went, the run's hottest loops by attributed bytes. */
function hotLoopLines(run: RunJson): string[] {
  const loops: HotLoopJson[] = run.hotLoops.slice(0, HOT_LOOPS_SHOWN);
  if (loops.length === 0) return [];
  const rows = loops.map((l) => {
    const via = l.frames.length > 1 ? ` (allocated in ${l.frames.slice(1).map(printable).join(' → ')})` : '';
    const where = `${printable(withDirectory(l.file, run.sources))}:${lineOf(l.span)} in ${printable(l.function)}`;
    return [formatBytes(l.bytes), `${where}: \`${printable(l.header)}\`${via}`];
  });
  const more = run.hotLoops.length - loops.length;
  return [
    '  findings: none (no rule of the guide fired); hot loops by attributed bytes:',
    ...table(['bytes', 'loop'], rows).map((l) => `    ${l}`),
    ...(more > 0 ? [`    … ${more} more (see --json)`] : []),
  ];
}

function figureLines(run: RunJson, detailed: boolean): string[] {
  return run.figures.flatMap((fig) => {
    const line = `  ${formatBytes(fig.bytes).padStart(9)}  ${fig.kind.padEnd(13)}  ${printable(fig.label)}`;
    return detailed ? [line, `${' '.repeat(28)}(${printable(fig.explanation)})`] : [line];
  });
}

function relative(input: { path: string }, runName: string): string {
  return printable(runName && input.path.startsWith(`${runName}/`) ? input.path.slice(runName.length + 1) : input.path);
}

/** Each distinct figure line once, with the files it describes (SVGs together: their flame.src has the data). */
function fileDetailLines(view: RunView): string[] {
  const groups = new Map<string, string[]>();
  for (const input of view.inputs) {
    const text =
      input.format === 'flame-svg' && !input.error
        ? 'flame graph SVGs (their flame.src files hold the data)'
        : describeTotals(input);
    groups.set(text, [...(groups.get(text) ?? []), relative(input, view.name)]);
  }
  return [...groups].map(
    ([text, paths]) => `    ${text} — ${paths.length > 2 ? `${paths.length} files` : paths.join(', ')}`,
  );
}

function fileCountLine(view: RunView): string {
  const counts = new Map<string, number>();
  for (const input of view.inputs) counts.set(input.format, (counts.get(input.format) ?? 0) + 1);
  return `  files: ${[...counts].map(([format, n]) => (n > 1 ? `${format} ×${n}` : format)).join(', ')}`;
}

/** The table of top functions once per run, from its allocated heap flame (else a heap summary). */
function topFunctionLines(view: RunView, nameWidth: number): string[] {
  const candidates = view.inputs.filter((i) => i.topFunctions.length > 0);
  const notRetained = candidates.filter((i) => !/-retained\//.test(i.path));
  const pick = notRetained.find((i) => i.format === 'heap-flame') ?? notRetained[0] ?? candidates[0];
  if (!pick) return [];
  return [
    `  top functions by bytes (${relative(pick, view.name)}):`,
    ...functionLines(pick.topFunctions, nameWidth).map((l) => `    ${l}`),
  ];
}

function eventLogLines(file: ParsedFile, runName: string): string[] {
  const lines = peakLines(file, PEAKS_SHOWN);
  if (lines.length === 0) return [];
  return [`  peaks per BUCK file (${relative(file, runName)}):`, ...lines.map((l) => `    ${l}`)];
}

function runProblemLines(view: RunView): string[] {
  const lines = view.inputs.flatMap((input) =>
    problemLines(input).map((l) => `  ${l.slice(0, 2)}${relative(input, view.name)}: ${l.slice(2)}`),
  );
  if (lines.length <= PROBLEMS_SHOWN) return lines;
  return [...lines.slice(0, PROBLEMS_SHOWN), `  … ${lines.length - PROBLEMS_SHOWN} more problems (see --json)`];
}

function runSection(view: RunView, detailed: boolean, width: number): string[] {
  const out = ['', `${runLabel(view.name)} (${plural(view.inputs.length, 'file')})`];
  if (view.run && view.run.figures.length > 0)
    out.push('  peak figures (what kind of bound each is):', ...figureLines(view.run, detailed));
  if (view.findings.length > 0)
    out.push(`  findings (${view.findings.length}):`, ...view.findings.flatMap((f) => findingLines(f, detailed)));
  else if (view.run) {
    const loops = hotLoopLines(view.run);
    out.push(
      ...(loops.length > 0
        ? loops
        : ['  findings: none (the rules need the .bzl/BUCK sources: give their folder too)']),
    );
  }
  out.push(...topFunctionLines(view, width - 4 - 22));
  for (const set of view.sets) for (const file of set.files) out.push(...eventLogLines(file, view.name));
  out.push(...(detailed ? ['  files:', ...fileDetailLines(view)] : [fileCountLine(view)]));
  out.push(...runProblemLines(view));
  return out;
}

function closingLines(
  shownRuns: readonly RunView[],
  runs: readonly RunView[],
  analysis: AnalysisJson,
  options: LayoutOptions,
): string[] {
  const out: string[] = [];
  const folded = runs.slice().filter((r) => !shownRuns.includes(r));
  const foldedFindings = folded.reduce((n, r) => n + r.findings.length, 0);
  if (folded.length > 0) {
    const findings = foldedFindings > 0 ? `, with ${plural(foldedFindings, 'more finding')},` : '';
    out.push(
      '',
      `${plural(folded.length, 'more run')}${findings} folded: only in the summary above (report one run's folder, or --json)`,
    );
  }
  if (runs.length > FILE_DETAIL_RUNS)
    out.push(
      `Per-file figures, evidence and explanations are folded with ${runs.length} runs: see one run's folder or --json.`,
    );
  if (options.skipped.length > 0) {
    const shown = options.skipped
      .slice(0, 3)
      .map((s) => printable(s.path))
      .join(', ');
    out.push(
      '',
      `Skipped ${plural(options.skipped.length, 'file')} that are not profiles (documentation, other languages' sources): ${shown}${options.skipped.length > 3 ? ', …' : ''}`,
    );
  }
  if (runs.some((r) => r.run)) out.push('', ...analysis.notes.map((n) => `note: ${printable(n)}`));
  return out;
}

/** The whole human report, every line within `options.width` columns. */
export function renderReport(sets: readonly SetReport[], analysis: AnalysisJson, options: LayoutOptions): string {
  const runs = rankRuns(runViews(sets, analysis));
  const detailed = runs.length <= FILE_DETAIL_RUNS;
  // With many runs, the worst runs with findings come first in detail, then the worst of the rest.
  const detailedRuns = [
    ...runs.filter((r) => r.findings.length > 0),
    ...runs.filter((r) => r.findings.length === 0),
  ].slice(0, DETAILED_RUNS);
  const shown = runs.filter((r) => detailedRuns.includes(r));
  const out = [
    ...summaryLines(runs, options),
    ...shown.flatMap((r) => runSection(r, detailed, options.width)),
    ...closingLines(shown, runs, analysis, options),
  ];
  return `${fitToWidth(out.join('\n'), options.width)}\n`;
}
