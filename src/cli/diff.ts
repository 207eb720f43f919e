// `peakscope diff [--json] [--fail-on-increase PCT] BASE TARGET`: compares two profiles (files
// or directories) and gates CI on memory growth.
import { compareSets, hasAnything, type SetComparison } from '../analysis/diff-sets.ts';
import { DiffError, type Delta } from '../analysis/diff.ts';
import type { ProfileSet } from '../model/profile-set.ts';
import { formatBytes } from '../model/units.ts';
import { jsonText, CliError, type CliIO, type Command } from './command.ts';
import { renderDiffText } from './diff-text.ts';
import { loadPaths, type LoadedArgument } from './load-paths.ts';
import { didYouMean } from './suggest.ts';

export const DIFF_USAGE = `Usage: peakscope diff [--json] [--fail-on-increase PCT] BASE TARGET

Compares two profiles: files, or directories such as two \`buck2 profile -o\` outputs or two
folders of event logs. Profiles of the same kind are paired (the same relative path first):
heap flames, time flames, heap summary CSVs, statement CSVs and event logs.

Options:
  --json                  print {"totals", "functions", "types", "peaks"} in bytes; deltas are
                          target - base, negative when memory went down
  --fail-on-increase PCT  exit 1 when the total or a per-file peak grew by more than PCT percent
  -h, --help              this text

Exit codes: 0 compared (and within budget); 1 --fail-on-increase exceeded; 2 bad input.
`;

const DIFF_OPTIONS = ['--json', '--fail-on-increase', '--help'];

export interface DiffOptions {
  json: boolean;
  /** Exit 1 when the total or a per-file peak grew by more than this many percent. */
  failOnIncrease: number | null;
  base: string;
  target: string;
}

/** Parses the arguments after `diff`; a string is the one-line reason they are wrong. */
export function parseDiffArgs(argv: readonly string[]): DiffOptions | 'help' | string {
  const paths: string[] = [];
  let json = false;
  let failOnIncrease: number | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg === '--json') json = true;
    else if (arg === '--fail-on-increase' || arg.startsWith('--fail-on-increase=')) {
      const text = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++i];
      const pct = Number(text?.replace(/%$/, ''));
      if (text === undefined || text.trim() === '' || !Number.isFinite(pct) || pct < 0) {
        return `--fail-on-increase needs a percentage such as 5 or 0.5, got ${JSON.stringify(text ?? '')}`;
      }
      failOnIncrease = pct;
    } else if (arg.startsWith('--') && arg !== '--')
      return `unknown option ${JSON.stringify(arg)}${didYouMean(arg, DIFF_OPTIONS)}`;
    else if (arg !== '--') paths.push(arg);
  }
  if (paths.length !== 2) return `expected BASE and TARGET, got ${paths.length} path(s)`;
  return { json, failOnIncrease, base: paths[0]!, target: paths[1]! };
}

/** One row of `--json`: a figure in bytes on both sides (null where a side has none). */
export interface BytesRow {
  baseBytes: number | null;
  targetBytes: number | null;
  deltaBytes: number | null;
}

/** The `--json` contract of issue 7. `deltaBytes` is negative when memory went down. */
export interface DiffJson {
  totals: BytesRow;
  functions: ({ name: string } & BytesRow)[];
  types: ({ name: string } & BytesRow)[];
  peaks: ({ file: string } & BytesRow)[];
}

function bytesRow(d: Delta): { name: string } & BytesRow {
  return { name: d.name, baseBytes: d.base, targetBytes: d.target, deltaBytes: d.delta };
}

/**
 * The JSON report. Functions and types come from the heap flames (total bytes per function,
 * bytes per type leaf); without heap flames, functions come from the heap summary CSVs (self
 * bytes, the only bytes they hold) and types stay empty (the CSV counts values, not bytes).
 * Totals: heap flame, else heap summary TOTALS, else the sum of the peaks known on both sides.
 */
export function diffJson(c: SetComparison): DiffJson {
  const summaryInBytes = c.summary?.measures === 'bytes';
  const functions = c.heapFlame?.functions ?? (summaryInBytes ? c.summary!.functions : []);
  const peaks = (c.peaks ?? []).map((p) => ({
    file: p.file,
    baseBytes: p.basePeak,
    targetBytes: p.targetPeak,
    deltaBytes: p.delta,
  }));
  return {
    totals: totalsOf(c, summaryInBytes, peaks),
    functions: functions.map(bytesRow),
    types: (c.heapFlame?.types ?? []).map(bytesRow),
    peaks,
  };
}

function totalsOf(c: SetComparison, summaryInBytes: boolean, peaks: DiffJson['peaks']): BytesRow {
  if (c.heapFlame) return strip(bytesRow({ name: '', ...totalOfTree(c) }));
  if (c.summary && summaryInBytes) return strip(bytesRow(c.summary.totals));
  const known = peaks.filter((p) => p.deltaBytes !== null);
  const sum = (pick: (p: (typeof known)[number]) => number | null) => known.reduce((s, p) => s + (pick(p) ?? 0), 0);
  return {
    baseBytes: sum((p) => p.baseBytes),
    targetBytes: sum((p) => p.targetBytes),
    deltaBytes: sum((p) => p.deltaBytes),
  };
}

