// The pieces of the human `peakscope report` about one file: its format and key figures in binary
// units, its top functions, event-log peaks against each file's limit (Buck2's 2 GiB default
// unless its error states its own), its problems. report-layout.ts arranges them.
import { computeFilePeaks } from '../analysis/peaks.ts';
import type { TopFunction } from '../analysis/totals.ts';
import type { FormatName, ParsedFile } from '../model/profile.ts';
import { formatBytes, formatNumber, formatValue } from '../model/units.ts';
import type { InputReport } from './report-json.ts';
import { maxOf } from '../model/arrays.ts';
import { printable } from './command.ts';
import { middleTruncate } from './text-width.ts';

/** How many functions the human report lists per file. */
export const TEXT_TOP_FUNCTIONS = 5;

export { printable };

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatNumber(n)} ${n === 1 ? one : many}`;
}

type T = Record<string, unknown>;
const num = (t: T, key: string) => t[key] as number;

function heapSummaryLine(t: T): string {
  const bytes =
    t['allocBytes'] === null ? 'bytes not recorded (file older than 2022-10)' : formatBytes(num(t, 'allocBytes'));
  return `heap summary: ${bytes} in ${plural(num(t, 'allocs'), 'allocation')} by ${plural(num(t, 'functions'), 'function')}${unusedLine(t)}`;
}

function unusedLine(t: T): string {
  return t['unusedCapacityBytes'] != null ? `; unused capacity ${formatBytes(num(t, 'unusedCapacityBytes'))}` : '';
}

/** One line of key figures per format. */
const DESCRIBE: Record<FormatName, (t: T) => string> = {
  'heap-summary': heapSummaryLine,
  'heap-flame': (t) =>
    `heap flame: ${formatBytes(num(t, 'bytes'))} in ${plural(num(t, 'stacks'), 'stack')}${unusedLine(t)}`,
  'time-flame': (t) => `time flame: ${formatValue(num(t, 'milliseconds'), 'milliseconds')}`,
  statement: (t) =>
    `statement profile: ${formatValue(num(t, 'seconds'), 'seconds')} in ${plural(num(t, 'statements'), 'statement')} (count ${formatValue(num(t, 'count'), 'count')})`,
  coverage: (t) => `coverage: ${plural(num(t, 'spans'), 'statement span')}`,
  typecheck: (t) => `typecheck profile: ${formatValue(num(t, 'seconds'), 'seconds')}`,
  bytecode: (t) => `bytecode profile: ${plural(num(t, 'count'), 'instruction')} executed`,
  'bytecode-pairs': (t) =>
    `bytecode pairs: ${plural(num(t, 'pairs'), 'pair')} over ${plural(num(t, 'count'), 'instruction')}`,
  'event-log': describeEventLog,
  targets: (t) => `profiled targets list: ${plural(num(t, 'targets'), 'identifier')}`,
  'flame-svg': (t) =>
    `flame graph SVG${t['title'] ? `: "${printable(String(t['title']))}"` : ''} (its flame.src holds the data)`,
  pprof: describePprof,
  empty: () => 'empty: no data (an empty file or Buck2’s `empty 1` placeholder)',
  unknown: () => 'not a profile peakscope knows',
};

export function describeTotals(input: InputReport): string {
  if (input.error && input.format !== 'unknown') return `${input.format}: could not be read`;
  return DESCRIBE[input.format](input.totals as T);
}

/** `pprof (memory/bytes): 15.8 MiB, retained at dump, sampled (…); loading 0 B, analysis 15.8 MiB`. */
function describePprof(t: T): string {
  const unit = 'bytes' in t ? 'bytes' : 'milliseconds' in t ? 'milliseconds' : 'count';
  const value = (n: number) => formatValue(n, unit);
  const phases =
    t['loading'] !== undefined ? `; loading ${value(num(t, 'loading'))}, analysis ${value(num(t, 'analysis'))}` : '';
  return `pprof (${printable(String(t['sampleType']))}): ${value(num(t, unit))} in ${plural(num(t, 'samples'), 'sample')}, ${t['semantics']}${phases}`;
}

function describeEventLog(t: T): string {
  const max =
    t['maxPeakBytes'] === null
      ? 'no peak recorded'
      : `highest peak ${formatBytes(num(t, 'maxPeakBytes'))} (${printable(String(t['maxPeakFile']))})`;
  return `event log: ${plural(num(t, 'files'), 'BUCK file')} loaded, ${num(t, 'failed')} failed; ${max}`;
}

/** The top functions as a table; names longer than `nameWidth` are cut in the middle. */
export function functionLines(top: readonly TopFunction[], nameWidth = 72): string[] {
  if (top.length === 0) return [];
  const rows = top
    .slice(0, TEXT_TOP_FUNCTIONS)
    .map((f) => [
      formatBytes(f.selfBytes),
      f.totalBytes === null ? '—' : formatBytes(f.totalBytes),
      middleTruncate(printable(f.name), nameWidth),
    ]);
  return table(['self', 'total', 'function'], rows);
}

/** `75%`, `2.4%`, and `<0.1%` rather than a misleading `0%` for a small but real peak. */
function percentText(percent: number): string {
  if (percent > 0 && percent < 0.1) return '<0.1%';
  return `${percent.toFixed(1).replace(/\.0$/, '')}%`;
}

/** Peaks per BUCK file, highest first; a failed load sorts by the size its error reports. */
export function peakLines(file: ParsedFile, shown = Infinity): string[] {
  if (file.profile?.format !== 'event-log' || file.profile.loads.length === 0) return [];
  const peaks = computeFilePeaks([file.profile]);
  const rows = peaks.slice(0, shown).map((row) => {
    const shown = row.peakBytes ?? row.reportedBytes;
    const size =
      row.peakBytes !== null
        ? formatBytes(row.peakBytes)
        : shown !== null
          ? `failed, ~${formatBytes(shown)}`
          : 'failed';
    // Against the file's own limit when its error states one, else Buck2's 2 GiB default.
    const share =
      row.percentOfLimit === null ? '' : `${percentText(row.percentOfLimit)} of ${formatBytes(row.limitBytes)}`;
    const error = row.error === null ? '' : `: ${printable(row.error)}`;
    return [size, share, `${printable(row.moduleId)}${error}`];
  });
  const more = peaks.length - rows.length;
  return [
    ...table(['peak', 'of limit', 'BUCK file'], rows),
    ...(more > 0 ? [`… ${plural(more, 'more BUCK file')} (see --json)`] : []),
  ];
}

/** Right-aligned figures, a left-aligned last column. */
export function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) =>
    maxOf(
      rows.map((r) => r[i]!.length),
      h.length,
    ),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function problemLines(input: InputReport): string[] {
  // A cut-short warning is among the diagnostics (`! cut short: …`).
  const lines = input.diagnostics.map((d) => `! ${printable(d.message)}`);
  if (input.error) lines.push(`✗ line ${input.error.line}: ${printable(input.error.message)}`);
  return lines;
}
