// `peakscope report [--json] [--max-peak SIZE] PATH...`: parse every file under the paths,
// print the figures, and exit 0 (fine), 1 (an event-log peak over --max-peak) or 2 (an input
// could not be read or holds no profile).
import { parseArgs } from 'node:util';
import type { FilePeak } from '../analysis/peaks.ts';
import { groupIntoSets } from '../model/profile-set.ts';
import { formatBytes, parseSize, type Bytes } from '../model/units.ts';
import { jsonText, CliError, type CliIO, type Command } from './command.ts';
import { loadPaths, type LoadedArgument, type Unreadable } from './load-paths.ts';
import { analyseReport } from './report-analysis.ts';
import { buildReportJson, buildSetReports } from './report-json.ts';
import { renderReport } from './report-layout.ts';
import { printable } from './report-text.ts';
import { didYouMean, unknownOption } from './suggest.ts';
import { REPORT_COLUMNS } from './text-width.ts';
import { reportMetrics } from './report-metrics.ts';

const USAGE = `Usage: peakscope report [--json] [--wide] [--max-peak SIZE] PATH...

Summarises every profile file under the PATHs (files or directories, read recursively): first
every run (folder of profiles) worst first, then per run its findings from the advisor (when the
.bzl/BUCK sources are under the PATHs too) or its hottest loops, its peak figures, its top
functions by bytes and event-log peaks per BUCK file.
--json also lists every metric of each set (allocated and retained bytes, allocations, time)
with its total.

Options:
  --json            print the report as JSON (a stable format for scripts; nothing folded)
  --wide            do not fit the text into 100 columns
  --max-peak SIZE   exit 1 when an event-log peak exceeds SIZE (e.g. 1.5GiB, 800MiB)
  -h, --help        show this help

Exit codes: 0 fine, 1 a --max-peak budget is exceeded, 2 an input could not be read or holds no profile.
`;

const REPORT_OPTIONS = ['--json', '--wide', '--max-peak', '--help', '-h'];

interface ReportOptions {
  json: boolean;
  wide: boolean;
  maxPeak: Bytes | null;
  paths: string[];
  help: boolean;
}

function parseReportArgs(args: string[]): ReportOptions {
  const unknown = unknownOption(args, REPORT_OPTIONS);
  if (unknown)
    throw new CliError(
      `unknown option "${unknown}"${didYouMean(unknown, REPORT_OPTIONS)}; see 'peakscope report --help'`,
    );
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        wide: { type: 'boolean' },
        'max-peak': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new CliError(`${e instanceof Error ? e.message : String(e)}; see 'peakscope report --help'`);
  }
  const { values, positionals } = parsed;
  const sizeText = values['max-peak'];
  const maxPeak = sizeText === undefined ? null : parseSize(sizeText);
  if (sizeText !== undefined && maxPeak === null)
    throw new CliError(`--max-peak "${sizeText}" is not a size such as 1.5GiB or 800MiB`);
  if (!values.help && positionals.length === 0) throw new CliError("no PATH given; see 'peakscope report --help'");
  return {
    json: values.json ?? false,
    wide: values.wide ?? false,
    maxPeak,
    paths: positionals,
    help: values.help ?? false,
  };
}

function unreadableText(unreadable: readonly Unreadable[]): string {
  if (unreadable.length === 0) return '';
  const shown = unreadable
    .slice(0, 3)
    .map((u) => `${printable(u.path)} (${printable(u.reason)})`)
    .join(', ');
  return `\nCould not read ${unreadable.length} entr${unreadable.length === 1 ? 'y' : 'ies'} of the folders given (left out): ${shown}${unreadable.length > 3 ? ', …' : ''}\n`;
}

/** Why an argument makes the exit code 2, or null: a broken profile, or no profile at all. */
function argumentProblem(loaded: LoadedArgument): string | null {
  if (loaded.files.length === 0 && loaded.sources.length > 0) return null; // a folder of .bzl/BUCK sources
  if (loaded.files.length === 0)
    return `"${loaded.argument}" holds no profile: only files that are not profiles (${loaded.skipped[0]?.reason ?? 'none'})`;
  const broken = loaded.files.find((f) => f.error && f.detectedFormat);
  if (broken) {
    return `"${broken.path}" (${broken.detectedFormat}) could not be read: line ${broken.error!.line}: ${broken.error!.message}`;
  }
  if (loaded.files.some((f) => f.profile && f.profile.format !== 'empty')) return null;
  const first = loaded.files[0]!;
  const why = first.error ? first.error.message : 'it holds no data';
  return loaded.files.length === 1
    ? `"${first.path}" is no profile: ${why}`
    : `"${loaded.argument}" holds no profile: none of its ${loaded.files.length} files is one (first, "${first.path}": ${why})`;
}

/** BUCK files whose peak (or, for a failed load, the size its limit error reports) exceeds the budget. */
function overBudget(filePeaks: readonly FilePeak[], budget: Bytes): FilePeak[] {
  return filePeaks.filter((row) => (row.peakBytes ?? row.reportedBytes ?? 0) > budget);
}

function budgetLine(over: readonly FilePeak[], budget: Bytes): string {
  const files = over.map((o) =>
    o.peakBytes !== null
      ? `${printable(o.moduleId)} ${formatBytes(o.peakBytes)}`
      : `${printable(o.moduleId)} failed at about ${formatBytes(o.reportedBytes!)}`,
  );
  return `peakscope: ${over.length} BUCK file${over.length === 1 ? '' : 's'} over --max-peak ${formatBytes(budget)}: ${files.join(', ')}\n`;
}

async function runReport(args: string[], io: CliIO): Promise<number> {
  const options = parseReportArgs(args);
  if (options.help) {
    io.stdout(USAGE);
    return 0;
  }
  const loaded = await loadPaths(options.paths);
  const files = loaded.flatMap((a) => a.files);
  const sets = groupIntoSets(files);
  const setReports = buildSetReports(sets);
  const analysis = analyseReport(
    files,
    loaded.flatMap((a) => a.sources),
  );
  const skipped = loaded.flatMap((a) => a.skipped);
  const unreadable = loaded.flatMap((a) => a.unreadable);
  io.stdout(
    options.json
      ? jsonText({ ...buildReportJson(setReports), ...analysis, metrics: reportMetrics(sets), skipped, unreadable })
      : `${renderReport(setReports, analysis, { width: options.wide ? Infinity : REPORT_COLUMNS, skipped })}${unreadableText(unreadable)}`,
  );
  const problems = loaded.map(argumentProblem).filter((p): p is string => p !== null);
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more inputs with problems)` : '';
    throw new CliError(`${printable(problems[0]!)}${more}`);
  }
  if (options.maxPeak === null) return 0;
  const over = overBudget(analysis.filePeaks, options.maxPeak);
  if (over.length === 0) return 0;
  io.stderr(budgetLine(over, options.maxPeak));
  return 1;
}

/** The `report` entry of the dispatch table. */
export const reportCommand: Command = {
  summary: 'summarise profiles and event logs (totals, top functions, per-file peaks); --json for scripts',
  usage: USAGE,
  run: runReport,
};
