// Where a value bound by one statement is used, followed into the defs it is handed to: for
// "is this list only indexed?", "is it iterated once?" and "is it read only when failing?".
import { resolveDef, resolveDefs } from '../starlark-callees.ts';
import { CHEAP_METHODS } from '../starlark-allocation-kinds.ts';
import type { NameRead, SourceCall, SourceDef, SourceIndex, SourceStatement } from '../starlark-source.ts';
import type { Span } from '../../model/profile.ts';
import type { RuleContext } from './context.ts';

/** One read of the value, in the source and def it happens in. */
export interface ValueUse {
  source: SourceIndex;
  read: NameRead;
}

/** How deep a value is followed through parameters. */
const MAX_DEPTH = 3;

/** The def a dotted callee names in the run's sources (the last part, through `load` and struct field aliases). */
export function defCalled(
  ctx: RuleContext,
  from: SourceIndex,
  callee: string,
): { source: SourceIndex; def: number } | null {
  return resolveDef(ctx.input.sources, from, callee);
}

/** Every def a dotted callee may reach (several for a table of callbacks: `HANDLERS[kind](…)`). */
export function defsCalled(
  ctx: RuleContext,
  from: SourceIndex,
  callee: string,
): { source: SourceIndex; def: number }[] {
  return resolveDefs(ctx.input.sources, from, callee);
}

/**
 * Reads of `name` as bound by statement `bound` (null: a parameter of `def`), up to the next
 * statement that binds it again (that statement's own reads included), followed into the
 * parameters of the defs it is passed to.
 */
export function usesOf(
  ctx: RuleContext,
  source: SourceIndex,
  def: number | null,
  name: string,
  bound: number | null,
  depth = 0,
): ValueUse[] {
  const from = bound === null ? null : source.statements[bound]!;
  const until = from ? nextBinding(source, from, name) : null;
  const uses: ValueUse[] = [];
  for (const read of source.reads) {
    if (read.name !== name || read.def !== def || read.statement === bound) continue;
    if (from && (read.line < from.span.line || (until && read.line > until.span.endLine))) continue;
    const callee = read.use === 'argument' && depth < MAX_DEPTH ? defCalled(ctx, source, read.callee) : null;
    const param = callee ? parameterOf(callee.source.defs[callee.def]!, read) : undefined;
    if (callee && param) uses.push(...usesOf(ctx, callee.source, callee.def, param, null, depth + 1));
    else uses.push({ source, read });
  }
  return uses;
}

/**
 * The parameter of `def` an argument read binds: by position or keyword, a keyword no parameter
 * names (or `**kw`) binding the `**kwargs` parameter; undefined when none can be told (`*xs`).
 */
export function parameterOf(def: SourceDef, read: NameRead): string | undefined {
  if (read.position >= 0) return def.params[read.position];
  if (read.keyword === '*') return undefined;
  if (read.keyword === '**' || !def.params.includes(read.keyword)) return def.kwargs ?? undefined;
  return read.keyword;
}

/**
 * Reads of what a def returns, followed into its callers: every call of the def must bind the
 * result to one name (`xs = helper(…)`) or return it as is (`return helper(…)`, followed on up);
 * null when one does not (the value then goes where this cannot follow), or nothing calls the def.
 */
export function usesOfReturned(
  ctx: RuleContext,
  source: SourceIndex,
  def: number,
  depth = 0,
): { names: string[]; uses: ValueUse[] } | null {
  const names: string[] = [];
  const uses: ValueUse[] = [];
  for (const caller of ctx.input.sources) {
    for (const call of caller.calls) {
      // A table of callbacks (`CHECKS[kind](a)`) may call any of its defs: each is called here.
      if (!defsCalled(ctx, caller, call.callee).some((c) => c.source === source && c.def === def)) continue;
      const bound = caller.statements[call.statement]!;
      const wholeValue = isWholeValue(caller, call);
      const passedOn =
        wholeValue && RETURNS.has(bound.kind) && bound.def !== null && depth < MAX_DEPTH
          ? usesOfReturned(ctx, caller, bound.def, depth + 1)
          : null;
      if (passedOn) {
        names.push(...passedOn.names);
        uses.push(...passedOn.uses);
        continue;
      }
      const inPlace = wholeValue ? null : readInPlace(caller, call);
      if (inPlace) {
        names.push(`${call.callee}()`);
        uses.push({ source: caller, read: inPlace });
        continue;
      }
      if (!wholeValue || bound.kind !== 'AssignStatement' || bound.assigns.length !== 1) return null;
      names.push(bound.assigns[0]!);
      uses.push(...usesOf(ctx, caller, bound.def, bound.assigns[0]!, call.statement));
    }
  }
  return names.length > 0 ? { names, uses } : null;
}

/**
 * `f().get(k)`, `f()[k]`, `k in f()`, `len(f())`, `for x in f()`: the value is read where it is
 * made, never bound to a name; a read like a name's. Null when it goes on (an argument, a bigger value).
 */
function readInPlace(source: SourceIndex, call: SourceCall): NameRead | null {
  const { use } = call.readAs;
  if (use === 'other' || use === 'argument') return null;
  const { line, column } = call.span;
  return { name: call.text, line, column, statement: call.statement, def: call.def, ...call.readAs };
}

/** Statements whose value is what their def returns: `return x`, and a lambda's body. */
const RETURNS = new Set(['ReturnStatement', 'LambdaBody']);

