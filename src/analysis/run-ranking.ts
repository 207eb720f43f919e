// Which run of a load matters most: ranked by files over the peak-memory limit, then the highest
// peak (measured in an event log, else the heap profile's estimate), then the largest
// allocation. The page opens on the first and lists them all in an overview.
import type { Bytes } from '../model/units.ts';
import type { PeakEstimate } from './peak-estimate.ts';
import { computeFilePeaks, DEFAULT_PEAK_LIMIT } from './peaks.ts';
import type { RunRoles } from './run-roles.ts';

/** What the ranking reads of a run (a loaded set with its roles and analysis). */
export interface RankedInput {
  roles: RunRoles;
  analysis?: { estimate: PeakEstimate | null } | undefined;
}

export interface RunRank {
  /** BUCK files whose load failed over the limit or whose peak exceeds it (event logs). */
  overLimit: number;
  /** The highest measured peak of its event logs, else the largest peak figure of its estimate. */
  peak: Bytes | null;
  /** Total allocated bytes: the allocated heap flame's total, else the summary's TOTALS. */
  allocated: Bytes | null;
}

/** The figures a run is ranked by. */
export function rankOf(run: RankedInput, limit: Bytes = DEFAULT_PEAK_LIMIT): RunRank {
  const logs = run.roles['event-log'].map((f) => f.profile);
  const peaks = logs.length > 0 ? computeFilePeaks(logs, limit) : [];
  const overLimit = peaks.filter((p) => p.overLimit || (p.peakBytes ?? p.reportedBytes ?? 0) > limit).length;
  const measured = peaks.map((p) => p.peakBytes ?? p.reportedBytes ?? 0);
  const estimated = run.analysis?.estimate?.figures.map((f) => f.bytes) ?? [];
  const peak = largest(measured) ?? largest(estimated);
  const flame = run.roles['allocated-flame'][0]?.profile.tree.total[0];
  const summary = run.roles['allocated-summary'][0]?.profile.totals.allocBytes;
  return { overLimit, peak, allocated: flame ?? summary ?? null };
}

/** Worst first: more files over the limit, then higher peak, then more allocated; ties keep load order. */
export function compareRanks(a: RunRank, b: RunRank): number {
  return b.overLimit - a.overLimit || (b.peak ?? -1) - (a.peak ?? -1) || (b.allocated ?? -1) - (a.allocated ?? -1);
}

/** Runs with their rank, worst first (a stable sort: equal runs keep their order). */
export function rankRuns<T extends RankedInput>(
  runs: readonly T[],
  limit: Bytes = DEFAULT_PEAK_LIMIT,
): { run: T; rank: RunRank }[] {
  return runs.map((run) => ({ run, rank: rankOf(run, limit) })).sort((a, b) => compareRanks(a.rank, b.rank));
}

/** The largest number, or null for none (a loop: event logs can hold hundreds of thousands). */
function largest(values: readonly number[]): number | null {
  let max: number | null = null;
  for (const v of values) if (max === null || v > max) max = v;
  return max;
}
