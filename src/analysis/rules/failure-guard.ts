// A value built only to decide whether to fail: `allowed = {r.name: r.tier for r in REGIONS}`,
// perhaps added to (`allowed[r] = …`), then read only to test membership in the condition of an
// `if` whose body calls `fail` (`if value not in allowed: fail(…)`). Every evaluation that
// finishes pays for it, although only the failing one needs more than a cheap check
// (rare-case-allocation's shape).
import type { SourceIndex } from '../starlark-source.ts';
import type { RuleContext } from './context.ts';
import { neverRuns, usesOf, type ValueUse } from './value-flow.ts';

/** Methods that add to the value they are called on: a statement calling one only builds it further. */
const ADDING_METHODS = new Set(['append', 'extend', 'update', 'insert', 'setdefault', 'add']);

/**
 * The `if … fail` checks that read the value statement `index` binds, when every other read of
 * it is in code that fails or only adds to it; null otherwise. Not when a check runs in a loop
 * that also adds to the value (a `seen` set for duplicates needs what each pass adds).
 */
export function failureGuardsOf(ctx: RuleContext, source: SourceIndex, index: number): number[] | null {
  const statement = source.statements[index]!;
  if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1 || neverRuns(source, index)) return null;
  const uses = usesOf(ctx, source, statement.def, statement.assigns[0]!, index);
  const guards = uses.filter((u) => guardOf(u) !== null);
  const adders = uses.filter((u) => addsTo(u));
  if (
    guards.length === 0 ||
    !uses.every((u) => neverRuns(u.source, u.read.statement) || guards.includes(u) || adders.includes(u))
  )
    return null;
  const addingLoops = new Set(
    adders.flatMap((u) => enclosingLoops(u.source, u.source.statements[u.read.statement]!.loop)),
  );
  const checks = guards.map((u) => ({ u, check: guardOf(u)! }));
  if (
    checks.some(
      ({ u, check }) => u.source === source && enclosingLoops(source, check.loop).some((l) => addingLoops.has(l)),
    )
  )
    return null;
  return checks.map(({ check }) => check.statement);
}

/**
 * Whether everything a statement builds serves only a failure that never happens: the statement
 * is an `if … fail` check (its condition), or binds a value read only by code that fails or by
 * such checks' conditions (`valid = _valid_frames(m)` for `if x not in valid: fail(…)`). What
 * the defs it calls allocate is then paid only because it runs on every pass, however they
 * build it (rules/nesting.ts keeps such a finding over what is found below it).
 */
export function servesOnlyFailure(ctx: RuleContext, source: SourceIndex, index: number): boolean {
  if (source.failChecks.some((c) => c.statement === index)) return true;
  return readOnlyByFailure(ctx, source, index) || failureGuardsOf(ctx, source, index) !== null;
}

/** A value (`name = …`) that some code reads and every reader of which fails, so never ran. */
export function readOnlyByFailure(ctx: RuleContext, source: SourceIndex, index: number): boolean {
  const statement = source.statements[index]!;
  if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1 || neverRuns(source, index)) return false;
  const uses = usesOf(ctx, source, statement.def, statement.assigns[0]!, index);
  return uses.length > 0 && uses.every((u) => neverRuns(u.source, u.read.statement));
}

/**
 * The fail check whose condition tests membership in the value (`v not in allowed`), or null.
 * Only membership: a whole-value test (`len(names) != len(set(names))`) needs every element,
 * while a lookup can be answered by a table built once.
 */
function guardOf(use: ValueUse) {
  const { line, column } = use.read;
  if (use.read.use !== 'membership') return null;
  return (
    use.source.failChecks.find(
      (c) =>
        c.statement === use.read.statement &&
        (line > c.conditionSpan.line || (line === c.conditionSpan.line && column >= c.conditionSpan.column)) &&
        (line < c.conditionSpan.endLine || (line === c.conditionSpan.endLine && column < c.conditionSpan.endColumn)),
    ) ?? null
  );
}

/** `x[k] = v` or `x.append(v)` as a statement of its own: the read only adds to the value. */
function addsTo(use: ValueUse): boolean {
  const statement = use.source.statements[use.read.statement]!;
  const starts = use.read.line === statement.span.line && use.read.column === statement.span.column;
  if (use.read.use === 'subscript') return starts && statement.kind === 'AssignStatement';
  return (
    use.read.use === 'method' &&
    ADDING_METHODS.has(use.read.callee) &&
    starts &&
    statement.kind === 'ExpressionStatement'
  );
}

/** A loop and the loops around it. */
function enclosingLoops(source: SourceIndex, loop: number | null): number[] {
  const loops: number[] = [];
  for (let l = loop; l !== null; l = source.loops[l]!.parent) loops.push(l);
  return loops;
}
