// About how many elements a statement's value holds, without running anything: sizes as
// written, loop and comprehension iterations (attribution-runs.ts), and the statement Count read
// for what it is (1 + the calls evaluated in the statement, per run).
import { UNKNOWN_SIZE } from '../attribution-scopes.ts';
import { loopIterations } from '../attribution-runs.ts';
import { knownIntegers } from '../starlark-constants.ts';
import type { SourceIndex } from '../starlark-source.ts';
import { evaluateSize, lengthKey, lengthsRead, type SizeExpr } from '../starlark-size-expressions.ts';
import type { RuleContext } from './context.ts';
import { defCalled, lastBinding, type ValueUse } from './value-flow.ts';
import type { Span } from '../../model/profile.ts';

/**
 * About how many elements a statement's value holds: sizes written in it (`range(n)`, `[0] * n`,
 * with constants and constant parameters), a comprehension's iterations, or for `xs = f(…)` the
 * iterations of the loops in `f` that grow a collection. Null when nothing says.
 */
export function elementCount(
  ctx: RuleContext,
  source: SourceIndex,
  statement: number,
  depth = 0,
): { elements: number; how: string } | null {
  const def = source.statements[statement]!.def;
  const known = knownIntegers(ctx.input.sources, source, def);
  let best: { elements: number; how: string } | null = null;
  const consider = (elements: number | null, how: string) => {
    if (elements !== null && (!best || elements > best.elements)) best = { elements, how };
  };
  for (const a of source.allocations) {
    if (a.statement !== statement) continue;
    const written = evaluateSize(a.size, withLocalLengths(ctx, source, statement, a.size, known, depth));
    consider(
      written === null
        ? null
        : written *
            comprehensionsAround(ctx, source, a.loop, a.kind === 'comprehension' ? a.loop : null, statement, known),
      'as written, with the constants it names',
    );
    if (a.kind === 'comprehension' && a.loop !== null) {
      consider(loopIterations(ctx, source, a.loop, known), 'the iterations of its comprehension');
      consider(
        elementsFromCount(ctx, source, statement, a.loop),
        'its statement Count: 1 + the calls evaluated in it, per run, and each element makes its calls',
      );
    }
  }
  for (const call of source.calls) {
    const callee = call.statement === statement ? defCalled(ctx, source, call.callee) : null;
    if (!callee) continue;
    consider(grownIn(ctx, callee.source, callee.def), `what ${call.callee}() appends in its loops`);
    if (depth < RETURN_DEPTH)
      for (const r of returnStatements(callee.source, callee.def))
        consider(elementCount(ctx, callee.source, r, depth + 1)?.elements ?? null, `what ${call.callee}() returns`);
  }
  return best;
}

/** How many calls deep `xs = f(…)` is followed into what `f` returns (`return g(…)` → g's). */
const RETURN_DEPTH = 2;
/** How many bindings deep the def's own collections are followed (`return "\n".join(lines)` → lines → …). */
const LOCAL_DEPTH = 3;

/**
 * `known` plus the elements of the def's own collections a size names and `known` lacks
 * (`"\n".join(lines)` after `lines = [… for i in range(n)]`): what the statement that last bound
 * each name before this one holds.
 */
function withLocalLengths(
  ctx: RuleContext,
  source: SourceIndex,
  statement: number,
  size: SizeExpr | null,
  known: ReadonlyMap<string, number>,
  depth: number,
): ReadonlyMap<string, number> {
  const missing = lengthsRead(size).filter((name) => !known.has(lengthKey(name)));
  if (missing.length === 0 || depth >= LOCAL_DEPTH) return known;
  const more = new Map(known);
  for (const name of missing) {
    const bound = lastBinding(source, statement, name);
    if (bound === null) continue;
    // `rows = []` then `rows.append(…)` in loops: what the loops add, not the empty literal.
    const added = elementsAddedBy(ctx, source, appendsTo(source, bound, name));
    const counted = elementCount(ctx, source, bound, depth + 1);
    if (counted || added > 0) more.set(lengthKey(name), Math.max(counted?.elements ?? 0, added));
  }
  return more;
}

/** The `return` statements of a def, its nested defs' left out. */
function returnStatements(source: SourceIndex, def: number): number[] {
  return source.statements.flatMap((s, i) => (s.def === def && s.kind === 'ReturnStatement' ? [i] : []));
}

/** Iterations of the comprehensions of the same statement around a loop (`[[0] * n for _ in range(m)]` → m), `own` left out. */
function comprehensionsAround(
  ctx: RuleContext,
  source: SourceIndex,
  loop: number | null,
  own: number | null,
  statement: number,
  known: ReadonlyMap<string, number>,
): number {
  let product = 1;
  for (let l = loop; l !== null; l = source.loops[l]!.parent) {
    const outer = source.loops[l]!;
    if (outer.kind !== 'comprehension' || outer.statement !== statement) break;
    if (l !== own) product *= loopIterations(ctx, source, l, known) ?? UNKNOWN_SIZE;
  }
  return product;
}

/**
 * Elements of a comprehension whose element calls something: (Count per run − 1) / calls per
 * element, the element being made in its innermost clause (`for a in A for b in B`: per b).
 */
function elementsFromCount(ctx: RuleContext, source: SourceIndex, statement: number, loop: number): number | null {
  const element = innermostClause(source, statement, loop);
  // The clause's own iterable (`for n in range(k)`) is evaluated once per outer pass, not per element.
  const perElement = source.calls.filter(
    (c) => c.loop === element && c.text !== source.loops[element]!.iterable,
  ).length;
  const { row, entries } = ctx.runsPerEntry(source, source.statements[statement]!);
  const def = source.statements[statement]!.def;
  const runs = def === null ? 1 : onlyCountedStatement(ctx, source, statement) ? callsOf(ctx, source, def) : entries;
  if (!row || !runs || perElement === 0) return null;
  return Math.max(0, row.count / runs - 1) / perElement;
}

