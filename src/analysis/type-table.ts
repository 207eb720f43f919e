// Bytes and counts per value type. Bytes exist only in the heap flame's type leaves, counts
// only in the summary CSV's per-type columns (docs/formats.md §2.1, §3): this joins the two.
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import type { HeapSummary } from '../model/profile.ts';
import type { Bytes, Count } from '../model/units.ts';

export interface TypeRow {
  type: string;
  /** Sum of this type's leaves in the flame (0 when only the summary names it). */
  bytes: Bytes;
  /** bytes ÷ all type-leaf bytes. */
  share: number;
  /** Values allocated, from the summary's TOTALS row; null without a summary. */
  count: Count | null;
  /** bytes ÷ count, when both exist and count > 0. */
  bytesPerValue: number | null;
  /** The frame that allocated the most bytes of this type directly; '' = top level. */
  topFunction: string;
  topFunctionBytes: Bytes;
  /** Distinct stacks (type leaves) that allocated this type. */
  stacks: Count;
}

export interface TypeTable {
  rows: TypeRow[];
  totalBytes: Bytes;
  /** The summary's TOTALS Allocs, which leaves out root-level allocations (§2.2); null without one. */
  totalCount: Count | null;
}

interface Accumulator {
  bytes: number;
  stacks: number;
  byFunction: Map<number, number>;
}

/**
 * One row per value type, heaviest first (then by name), from a heap flame and optionally
 * the heap summary of the same run. A single pass over the tree, no recursion.
 *
 * @example for the upstream allocated goldens (flame lines `module;test.star.test;dict 192`,
 * `module;test.star.test;test.star.inner;dict 1760`, …; summary TOTALS dict column 244):
 *   computeTypeTable(flame.tree, summary).rows[0]
 *   // { type: 'dict', bytes: 1952, share: 0.6438, count: 244, bytesPerValue: 8,
 *   //   topFunction: 'test.star.inner', topFunctionBytes: 1760, stacks: 2 }
 */
export function computeTypeTable(tree: CallTree, summary: HeapSummary | null = null): TypeTable {
  const byType = new Map<number, Accumulator>();
  let totalBytes = 0;
  for (let i = 1; i < tree.name.length; i++) {
    if (tree.kind[i] !== NodeKind.Type) continue;
    const acc = byType.get(tree.name[i]!) ?? { bytes: 0, stacks: 0, byFunction: new Map<number, number>() };
    const parent = tree.parent[i]!;
    const caller = parent > 0 ? tree.name[parent]! : -1;
    acc.bytes += tree.total[i]!;
    acc.stacks++;
    acc.byFunction.set(caller, (acc.byFunction.get(caller) ?? 0) + tree.total[i]!);
    byType.set(tree.name[i]!, acc);
    totalBytes += tree.total[i]!;
  }
  const counts = new Map(summary?.typeNames.map((t, i) => [t, summary.totals.typeCounts[i] ?? 0]) ?? []);
  const countOf = (type: string) => (summary ? (counts.get(type) ?? 0) : null);
  const rows = [...byType].map(([nameId, acc]) => rowOf(tree, tree.names[nameId]!, acc, totalBytes, countOf));
  for (const type of counts.keys()) {
    if (!rows.some((r) => r.type === type))
      rows.push(rowOf(tree, type, { bytes: 0, stacks: 0, byFunction: new Map() }, totalBytes, countOf));
  }
  rows.sort(
    (a, b) => b.bytes - a.bytes || (b.count ?? 0) - (a.count ?? 0) || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0),
  );
  return { rows, totalBytes, totalCount: summary ? summary.totals.allocs : null };
}

function rowOf(
  tree: CallTree,
  type: string,
  acc: Accumulator,
  totalBytes: number,
  countOf: (type: string) => Count | null,
): TypeRow {
  let top = -1;
  let topBytes = -1;
  for (const [nameId, bytes] of acc.byFunction) {
    if (bytes > topBytes || (bytes === topBytes && nameId < top)) [top, topBytes] = [nameId, bytes];
  }
  const count = countOf(type);
  return {
    type,
    bytes: acc.bytes,
    share: totalBytes > 0 ? acc.bytes / totalBytes : 0,
    count,
    bytesPerValue: count ? acc.bytes / count : null,
    topFunction: top < 0 ? '' : tree.names[top]!,
    topFunctionBytes: Math.max(0, topBytes),
    stacks: acc.stacks,
  };
}
