// The advisor's findings and the hot loops as snapshot tables, so an HTML snapshot carries the
// answer (which statement, why, how sure) and not only the flamegraph. Text only.
import type { FoundLoop } from '../analysis/loop-finder.ts';
import { spanLabel, type Finding } from '../analysis/rules/context.ts';
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
      f.cause, `${f.confidence}: ${f.confidenceReason}`, `${f.file}:${spanLabel(f.span)} in ${f.function}`,
      formatBytes(f.bytes), plain(f.message), f.evidence.map(plain).join(' · '),
    ]),
  };
}

/** Loops by statement time, the hottest first (at most `limit`). */
export function hotLoopsSnapshot(loops: readonly FoundLoop[], limit = 20): SnapshotTable {
  const hottest = [...loops].sort((a, b) => b.seconds - a.seconds).slice(0, limit);
  return {
    caption: hottest.length < loops.length ? `Hot loops: ${hottest.length} of ${loops.length}, by statement time` : `Hot loops (${loops.length}), by statement time`,
    header: ['Where', 'Function', 'Iterations per start', 'Time', 'Share of function time', 'Function bytes'],
    numeric: [false, false, true, true, true, true],
    rows: hottest.map((l) => [
      `${l.file}:${spanLabel(l.span)} (${l.kind})`, l.functionName ?? '(unknown)', `≈ ${l.iterationsEstimate.toFixed(1)}`,
      `${(l.seconds * 1000).toFixed(0)} ms`, l.timeShare === null ? '' : `${(l.timeShare * 100).toFixed(0)}%`,
      l.functionBytes ? formatBytes(l.functionBytes.total ?? l.functionBytes.self) : '',
    ]),
  };
}
