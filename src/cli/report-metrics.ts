// The metrics each set of a report offers, the same list the app's Metric menu shows
// (analysis/metrics.ts): allocated and retained bytes, allocations (spread over stacks from the
// heap summary) and time, one entry per flame file, with each total in its unit.
import { METRIC_UNITS, setMetrics } from '../analysis/metrics.ts';
import { classifyRun } from '../analysis/run-roles.ts';
import type { ProfileSet } from '../model/profile-set.ts';
import type { MetricUnit } from '../model/units.ts';

export interface MetricJson {
  set: string;
  /** `bytes`, `retained`, `allocs`, `time`, with `-N` for the Nth file of one role. */
  key: string;
  label: string;
  unit: MetricUnit;
  /** The whole tree's weight; allocations can be fractional where spread over stacks. */
  total: number;
  /** True when some values were estimated (allocations of one function and type on several stacks). */
  estimated: boolean;
  file: string;
}

/** Every metric of every set, in set order. */
export function reportMetrics(sets: readonly ProfileSet[]): MetricJson[] {
  return sets.flatMap((set) =>
    setMetrics(classifyRun(set.files), set.name).map((m) => ({
      set: set.name,
      key: m.key,
      label: m.label,
      unit: METRIC_UNITS[m.metric],
      total: m.total[0] ?? 0,
      estimated: m.estimated,
      file: set.files[m.fileIndex]!.path,
    })),
  );
}
