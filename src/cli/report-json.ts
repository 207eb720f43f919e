// The `peakscope report --json` document: a stable contract others script against.
// Shape: { inputs: [{ path, format, totals, topFunctions, diagnostics, peaks?, truncated?, error? }] };
// a cut-short file's warning is in both `diagnostics` and `truncated`.
import {
  companionFlame,
  computeTopFunctions,
  computeTotals,
  eventLogPeaks,
  type PeakEntry,
  type TopFunction,
  type Totals,
} from '../analysis/totals.ts';
import type { FormatName, ParsedFile } from '../model/profile.ts';
import type { ProfileSet } from '../model/profile-set.ts';

/** How many functions `topFunctions` lists per input. */
export const JSON_TOP_FUNCTIONS = 20;

export interface LineMessage {
  line: number;
  message: string;
}

export interface InputReport {
  path: string;
  format: FormatName;
  totals: Totals;
  /** Heap flames and heap summaries (by AllocBytes); empty for other formats. */
  topFunctions: TopFunction[];
  diagnostics: LineMessage[];
  /** Event logs only: every ended Load span, in log order. */
  peaks?: PeakEntry[];
  truncated?: LineMessage;
  error?: LineMessage;
}

export interface ReportJson {
  inputs: InputReport[];
  // A top-level `findings` array (advisor results) is added here later by an analysis function.
}

/** The format a file was taken for: its profile's, else the one detection chose before it broke. */
export function reportedFormat(file: ParsedFile): FormatName {
  return file.profile?.format ?? file.detectedFormat ?? 'unknown';
}

function topFunctionsOf(set: ProfileSet, file: ParsedFile): TopFunction[] {
  const p = file.profile;
  if (!p) return [];
  const flame = p.format === 'heap-summary' ? companionFlame(set, file, p) : null;
  return computeTopFunctions(p, JSON_TOP_FUNCTIONS, flame);
}

function inputReport(set: ProfileSet, file: ParsedFile): InputReport {
  const p = file.profile;
  return {
    path: file.path,
    format: reportedFormat(file),
    totals: p ? computeTotals(p) : {},
    topFunctions: topFunctionsOf(set, file),
    diagnostics: diagnosticsOf(file),
    ...(p?.format === 'event-log' ? { peaks: eventLogPeaks(p) } : {}),
    ...(file.truncated ? { truncated: { line: file.truncated.line, message: file.truncated.message } } : {}),
    ...(file.error ? { error: { line: file.error.line, message: errorText(file) } } : {}),
  };
}

/**
 * Skipped lines and notes, then the cut-short warning (also in `truncated`): a script that
 * checks `diagnostics` alone must not take a cut file for a whole one.
 */
function diagnosticsOf(file: ParsedFile): LineMessage[] {
  const list = file.diagnostics.map((d) => ({ line: d.line, message: d.message }));
  if (file.truncated) list.push({ line: file.truncated.line, message: `cut short: ${file.truncated.message}` });
  return list;
}

/** The error message with the offending text, which the report has no other field for. */
function errorText(file: ParsedFile): string {
  const e = file.error!;
  return e.text ? `${e.message}: "${e.text}"` : e.message;
}

/** One set's inputs, in file order, beside the parsed files they describe (`inputs[i]` ↔ `files[i]`). */
export interface SetReport {
  name: string;
  files: ParsedFile[];
  inputs: InputReport[];
}

/** The per-file entries of each set, in file order: what both the JSON and the text report are made from. */
export function buildSetReports(sets: readonly ProfileSet[]): SetReport[] {
  return sets.map((set) => ({
    name: set.name,
    files: set.files,
    inputs: set.files.map((file) => inputReport(set, file)),
  }));
}

/** The whole JSON document, files in set order. */
export function buildReportJson(setReports: readonly SetReport[]): ReportJson {
  return { inputs: setReports.flatMap((s) => s.inputs) };
}
