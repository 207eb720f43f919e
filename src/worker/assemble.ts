// Turns the parsed files of one load into profile sets and derives, once per load and off
// the main thread, what the views need: the function table and one weight array per metric.
// Which file plays which role is decided by the run model (analysis/run-roles.ts) alone.
import { computeFunctionTable } from '../analysis/function-table.ts';
import { setMetrics } from '../analysis/metrics.ts';
import { classifyRun, firstOf, summaryFor, type RunRoles } from '../analysis/run-roles.ts';
import type { CallTree } from '../model/call-tree.ts';
import type { ParsedFile } from '../model/profile.ts';
import { groupIntoSets } from '../model/profile-set.ts';
import { PER_MILLISECOND } from '../model/units.ts';
import type { LoadedSetData } from './protocol.ts';

export { allocationWeights } from '../analysis/metrics.ts';

/**
 * The set's function table: from its first allocated flame joined with that flame's summary,
 * else a retained pprof profile (a set of Bazel profiles has no other), else its time flame (ms).
 */
function functionsOf(roles: RunRoles): LoadedSetData['functions'] {
  const flame = firstOf(roles, 'allocated-flame');
  if (flame)
    return {
      metric: 'bytes',
      fileIndex: flame.index,
      rows: computeFunctionTable(
        flame.profile.tree,
        summaryFor(roles, flame)?.profile ?? firstOf(roles, 'allocated-summary')?.profile ?? null,
      ),
    };
  const retained = roles['retained-flame'].find((f) => f.profile.format === 'pprof');
  if (retained)
    return { metric: 'retained', fileIndex: retained.index, rows: computeFunctionTable(retained.profile.tree) };
  const time = firstOf(roles, 'time-flame');
  if (!time) return null;
  const rows = computeFunctionTable(time.profile.tree).map((r) => ({
    ...r,
    self: toMilliseconds(r.self, time.profile.tree),
    total: toMilliseconds(r.total, time.profile.tree),
  }));
  return { metric: 'time', fileIndex: time.index, rows };
}

function toMilliseconds(value: number, tree: CallTree): number {
  return value / (PER_MILLISECOND[tree.unit] ?? 1);
}

/** Groups files into sets and derives each set's roles, table and metric weights. */
export function assembleSets(files: readonly ParsedFile[]): LoadedSetData[] {
  return groupIntoSets(files).map((set) => {
    const roles = classifyRun(set.files);
    return {
      name: set.name,
      files: set.files,
      roles,
      functions: functionsOf(roles),
      metrics: setMetrics(roles, set.name),
    };
  });
}
