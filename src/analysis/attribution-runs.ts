// How often the statements and loops of a def ran per entry, for the attribution's weights
// (attribution-scopes.ts): a loop's iterations as written or from Counts, the cap a statement's
// Count puts on its runs (less the Count the profiler adds for nothing), and from those the most
// bytes an allocation can have made. A statement's Count is never taken for its runs (it is 1 +
// the calls evaluated inside it, per run); it only bounds them.
import type { ProfileJoins } from './profile-joins.ts';
import type { SourceAllocation, SourceIndex } from './starlark-source.ts';
import { knownIntegers } from './starlark-constants.ts';
import { UNKNOWN_SIZE } from './allocation-weights.ts';
import { evaluateSize } from './starlark-size-expressions.ts';

/**
 * Generous bytes per element of a value (a pointer in the list's array, the element itself, a
 * string's text): a statement whose size is written cannot have made much more than its
 * elements times this, so bytes beyond go to the statements whose sizes are not bounded.
 */
export const BYTES_PER_ELEMENT = 512;

/**
 * Iterations of a loop per start: written (`range(n)` with known names; a comprehension's
 * clauses multiply, one not written counts UNKNOWN_SIZE), else a `for`'s smallest direct body Count per its own
 * Count (Counts include calls, so this over-estimates by the calls per statement), else null.
 */
export function loopIterations(
  joins: ProfileJoins,
  source: SourceIndex,
  loop: number,
  known: ReadonlyMap<string, number>,
): number | null {
  const l = source.loops[loop]!;
  const written = l.clauseSizes.map((size) => evaluateSize(size, known));
  if (written.some((w) => w !== null) || (l.kind === 'comprehension' && written.length > 1)) {
    return written.reduce<number>((product, w) => product * (w === null ? UNKNOWN_SIZE : Math.max(1, w)), 1);
  }
  if (l.kind === 'comprehension') return null;
  const header = joins.row(source, source.statements[l.statement]!);
  if (!header) return null;
  let smallest = Infinity;
  for (const s of source.statements) {
    if (s.loop !== loop || s.parent !== l.statement) continue;
    const row = joins.row(source, s);
    if (row) smallest = Math.min(smallest, row.count);
  }
  return smallest === Infinity ? null : Math.max(1, smallest / Math.max(1, header.count));
}

/**
 * The most bytes an allocation can have made over all entries of its def, when every part of
 * it has a bound: its size as written, the loops around it (written, or from Counts, which are
 * at least the runs), the def's entries (its smallest Count); Infinity when one has none.
 */
export function allocationCapacity(
  joins: ProfileJoins,
  sources: readonly SourceIndex[],
  source: SourceIndex,
  allocation: SourceAllocation,
): number {
  const known = knownIntegers(sources, source, allocation.def);
  const size = evaluateSize(allocation.size, known);
  if (size === null) return Infinity;
  let runs = 1;
  for (let l = allocation.loop; l !== null && source.loops[l]!.def === allocation.def; l = source.loops[l]!.parent) {
    if (allocation.kind === 'comprehension' && l === allocation.loop) continue; // its size counts its own loop
    const iterations = loopIterations(joins, source, l, known);
    const written = source.loops[l]!.clauseSizes.every((clause) => evaluateSize(clause, known) !== null);
    if (iterations === null || (source.loops[l]!.kind === 'comprehension' && !written)) return Infinity;
    runs *= iterations;
  }
  const entries = joins.entries(source, allocation.def);
  return entries === null ? Infinity : Math.max(1, size) * runs * entries * BYTES_PER_ELEMENT;
}

/**
 * A statement cannot run more often per entry of its def than its Count per entry (Count is
 * at least its runs): an append in a rarely taken branch of a long loop weighs by its Count,
 * not by the loop's iterations. Infinity when the profile cannot say. Elements of a
 * comprehension inside the statement are not runs of it, so those are never capped.
 */
export function runsCap(joins: ProfileJoins, source: SourceIndex, allocation: SourceAllocation): number {
  const loop = allocation.loop === null ? null : source.loops[allocation.loop]!;
  if (loop && loop.kind === 'comprehension' && loop.statement === allocation.statement) return Infinity;
  const row = joins.row(source, source.statements[allocation.statement]!);
  const entries = joins.entries(source, allocation.def);
  return row && entries
    ? Math.max(1, (row.count - quirkCount(joins, source, allocation.statement)) / entries)
    : Infinity;
}

/**
 * The part of a statement's Count the profiler adds for nothing: in the branch of an `if` that
 * ends a `for` body, the branch's row is counted once per pass even when it never runs
 * (samples/README.md); the `if`'s own Count stands for those passes.
 */
function quirkCount(joins: ProfileJoins, source: SourceIndex, statement: number): number {
  const branchOf = source.statements[statement]!.parent;
  const test = branchOf === null ? null : source.statements[branchOf]!;
  if (
    !test ||
    test.kind !== 'IfStatement' ||
    test.parent === null ||
    source.statements[test.parent]!.kind !== 'ForStatement'
  )
    return 0;
  const siblings = source.statements.filter((s) => s.parent === test.parent);
  const last = siblings.reduce((a, b) => (b.span.line > a.span.line ? b : a));
  return last === test ? (joins.row(source, test)?.count ?? 0) : 0;
}
