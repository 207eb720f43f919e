// The advisor's findings and the attribution's hot loops as snapshot tables, so an HTML snapshot carries the
// answer (which statement, why, how sure) and not only the flamegraph. Text only.
import type { HotLoop } from '../analysis/attribution.ts';
import type { Finding } from '../analysis/rules/context.ts';
import { spanLabel } from '../model/profile.ts';
import { formatBytes } from '../model/units.ts';
import type { SnapshotTable } from './export-snapshot.ts';

/** The rules write code in Markdown backticks; a plain-text table shows the code without them. */
const plain = (text: string) => text.replace(/`([^`]*)`/g, '$1');

/** Findings in the advisor's order: where, what to change, how sure, and the evidence. */
export function findingsSnapshot(findings: readonly Finding[]): SnapshotTable {
  return {
    caption: `Findings (${findings.length})`,
    header: ['Cause', 'Confidence', 'Where', 'Bytes', 'What to change', 'Evidence'],
    numeric: [false, false, false, true, false, false],
    rows: findings.map((f) => [
      f.cause,
      `${f.confidence}: ${f.confidenceReason}`,
      `${f.file}:${spanLabel(f.span)} in ${f.function}`,
      formatBytes(f.bytes),
      plain(f.message),
      f.evidence.map(plain).join(' · '),
    ]),
  };
}

/** Loops by the bytes the stack-led attribution gives them (those whose innermost loop each is), the first `limit`. */
export function hotLoopsSnapshot(loops: readonly HotLoop[], limit = 20): SnapshotTable {
  const hottest = loops.slice(0, limit);
  return {
    caption:
      hottest.length < loops.length
        ? `Hot loops: ${hottest.length} of ${loops.length}, by attributed bytes`
        : `Hot loops (${loops.length}), by attributed bytes`,
    header: ['Where', 'Function', 'Loop', 'Bytes', 'Bytes while it ran', 'Allocated in'],
    numeric: [false, false, false, true, true, false],
    rows: hottest.map((l) => [
      `${l.file}:${spanLabel(l.span)} (${l.kind})`,
      l.function,
      l.header,
      formatBytes(l.bytes),
      formatBytes(l.throughBytes),
      l.frames.join(' → '),
    ]),
  };
}
