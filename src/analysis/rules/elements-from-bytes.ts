// Elements of a comprehension whose size the code cannot tell (`for a in range(lo, hi, step)`
// with lo and hi fields of a table's tuples), from the bytes its value took per run: a list or dict
// slot with a small element (an int, a short formatted string) costs at most about
// BYTES_PER_ELEMENT, so bytes / BYTES_PER_ELEMENT is a floor on how many it holds. Only for
// comprehensions whose element calls nothing: a call per element may build a big value each, and
// its bytes would then say "few large" as well as "many small".
import { knownIntegers } from '../starlark-constants.ts';
import type { SourceIndex } from '../starlark-source.ts';
import { evaluateSize } from '../starlark-size-expressions.ts';
import type { RuleContext } from './context.ts';

/** Most bytes one small element of a list or dict comprehension takes (slot, hash, key, int or short string, growth slack). */
export const BYTES_PER_ELEMENT = 64;

export type ElementCount = { elements: number; how: string };

/** The floor the bytes set on a statement's comprehension elements per run, or null when its size is written or it calls per element. */
export function elementsFromBytes(ctx: RuleContext, source: SourceIndex, statement: number): ElementCount | null {
  const known = knownIntegers(ctx.input.sources, source, source.statements[statement]!.def);
  let most: number | null = null;
  source.allocations.forEach((a, i) => {
    if (a.statement !== statement || a.kind !== 'comprehension' || a.loop === null) return;
    if (!sizeUnwritten(source, statement, known) || callsPerElement(source, statement)) return;
    const bytes = ctx.allocationBytes(source, i);
    const runs = ctx.entries(source, a.def) ?? 1;
    if (bytes !== null) most = Math.max(most ?? 0, Math.floor(bytes / Math.max(1, runs) / BYTES_PER_ELEMENT));
  });
  return most === null
    ? null
    : {
        elements: most,
        how: `its bytes per run, at most ${BYTES_PER_ELEMENT} bytes an element (its size is not written)`,
      };
}

/** The larger of two counts (either may be missing). */
export function largerCount(a: ElementCount | null, b: ElementCount | null): ElementCount | null {
  if (!a || !b) return a ?? b;
  return b.elements > a.elements ? b : a;
}

/** Whether some clause of the statement's comprehensions has a size the known names cannot tell. */
function sizeUnwritten(source: SourceIndex, statement: number, known: ReadonlyMap<string, number>): boolean {
  return source.loops.some(
    (l) =>
      l.statement === statement &&
      l.kind === 'comprehension' &&
      l.clauseSizes.some((c) => evaluateSize(c, known) === null),
  );
}

/**
 * Whether the statement calls anything per comprehension element. A clause's own iterable runs per
 * clause, not per element; a `range(…)` (the usual later clause) makes no collection.
 */
function callsPerElement(source: SourceIndex, statement: number): boolean {
  return source.calls.some(
    (c) =>
      c.statement === statement && c.loop !== null && c.callee !== 'range' && c.text !== source.loops[c.loop]!.iterable,
  );
}
