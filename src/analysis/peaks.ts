// Per-file Starlark peaks from Buck2 event logs (docs/formats.md §10), the limits they are held
// against, and the `buck2 profile loading` commands that profile a file (peak-estimate.ts sets a
// profile's own figures beside them).
import type { EventLog, LoadRecord } from '../model/profile.ts';
import { parseSize, type Bytes } from '../model/units.ts';
import { shellCommand } from '../model/shell.ts';

/** Buck2's default per-file limit, `2 * (1 << 30)` (docs/formats.md §10.2). */
export const DEFAULT_PEAK_LIMIT: Bytes = 2 * 2 ** 30;

/** One BUCK file as the event logs saw it (the largest of its loads). */
export interface FilePeak {
  /** `root//foo/bar:BUCK`. Untrusted text. Its package (`root//foo/bar`) is `packageOf(moduleId)`. */
  moduleId: string;
  cell: string;
  /** Measured peak (arena bytes, GC on); null when the load failed. */
  peakBytes: Bytes | null;
  /** For failed loads over the limit: the peak Buck2's error message states (rounded by Buck2). */
  reportedBytes: Bytes | null;
  /** peakBytes (else reportedBytes) / limitBytes × 100. */
  percentOfLimit: number | null;
  targetCount: number | null;
  durationMicros: number | null;
  error: string | null;
  /** The load failed because the peak exceeded the limit (read from the error text). */
  overLimit: boolean;
  /** How many ended Load spans this row merges (the same file loaded in several logs). */
  loads: number;
  /**
   * The limit this file is judged by: the one its over-limit error states (a BUCK file may set its
   * own with `set_starlark_peak_allocated_byte_limit`), else the limit in force.
   */
  limitBytes: Bytes;
}

export interface LimitError {
  usedBytes: Bytes;
  limitBytes: Bytes;
}

/**
 * Reads Buck2's over-limit error text: `Starlark peak memory usage for F is 2.3 GiB which exceeds
 * the limit 2.0 GiB! …`. Sizes are Buck2's humanized ones (` 80MiB`, `4.0MiB`). Null otherwise.
 */
export function parseLimitError(error: string): LimitError | null {
  const usage = error.indexOf('Starlark peak memory usage for ');
  if (usage < 0) return null;
  const rest = error.slice(usage);
  const isAt = rest.indexOf(' is ');
  const exceeds = rest.indexOf(' which exceeds the limit ');
  const bang = rest.indexOf('!', exceeds);
  if (isAt < 0 || exceeds < isAt || bang < 0) return null;
  const used = parseSize(rest.slice(isAt + 4, exceeds).trim());
  const limit = parseSize(rest.slice(exceeds + ' which exceeds the limit '.length, bang).trim());
  return used !== null && limit !== null ? { usedBytes: used, limitBytes: limit } : null;
}

/** `root//foo/bar:BUCK` → `root//foo/bar` (the build file name is after the last `:`). */
export function packageOf(moduleId: string): string {
  const colon = moduleId.lastIndexOf(':');
  return colon > moduleId.indexOf('//') ? moduleId.slice(0, colon) : moduleId;
}

/**
 * `root//foo/bar` → `foo/bar`: a package's path inside its cell ('' for the cell root), as
 * folders and build-file paths name it. Text without a cell (`foo/bar`) is already a path.
 */
export function pathInCell(pkg: string): string {
  const at = pkg.indexOf('//');
  return at < 0 ? pkg : pkg.slice(at + 2);
}

/**
 * Every BUCK file evaluated in the given logs, one row per file (its largest load), sorted by
 * peak descending; failed loads stay in the table, flagged when their error says the limit was
 * exceeded, judged against the limit that error states, and sort by the size it reports.
 *
 * @example with a `buck2 log show` line whose Load end says
 *   {"module_id":"root//big:BUCK","starlark_peak_allocated_bytes":null,"error":"Starlark peak memory usage for root//big:BUCK is 2.3 GiB which exceeds the limit 2.0 GiB! …"}
 *   computeFilePeaks([log])[0] // → { moduleId: 'root//big:BUCK', peakBytes: null, reportedBytes: 2469606195, overLimit: true, percentOfLimit: 115 }
 */
export function computeFilePeaks(logs: readonly EventLog[], limit: Bytes = DEFAULT_PEAK_LIMIT): FilePeak[] {
  const byModule = new Map<string, FilePeak>();
  for (const log of logs) {
    // Indexed: a for-of over 264k loads allocated an iterator result per load on the page.
    for (let i = 0; i < log.loads.length; i++) {
      const row = toFilePeak(log.loads[i]!, limit);
      const seen = byModule.get(row.moduleId);
      if (!seen) byModule.set(row.moduleId, row);
      else byModule.set(row.moduleId, { ...(sortKey(row) > sortKey(seen) ? row : seen), loads: seen.loads + 1 });
    }
  }
  return [...byModule.values()].sort((a, b) => sortKey(b) - sortKey(a) || (a.moduleId < b.moduleId ? -1 : 1));
}

function sortKey(row: FilePeak): number {
  return row.peakBytes ?? row.reportedBytes ?? -1;
}

