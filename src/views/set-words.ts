// Files and sets in words for the side list: what each file is, what went wrong where, and
// which profiler modes are missing with the exact command that produces them.
import { computeTotals } from '../analysis/totals.ts';
import type { FormatName, ParsedFile } from '../model/profile.ts';
import { modeOfPath, type ProfileMode } from '../model/profile-set.ts';
import { formatBytes, formatNumber } from '../model/units.ts';
import { loadingCommand } from '../analysis/peaks.ts';

const FORMAT_WORDS: Record<FormatName, string> = {
  'heap-summary': 'heap summary CSV (per function)',
  'heap-flame': 'heap flame (bytes per stack and type)',
  'time-flame': 'time flame (ms per stack)',
  statement: 'statement CSV (time per statement)',
  coverage: 'coverage (statements that ran)',
  typecheck: 'typecheck CSV',
  bytecode: 'bytecode CSV',
  'bytecode-pairs': 'bytecode pairs CSV',
  'event-log': 'buck2 event log',
  targets: 'targets.txt (what was profiled)',
  'flame-svg': 'flame SVG (inferno)',
  pprof: 'pprof profile (Bazel, starlark-go or Go)',
  empty: 'empty',
  unknown: 'not a known profile',
};

export interface FileWords {
  what: string;
  /** The file's key figures, exactly as `peakscope report --json` gives them, or ''. */
  totals: string;
  /** The error that stopped the parse, with file and line. */
  problem: string | null;
  /** Truncation and skipped lines, each a sentence. */
  warnings: string[];
}

/** `flame.src`: heap flame (bytes per stack and type), 1.2 KiB, gzip. */
export function describeFile(file: ParsedFile): FileWords {
  const format = file.profile?.format ?? 'unknown';
  let what = FORMAT_WORDS[format];
  if (file.profile?.format === 'empty')
    what =
      file.profile.reason === 'flame-placeholder'
        ? 'empty flame (Buck2 wrote its `empty 1` placeholder)'
        : 'empty file';
  const mode = modeOfPath(file.path);
  const parts = [what, formatBytes(file.size)];
  if (file.compression) parts.push(file.compression);
  if (mode) parts.push(`--mode ${mode}`);
  const e = file.error;
  const problem = e
    ? `${e.file}${e.line > 0 ? ` line ${e.line}` : ''}: ${e.message}${e.text ? ` — found "${e.text}"` : ''}`
    : null;
  const warnings = file.diagnostics.map((d) => `${file.path}: ${d.message}`);
  if (file.truncated) warnings.unshift(`${file.path}: truncated — ${file.truncated.message}`);
  return {
    what: parts.join(', '),
    totals: file.profile ? totalsInWords(computeTotals(file.profile)) : '',
    problem,
    warnings,
  };
}

const exact = (n: number) => formatNumber(n);

/**
 * `computeTotals` in words, every number exact so it can be checked against the report:
 * `{ bytes: 3032, stacks: 7 }` → `bytes 3,032 (2.96 KiB) · stacks 7`.
 */
export function totalsInWords(totals: object): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(totals)) {
    if (typeof value === 'number') {
      const human = /bytes/i.test(key) ? ` (${formatBytes(value)})` : '';
      parts.push(`${wordsOf(key)} ${Number.isInteger(value) ? exact(value) : String(value)}${human}`);
    } else if (typeof value === 'string') parts.push(`${wordsOf(key)} ${value}`);
  }
  return parts.join(' · ');
}

/** `maxPeakBytes` → `max peak bytes`. */
function wordsOf(key: string): string {
  return key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
}

export interface MissingMode {
  mode: ProfileMode;
  why: string;
  command: string;
}

/** `load/root//foo/bar` (targets.txt) → `root//foo/bar:`; null when unknown. */
export function packagePattern(files: readonly ParsedFile[]): string | null {
  for (const f of files) {
    if (f.profile?.format !== 'targets') continue;
    for (const id of f.profile.ids) {
      const m = /^load[/:](.+)$/.exec(id);
      if (m) return `${m[1]!.replace(/:[^/]*$/, '')}:`;
    }
  }
  return null;
}

/** What `buck2 profile` writes; a set with none of these (event logs only) needs no modes. */
const PROFILER_FORMATS: readonly FormatName[] = [
  'heap-summary',
  'heap-flame',
  'time-flame',
  'statement',
  'coverage',
  'typecheck',
  'bytecode',
  'bytecode-pairs',
  'targets',
  'flame-svg',
];

/** Modes whose output would add something to this set, with the command that makes it. */
export function missingModes(setName: string, files: readonly ParsedFile[]): MissingMode[] {
  const has = (format: FormatName) => files.some((f) => f.profile?.format === format);
  if (!PROFILER_FORMATS.some(has)) return [];
  const pkg = packagePattern(files) ?? '//pkg:';
  const out = setName || 'out';
  const command = (mode: ProfileMode) => loadingCommand(mode, `${out}/${mode}`, pkg);
  const missing: { mode: ProfileMode; why: string }[] = [];
  const flame = has('heap-flame');
  const summary = has('heap-summary');
  if (!flame && !summary) missing.push({ mode: 'heap-allocated', why: 'bytes per stack and per function' });
  else if (!flame) missing.push({ mode: 'heap-flame-allocated', why: 'bytes per stack (the flamegraph)' });
  else if (!summary) missing.push({ mode: 'heap-summary-allocated', why: 'allocations and calls per function' });
  if (!has('statement')) missing.push({ mode: 'statement', why: 'time per statement (finds the loops)' });
  if (!has('time-flame')) missing.push({ mode: 'time-flame', why: 'time per stack' });
  return missing.map((m) => ({ ...m, command: command(m.mode) }));
}
