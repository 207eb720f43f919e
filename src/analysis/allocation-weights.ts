// What one allocation of the sources weighs for the split of a frame's own bytes
// (attribution-scopes.ts): its elements as written, through the lengths of the collections it
// names; whether it is arithmetic after all; which heap-flame types it can make.
import { assignedInDefAs, type SourceAllocation, type SourceIndex } from './starlark-source.ts';
import { evaluateSize, lengthKey, lengthsRead } from './starlark-size-expressions.ts';

/** Elements assumed for a comprehension or repetition whose size is not written as constants. */
export const UNKNOWN_SIZE = 32;

/**
 * Elements an allocation makes as written; where it names collections (`sorted(A + b)`, a
 * comprehension over `xs`) and some of their lengths are known, the others count UNKNOWN_SIZE.
 */
export function writtenSize(allocation: SourceAllocation, known: ReadonlyMap<string, number>): number | null {
  const exact = evaluateSize(allocation.size, known);
  if (exact !== null) return exact;
  const someKnown = lengthsRead(allocation.size).some((name) => known.has(lengthKey(name)));
  return someKnown ? evaluateSize(allocation.size, known, UNKNOWN_SIZE) : null;
}

/** `total += w` where the def binds `total` to a number (`total = 0`): arithmetic, no allocation. */
export function addsToNumber(source: SourceIndex, allocation: SourceAllocation): boolean {
  const statement = source.statements[allocation.statement]!;
  if (allocation.kind !== 'growth' || statement.kind !== 'UpdateStatement') return false;
  return assignedInDefAs(source, statement, 'number');
}

/** Calls of natives (rules with keyword arguments) make the `dict` of their arguments; other sites say their types. */
export function typesOf(allocation: SourceAllocation): readonly string[] {
  return allocation.kind === 'call' ? ['dict', 'struct'] : allocation.types;
}