function toFilePeak(load: LoadRecord, limitInForce: Bytes): FilePeak {
  const limitError = load.error ? parseLimitError(load.error) : null;
  const reported = load.peakBytes === null ? (limitError?.usedBytes ?? null) : null;
  const measured = load.peakBytes ?? reported;
  const limit = limitError?.limitBytes ?? limitInForce;
  return {
    moduleId: load.moduleId,
    cell: load.cell,
    peakBytes: load.peakBytes,
    reportedBytes: reported,
    percentOfLimit: measured === null ? null : (measured / limit) * 100,
    targetCount: load.targetCount,
    durationMicros: load.durationMicros,
    error: load.error,
    overLimit: limitError !== null || (load.peakBytes !== null && load.peakBytes > limit),
    loads: 1,
    limitBytes: limit,
  };
}

export interface HistogramBucket {
  /** Inclusive lower edge in bytes. */
  from: Bytes;
  /** Exclusive upper edge; Infinity for the last bucket. */
  to: Bytes;
  count: number;
  /** The bucket lies at or beyond the limit. */
  overLimit: boolean;
}

/**
 * Peaks binned on a power-of-two scale (peaks span KiB to GiB), from the smallest peak's power of
 * two up to the limit, plus one "at or over the limit" bucket. Files without a known size are left out.
 *
 * @example peakHistogram(rows, 2 GiB) → [{ from: 1 MiB, to: 2 MiB, count: 3 }, …, { from: 2 GiB, to: Infinity, count: 1, overLimit: true }]
 */
export function peakHistogram(
  rows: readonly FilePeak[],
  limit: Bytes = DEFAULT_PEAK_LIMIT,
  maxBuckets = 16,
): HistogramBucket[] {
  // Indexed loops and no per-row arrays or closures: this runs over every BUCK file of a big log
  // (264k in the 1 GB bench log) on the page, at load and at each limit change.
  let smallest = Infinity;
  for (let i = 0; i < rows.length; i++) {
    const size = sortKey(rows[i]!);
    if (size >= 0 && size < smallest) smallest = size;
  }
  if (smallest === Infinity) return [];
  smallest = Math.max(1, smallest);
  let step = 1;
  const from = 2 ** Math.floor(Math.log2(Math.min(smallest, limit / 2)));
  while (Math.log2(limit / from) / step > maxBuckets - 1) step++;
  const buckets: HistogramBucket[] = [];
  for (let lower = from; lower < limit; lower *= 2 ** step) {
    buckets.push({ from: lower, to: Math.min(lower * 2 ** step, limit), count: 0, overLimit: false });
  }
  buckets.push({ from: limit, to: Infinity, count: 0, overLimit: true });
  for (let i = 0; i < rows.length; i++) {
    const size = sortKey(rows[i]!);
    if (size < 0) continue;
    let b = 0;
    while (b < buckets.length && !(size >= buckets[b]!.from && size < buckets[b]!.to)) b++;
    buckets[b < buckets.length ? b : 0]!.count++;
  }
  return buckets;
}

/**
 * `buck2 profile loading --mode MODE -o DIR PATTERN`, each word shell-quoted: DIR and PATTERN
 * come from file, folder and module names. A pattern starting with `-` goes after `--`.
 */
export function loadingCommand(mode: string, dir: string, pattern: string): string {
  return shellCommand([
    'buck2',
    'profile',
    'loading',
    '--mode',
    mode,
    '-o',
    dir,
    ...(pattern.startsWith('-') ? ['--'] : []),
    pattern,
  ]);
}

export interface ProfileCommand {
  mode: string;
  command: string;
  why: string;
}

/**
 * The `buck2 profile loading` commands that profile one BUCK file, for the modes the viewer and
 * the advisor use. The target pattern is the file's package (`root//foo/bar:`).
 *
 * @example profileCommands('root//foo/bar:BUCK')[0].command
 *   // → 'buck2 profile loading --mode heap-allocated -o peakscope-profiles/foo-bar/heap-allocated root//foo/bar:'
 */
export function profileCommands(moduleId: string): ProfileCommand[] {
  const pattern = `${packageOf(moduleId)}:`;
  const dir = `peakscope-profiles/${pathInCell(packageOf(moduleId)).replace(/[^A-Za-z0-9._-]+/g, '-') || 'root'}`;
  const modes: [string, string][] = [
    ['heap-allocated', 'bytes per function and per stack (heap summary CSV + heap flame)'],
    ['statement', 'time and count per statement: finds the loops'],
    ['time-flame', 'time per stack'],
  ];
  return modes.map(([mode, why]) => ({ mode, why, command: loadingCommand(mode, `${dir}/${mode}`, pattern) }));
}

/** `load/root//pkg` (since 2025-10) or `loading:root//pkg` (2024-06…2025-10) → `root//pkg`. */
export function packageOfEvalId(id: string): string | null {
  if (id.startsWith('load/')) return id.slice('load/'.length);
  if (id.startsWith('loading:')) return id.slice('loading:'.length);
  return null;
}

/**
 * Event-log rows of the BUCK files a run profiled: by its targets.txt ids (`load/root//pkg` ↔
 * `root//pkg:BUCK`), else by name (a run folder ending in `pkg/path` ↔ `root//pkg/path:BUCK`).
 */
export function matchFilePeaks(rows: readonly FilePeak[], targetIds: readonly string[], runName: string): FilePeak[] {
  const packages = new Set(targetIds.map(packageOfEvalId).filter((p): p is string => p !== null));
  const byTargets = rows.filter((row) => packages.has(packageOf(row.moduleId)));
  if (byTargets.length > 0) return byTargets;
  const folder = `/${runName.replace(/\\/g, '/').replace(/\/+$/, '')}`;
  return rows.filter((row) => {
    const path = pathInCell(packageOf(row.moduleId));
    return path !== '' && folder.endsWith(`/${path}`);
  });
}