/** Whether a statement is the only one of its def's body the statement profile counts (its Count then says nothing of entries). */
function onlyCountedStatement(ctx: RuleContext, source: SourceIndex, statement: number): boolean {
  const def = source.statements[statement]!.def;
  return !source.statements.some(
    (s, i) =>
      i !== statement &&
      s.def === def &&
      s.parent !== null &&
      source.statements[s.parent]!.kind === 'FunctionDefinition' &&
      ctx.row(source, s) !== null,
  );
}

/** At most how often a def was called: the Counts of the statements that call it (Count ≥ runs), null when none is counted. */
function callsOf(ctx: RuleContext, source: SourceIndex, def: number): number | null {
  let calls: number | null = null;
  for (const caller of ctx.input.sources) {
    for (const call of caller.calls) {
      const callee = defCalled(ctx, caller, call.callee);
      const row =
        callee?.source === source && callee.def === def ? ctx.row(caller, caller.statements[call.statement]!) : null;
      if (row) calls = (calls ?? 0) + row.count;
    }
  }
  return calls;
}

/** The deepest loop of the same statement nested in `loop` (its last `for` clause), or `loop`. */
function innermostClause(source: SourceIndex, statement: number, loop: number): number {
  let deepest = loop;
  source.loops.forEach((l, i) => {
    if (l.statement !== statement || l.depth <= source.loops[deepest]!.depth) return;
    for (let x: number | null = i; x !== null; x = source.loops[x]!.parent) if (x === loop) deepest = i;
  });
  return deepest;
}

/** The most elements a def's loops add to one collection (`xs.append(…)`, `d[k] = v` in nested loops). */
function grownIn(ctx: RuleContext, source: SourceIndex, def: number): number | null {
  const known = knownIntegers(ctx.input.sources, source, def);
  let most: number | null = null;
  for (const a of source.allocations) {
    if (a.def !== def || a.kind !== 'growth' || a.loop === null) continue;
    let elements = 1;
    for (let l: number | null = a.loop; l !== null && source.loops[l]!.def === def; l = source.loops[l]!.parent)
      elements *= loopIterations(ctx, source, l, known) ?? UNKNOWN_SIZE;
    most = Math.max(most ?? 0, elements);
  }
  return most;
}

/** The statements in loops of a binding's def that append to or extend the name it binds. */
function appendsTo(source: SourceIndex, bound: number, name: string): number[] {
  const def = source.statements[bound]!.def;
  return source.reads
    .filter(
      (r) =>
        r.name === name &&
        r.def === def &&
        r.use === 'method' &&
        ['append', 'extend'].includes(r.callee) &&
        source.statements[r.statement]!.loop !== null,
    )
    .map((r) => r.statement);
}

/** Elements a loop adds through statements inside it (`xs.append(…)` in nested loops): the iterations around them in their def. */
export function elementsAddedBy(ctx: RuleContext, source: SourceIndex, statements: readonly number[]): number {
  let most = 0;
  for (const index of statements) {
    const statement = source.statements[index]!;
    const known = knownIntegers(ctx.input.sources, source, statement.def);
    let elements = 1;
    for (let l = statement.loop; l !== null && source.loops[l]!.def === statement.def; l = source.loops[l]!.parent)
      elements *= loopIterations(ctx, source, l, known) ?? UNKNOWN_SIZE;
    most = Math.max(most, elements);
  }
  return most;
}

/**
 * Items a walk visits per start (`for x in xs`, `[… for x in xs]`, the loop whose header reads
 * the name, or the loop around a keyed lookup `d[k]`): written, else from Counts (a comprehension's elements; a `for` body statement's runs,
 * its Count divided by 1 + the calls written in it), else null.
 */
export function walkedItems(ctx: RuleContext, walk: ValueUse): number | null {
  const { source, read } = walk;
  const header = source.loops.findIndex(
    (l) => l.statement === read.statement && spanHolds(l.headerSpan, read.line, read.column),
  );
  // `d[k]` in `for k in keys`: the loop around the lookup visits the items.
  const loop = header >= 0 ? header : read.use === 'subscript' ? source.statements[read.statement]!.loop : null;
  if (loop === null) return null;
  const l = source.loops[loop]!;
  const written =
    l.clauseSizes.length === 1
      ? evaluateSize(l.clauseSizes[0]!, knownIntegers(ctx.input.sources, source, l.def))
      : null;
  if (written !== null) return written;
  return l.kind === 'comprehension' ? elementsFromCount(ctx, source, l.statement, loop) : bodyRuns(ctx, source, loop);
}

/** Runs per start of a `for` body's statements: the most any direct body statement's Count says (Count = runs × (1 + its calls)). */
function bodyRuns(ctx: RuleContext, source: SourceIndex, loop: number): number | null {
  const l = source.loops[loop]!;
  const callsIn = (statement: number) => source.calls.filter((c) => c.statement === statement).length;
  const header = ctx.row(source, source.statements[l.statement]!);
  if (!header) return null;
  const starts = header.count / (1 + callsIn(l.statement));
  let most: number | null = null;
  source.statements.forEach((s, i) => {
    const row = s.loop === loop && s.parent === l.statement ? ctx.row(source, s) : null;
    if (row) most = Math.max(most ?? 0, row.count / (1 + callsIn(i)));
  });
  return most === null ? null : most / Math.max(1, starts);
}

function spanHolds(span: Span, line: number, column: number): boolean {
  return (
    (line > span.line || (line === span.line && column >= span.column)) &&
    (line < span.endLine || (line === span.endLine && column <= span.endColumn))
  );
}