/** Whether a call's value is its statement's whole value (`x = f()`, `return f()`), not a part of a bigger one. */
export function isWholeValue(source: SourceIndex, call: SourceCall): boolean {
  return (
    endsTogether(source.statements[call.statement]!.span, call.span) &&
    !source.allocations.some(
      (a) =>
        a.statement === call.statement &&
        a.kind !== 'call' &&
        contains(a.span, call.span) &&
        !contains(call.span, a.span),
    )
  );
}

/**
 * Reads of the value a call makes, as its statement passes it on: bound to one name (`v =
 * struct(…)`) or returned (`return struct(…)`, a lambda's body) and followed into the callers;
 * null when it goes where this cannot follow.
 */
export function usesOfMade(ctx: RuleContext, source: SourceIndex, call: SourceCall): ValueUse[] | null {
  const statement = source.statements[call.statement]!;
  if (!isWholeValue(source, call)) return null;
  if (RETURNS.has(statement.kind) && statement.def !== null)
    return usesOfReturned(ctx, source, statement.def)?.uses ?? null;
  if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1) return null;
  return usesOf(ctx, source, statement.def, statement.assigns[0]!, call.statement);
}

const endsTogether = (a: Span, b: Span) => a.endLine === b.endLine && a.endColumn === b.endColumn;
const contains = (outer: Span, inner: Span) =>
  (outer.line < inner.line || (outer.line === inner.line && outer.column <= inner.column)) &&
  (outer.endLine > inner.endLine || (outer.endLine === inner.endLine && outer.endColumn >= inner.endColumn));

function nextBinding(source: SourceIndex, from: SourceStatement, name: string): SourceStatement | null {
  let next: SourceStatement | null = null;
  for (const s of source.statements) {
    if (s === from || s.def !== from.def || !s.assigns.includes(name) || s.span.line <= from.span.endLine) continue;
    if (!next || s.span.line < next.span.line) next = s;
  }
  return next;
}

/** Builtins besides `len` that reduce a whole value to one number without handing on any element. */
const MEASURES = new Set(['hash']);

/** A read that only measures the value: `len(xs)`, `hash(blob)` (a fingerprint of a string built for it). */
export function isMeasured(read: NameRead): boolean {
  return read.use === 'len' || (read.use === 'argument' && MEASURES.has(read.callee));
}

/** Only single elements, lookups or a measure are read (`xs[i]`, `x in xs`, `len(xs)`, `hash(s)`, `d.get(k)`), at least once. */
export function onlyElementsRead(uses: readonly ValueUse[]): boolean {
  return (
    uses.length > 0 &&
    uses.every(
      ({ read }) =>
        read.use === 'subscript' ||
        isMeasured(read) ||
        read.use === 'membership' ||
        (read.use === 'method' && CHEAP_METHODS.has(read.callee)),
    )
  );
}

/** Reads that walk every element: `for x in xs`, a comprehension over it, `d.items()`/`.keys()`/`.values()`. */
export function isIteration(use: ValueUse): boolean {
  return (
    use.read.use === 'iterate' || (use.read.use === 'method' && ['items', 'keys', 'values'].includes(use.read.callee))
  );
}

/** A statement that never ran in a finished evaluation: in a branch that calls `fail`, or a `fail(…)` call itself. */
export function neverRuns(source: SourceIndex, statement: number): boolean {
  const s = source.statements[statement];
  if (!s) return false;
  return (
    s.inFailBranch ||
    (s.kind === 'ExpressionStatement' && source.calls.some((c) => c.statement === statement && c.callee === 'fail'))
  );
}

/** How many assignments deep a value read only for failure is followed (`a` → `b = f(a)` → `fail(b)`). */
const FAILURE_DEPTH = 4;

/**
 * Whether the value an assignment binds is needed only when the evaluation fails: every read of
 * it is in code that never runs, or builds another value needed only then (`closest = […]` read
 * only by `message = … % closest`, and `message` only by `fail(message)`).
 */
export function onlyForFailure(ctx: RuleContext, source: SourceIndex, statement: number, depth = 0): boolean {
  const s = source.statements[statement]!;
  if (s.kind !== 'AssignStatement' || s.assigns.length !== 1 || neverRuns(source, statement)) return false;
  const uses = usesOf(ctx, source, s.def, s.assigns[0]!, statement);
  return (
    uses.length > 0 &&
    uses.every(
      (u) =>
        neverRuns(u.source, u.read.statement) ||
        (depth < FAILURE_DEPTH &&
          u.read.statement !== statement &&
          onlyForFailure(ctx, u.source, u.read.statement, depth + 1)),
    )
  );
}

/**
 * The assignments before `statement` in its def whose values feed only it and failing code (the
 * statement's value being needed only for failure): built on every pass for nothing, with it.
 */
export function feedersForFailure(ctx: RuleContext, source: SourceIndex, statement: number): number[] {
  const feeders: number[] = [];
  const stack = [statement];
  while (stack.length > 0) {
    const at = stack.pop()!;
    for (const read of source.reads) {
      if (read.statement !== at) continue;
      const bound = lastBinding(source, at, read.name);
      if (bound === null || feeders.includes(bound) || !onlyForFailure(ctx, source, bound)) continue;
      feeders.push(bound);
      stack.push(bound);
    }
  }
  return feeders;
}

/** The assignment of `name` alone in the statement's def that comes last before it, else null. */
export function lastBinding(source: SourceIndex, statement: number, name: string): number | null {
  const { def, span } = source.statements[statement]!;
  let last: number | null = null;
  source.statements.forEach((s, i) => {
    if (s.def !== def || s.kind !== 'AssignStatement' || s.assigns.length !== 1 || s.assigns[0] !== name) return;
    if (s.span.line < span.line && (last === null || s.span.line > source.statements[last]!.span.line)) last = i;
  });
  return last;
}
