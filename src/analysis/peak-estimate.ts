// The figures a loading profile allows for a BUCK file's peak, each labelled with the kind of
// bound it is (measured, upper bound, best estimate), and the sentences that say what they mean.
import { NodeKind, childrenOf, nodeName } from '../model/call-tree.ts';
import type { HeapFlame, HeapSummary } from '../model/profile.ts';
import type { Bytes } from '../model/units.ts';
import { matchFilePeaks, type FilePeak } from './peaks.ts';

/** What kind of number a figure is. */
export type BoundKind = 'measured' | 'upper-bound' | 'best-estimate';

export interface PeakFigure {
  label: string;
  bytes: Bytes;
  kind: BoundKind;
  /** Why it is that kind of bound, in one sentence. */
  explanation: string;
}

export interface TopLevelCall {
  /** Frame name (`defs.bzl.my_macro`), or `module` for what top-level statements allocate themselves. */
  name: string;
  bytes: Bytes;
  /** Share of everything the module allocated (0…1). */
  share: number;
}

export interface PeakEstimate {
  /** Children of `module` by bytes (heap flame only): the best estimate of what drove the peak. */
  topLevelCalls: TopLevelCall[];
  figures: PeakFigure[];
  /** Event-log rows of the BUCK files this profile covers. */
  measured: FilePeak[];
  /** The honest-semantics sentences to show wherever these numbers are shown. */
  notes: string[];
}

/** What the peak figures mean and do not mean, shown once wherever they are (report, viewer). */
export const HONEST_NOTES: readonly string[] = [
  'Heap profiles are recorded with garbage collection off: "allocated" counts every value ever allocated, garbage included, so it overstates the real peak.',
  'Starlark collects garbage only between top-level statements of a BUCK file: whatever one top-level statement (and every call it makes) allocates stays alive until that statement ends.',
  "The event log's peak is measured with GC on and counts Starlark arena bytes only; profile bytes also count memory values own outside the arena, so the two are close but not the same measure.",
];

/**
 * The figures a loading profile allows, each with its kind of bound: the ranking of top-level
 * calls, the total allocated (upper bound) and, when event logs cover the same BUCK files (joined
 * through `targets.txt` ids), the measured peak beside them.
 *
 * @example for upstream's heap flame golden:
 *   estimatePeak({ heapFlame }).topLevelCalls // → [{ name: 'test.star.test', bytes: 3008 }, { name: 'module', bytes: 16 }]
 */
export function estimatePeak(input: {
  heapFlame?: HeapFlame | null;
  summary?: HeapSummary | null;
  targetIds?: readonly string[];
  filePeaks?: readonly FilePeak[];
  /** The run's folder: joins by name when targets.txt does not name the logged package. */
  runName?: string;
}): PeakEstimate {
  const calls = input.heapFlame ? topLevelCalls(input.heapFlame) : [];
  const figures: PeakFigure[] = [];
  const total = input.heapFlame ? input.heapFlame.tree.total[0]! : (input.summary?.totals.allocBytes ?? null);
  if (calls[0]) {
    figures.push({
      label: `largest top-level call: ${calls[0].name}`,
      bytes: calls[0].bytes,
      kind: 'best-estimate',
      explanation:
        'nothing is collected inside one top-level call, so all it allocated was alive until it returned; calls of one function from several top-level statements are added together by the profiler',
    });
  }
  if (total !== null) {
    figures.push({
      label: 'total allocated',
      bytes: total,
      kind: 'upper-bound',
      explanation:
        "every allocation with GC off, garbage included: an upper bound of the values alive at once, in the profile's measure; the event-log peak counts arena bytes (chunk space included) and can come out a little higher",
    });
  }
  const measured = matchFilePeaks(input.filePeaks ?? [], input.targetIds ?? [], input.runName ?? '');
  for (const row of measured) {
    const bytes = row.peakBytes ?? row.reportedBytes;
    if (bytes === null) continue;
    figures.push({
      label: `event-log peak of ${row.moduleId}`,
      bytes,
      kind: 'measured',
      explanation:
        row.peakBytes === null
          ? "as rounded in Buck2's over-limit error"
          : 'starlark_peak_allocated_bytes, GC on, arena bytes only',
    });
  }
  return { topLevelCalls: calls, figures, measured, notes: [...HONEST_NOTES] };
}

/** Children of every `module` frame at the top of the tree, summed by name, largest first. */
function topLevelCalls(flame: HeapFlame): TopLevelCall[] {
  const tree = flame.tree;
  const bytes = new Map<string, number>();
  let moduleTotal = 0;
  for (const top of childrenOf(tree, 0)) {
    if (nodeName(tree, top) !== 'module' || tree.kind[top] !== NodeKind.Function) continue;
    moduleTotal += tree.total[top]!;
    for (const child of childrenOf(tree, top)) {
      const name = tree.kind[child] === NodeKind.Type ? 'module' : nodeName(tree, child);
      bytes.set(name, (bytes.get(name) ?? 0) + tree.total[child]!);
    }
  }
  return [...bytes]
    .map(([name, b]) => ({ name, bytes: b, share: moduleTotal > 0 ? b / moduleTotal : 0 }))
    .sort((a, b) => b.bytes - a.bytes || (a.name < b.name ? -1 : 1));
}
