// Which loop repeats a statement, for the rules' "on every pass of …" claims.
import type { Attribution } from '../attribution.ts';
import { spanContains } from '../profile-names.ts';
import { resolveDefs } from '../starlark-callees.ts';
import type { SourceIndex } from '../starlark-source.ts';

export type LoopPlace = { source: SourceIndex; loop: number };

/** How many callers up the loop that calls a def is looked for. */
const MAX_CALLERS = 3;

/**
 * The loop that repeats a statement: the innermost one around it in its def, else the loop most
 * of its bytes went to up the stack (attribution) — unless that is the statement's own
 * comprehension (`allowed = {r: 1 for r in REGIONS}` runs it once per call): then the loop that
 * repeats a call of its def (up to MAX_CALLERS callers up); else null.
 */
export function repeatingLoopOf(
  sources: readonly SourceIndex[],
  attribution: Attribution,
  source: SourceIndex,
  statement: number,
  depth = 0,
): LoopPlace | null {
  const local = source.statements[statement]!.loop;
  if (local !== null) return { source, loop: local };
  const index = sources.indexOf(source);
  const row = attribution.statements.find((r) => r.source === index && r.statement === statement);
  if (!row?.loop) return null;
  const found = { source: sources[row.loop.source]!, loop: row.loop.loop };
  if (found.source !== source || !spanContains(source.statements[statement]!.span, source.loops[found.loop]!.span))
    return found;
  return callerLoop(sources, attribution, source, source.statements[statement]!.def, depth);
}

/** The loop that repeats the calls of a def: the first call site (in source order) that some loop repeats. */
function callerLoop(
  sources: readonly SourceIndex[],
  attribution: Attribution,
  source: SourceIndex,
  def: number | null,
  depth: number,
): LoopPlace | null {
  if (def === null || depth >= MAX_CALLERS) return null;
  for (const from of sources)
    for (const call of from.calls) {
      if (!resolveDefs(sources, from, call.callee).some((d) => d.source === source && d.def === def)) continue;
      // `[_validated(m) for m in modules]`: the comprehension around the call repeats it.
      const found =
        call.loop !== null
          ? { source: from, loop: call.loop }
          : repeatingLoopOf(sources, attribution, from, call.statement, depth + 1);
      if (found) return found;
    }
  return null;
}