function totalOfTree(c: SetComparison): Omit<Delta, 'name'> {
  const base = c.heapFlame!.diff.base.total[0]!;
  const target = c.heapFlame!.diff.target.total[0]!;
  return { base, target, delta: target - base };
}

function strip({ baseBytes, targetBytes, deltaBytes }: BytesRow): BytesRow {
  return { baseBytes, targetBytes, deltaBytes };
}

/** Growth of more than `pct` percent. Growth from 0 bytes to anything counts as infinite. */
function grewBeyond(row: BytesRow, pct: number): boolean {
  if (row.baseBytes === null || row.targetBytes === null || row.targetBytes <= row.baseBytes) return false;
  if (row.baseBytes === 0) return true;
  return ((row.targetBytes - row.baseBytes) / row.baseBytes) * 100 > pct;
}

/**
 * Why CI should fail: the total or a per-file peak grew by more than `pct` percent, or a
 * file loaded in both logs now fails over the limit. Empty when nothing grew that much.
 */
export function increaseFailures(c: SetComparison, json: DiffJson, pct: number): string[] {
  const reasons: string[] = [];
  if (grewBeyond(json.totals, pct)) reasons.push(`total grew ${growthText(json.totals)}, more than ${pct}%`);
  for (const peak of json.peaks) {
    if (grewBeyond(peak, pct)) reasons.push(`peak of ${peak.file} grew ${growthText(peak)}, more than ${pct}%`);
  }
  for (const peak of c.peaks ?? []) {
    if (peak.nowOverLimit && peak.targetPeak === null) reasons.push(`${peak.file} now fails over the limit`);
  }
  return reasons;
}

function growthText(row: BytesRow): string {
  const pct = row.baseBytes ? `${(((row.targetBytes! - row.baseBytes) / row.baseBytes) * 100).toFixed(1)}%` : 'from 0';
  return `${formatBytes(row.baseBytes ?? 0)} → ${formatBytes(row.targetBytes ?? 0)} (+${pct})`;
}

/** Where the two sides come from: the CLI's path loader, or a test's stand-in. */
export type LoadSides = (base: string, target: string) => Promise<[ProfileSet, ProfileSet]>;

/** Both arguments through the shared path loader; paths inside a set are `ARG/relative`. */
export const loadSidesFromDisk: LoadSides = async (base, target) => {
  const [b, t] = await loadPaths([base, target]);
  const asSet = (loaded: LoadedArgument): ProfileSet => ({
    name: loaded.argument.replace(/\/+$/, ''),
    files: loaded.files,
  });
  return [asSet(b!), asSet(t!)];
};

/**
 * Runs the command: 0 compared (and within budget), 1 a budget exceeded, 2 bad input with a
 * one-line reason on stderr. Unexpected errors propagate to the dispatcher.
 */
export async function runDiff(argv: readonly string[], load: LoadSides, io: CliIO): Promise<number> {
  const options = parseDiffArgs(argv);
  if (options === 'help') {
    io.stdout(DIFF_USAGE);
    return 0;
  }
  if (typeof options === 'string') throw new CliError(`diff: ${options}; see 'peakscope diff --help'`);
  let comparison: SetComparison;
  try {
    comparison = compareSets(...(await load(options.base, options.target)));
  } catch (e) {
    throw e instanceof DiffError ? new CliError(`diff: ${e.message}`) : e;
  }
  const problem = !hasAnything(comparison)
    ? 'hold no profile of the same kind'
    : (options.json || options.failOnIncrease !== null) && !hasBytes(comparison)
      ? 'hold no memory profile of the same kind (heap flame, heap summary CSV or event log)'
      : null;
  if (problem) throw new CliError(`diff: "${options.base}" and "${options.target}" ${problem}${noteText(comparison)}`);
  const json = diffJson(comparison);
  const failures = options.failOnIncrease === null ? [] : increaseFailures(comparison, json, options.failOnIncrease);
  io.stdout(options.json ? jsonText(json) : renderDiffText(comparison, options));
  for (const reason of failures) io.stderr(`peakscope diff: ${reason}\n`);
  return failures.length > 0 ? 1 : 0;
}

/** The `diff` entry of the dispatch table. */
export const diffCommand: Command = {
  summary: 'compare two profiles or directories (functions, types, per-file peaks); --fail-on-increase for CI',
  usage: DIFF_USAGE,
  run: (args, io) => runDiff(args, loadSidesFromDisk, io),
};

function hasBytes(c: SetComparison): boolean {
  return c.heapFlame !== null || c.summary?.measures === 'bytes' || c.peaks !== null;
}

function noteText(c: SetComparison): string {
  return c.notes.length > 0 ? ` (${c.notes.join('; ')})` : '';
}
