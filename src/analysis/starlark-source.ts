// A plain index of a Starlark source file (`.bzl`, `BUCK`, …) for the loop finder, the advisor
// and the source view. Parsed with @lezer/python (Starlark's syntax is a Python subset), never
// with regular expressions and never evaluated: source files are untrusted text. This file says
// what the index holds; starlark-indexer.ts builds it.
import type { BoundValue } from './starlark-bindings.ts';
import type { Span } from '../model/profile.ts';
import { SourceIndexer } from './starlark-indexer.ts';
import { emptySourceIndex } from './starlark-indexer-scopes.ts';
import type { AllocationSite } from './starlark-allocation-kinds.ts';
import type { ValueKind } from './starlark-allocations.ts';
import type { ConstructKind } from './starlark-sizes.ts';
import type { SizeExpr } from './starlark-size-expressions.ts';

export interface SourceDef {
  name: string;
  kind: 'def' | 'lambda';
  span: Span;
  params: string[];
  /** Default values of parameters as size expressions, by name (only those with a default that is one). */
  defaults: Record<string, SizeExpr>;
  /** The `**kwargs` parameter's name (also in params), null without one: it takes every keyword no other parameter names. */
  kwargs: string | null;
  /** Index of the enclosing def (nested defs), null at top level. */
  parent: number | null;
  /** Names it is called by: its own for a def; for a lambda, the names its assignment binds (`f = lambda: …`). */
  callNames: string[];
}

export interface SourceLoop {
  kind: 'for' | 'while' | 'comprehension';
  /** The whole loop: the `for` statement, or the comprehension expression. */
  span: Span;
  /** `for x in xs` up to the colon (for comprehensions, the first `for … in …` clause). */
  headerSpan: Span;
  /** Loop variables. */
  targets: string[];
  /** Source text of the iterated expression (cut to 120 characters). */
  iterable: string;
  /** Innermost enclosing loop, null when outermost. */
  parent: number | null;
  /** 0 for an outermost loop, 1 inside one loop, … */
  depth: number;
  def: number | null;
  /** The statement the loop is (for) or sits in (comprehension). */
  statement: number;
  /** Names (re)bound or mutated inside the loop, its own targets included. */
  assigned: string[];
  /** Iterations per start of each `for` clause as written (`range(n)` → n; null when not written that way): one for a statement, more for `[… for a in x for b in y]`. */
  clauseSizes: (SizeExpr | null)[];
}

export interface SourceStatement {
  /** The lezer node name: `ForStatement`, `AssignStatement`, `FunctionDefinition`, …; `LambdaBody` for a lambda's expression. */
  kind: string;
  span: Span;
  parent: number | null;
  def: number | null;
  /** Innermost loop whose body holds the statement (a `for` is not inside itself). */
  loop: number | null;
  /** Names this statement binds at its own level (`x = …`, `x += …`, `for x in`). */
  assigns: string[];
  /** `x = x + …`: the name rebound to a grown copy of itself ('' otherwise). */
  selfCopy: string;
  /** What an assignment (`=`, `+=`) binds, as far as syntax tells: `string`, `list`, `dict`, `number` or ''. */
  valueKind: ValueKind;
  /** Whether it sits in the branch of an `if` whose body calls `fail(…)` (never runs in a profile that finished). */
  inFailBranch: boolean;
}

/** A place that allocates (starlark-allocations.ts), where it sits. */
export interface SourceAllocation extends AllocationSite {
  span: Span;
  /** The innermost statement holding it (a `for` header's allocations belong to the `for`). */
  statement: number;
  def: number | null;
  /** Innermost loop that runs it once per iteration; a comprehension's own list is its own loop's. */
  loop: number | null;
}

export interface SourceCall {
  /** Dotted callee as written: `noop`, `d.items`, `ctx.actions.write`; '' when computed. */
  callee: string;
  /** The call as written, cut to 80 characters (for messages; untrusted text). */
  text: string;
  span: Span;
  statement: number;
  def: number | null;
  /** Innermost loop that evaluates the call once per iteration, null outside loops. */
  loop: number | null;
  /** Identifiers the arguments (and a method call's receiver) read. */
  argNames: string[];
  /** Identifiers the callee expression reads: a method's receiver, `T` and `k` of `T[k](…)` (which def runs). */
  receiverNames: string[];
  /** `items`, `keys` or `values` for a dict-view method call. */
  viewMethod: 'items' | 'keys' | 'values' | null;
  /** Arguments as size expressions (numbers, names, arithmetic; null otherwise): positional by index, keyword by name. */
  positional: (SizeExpr | null)[];
  keyword: Record<string, SizeExpr | null>;
  /** The arguments as written, in order: what each passes (`rule = "size"`), and where. */
  args: CallArgument[];
  /** `f(g(x))`: for `g(x)`, the call whose argument it is (dotted callee, position or -1, keyword), else null. */
  argumentOf: { callee: string; position: number; keyword: string } | null;
  /** How the expression around the call reads its value (`f()[k]`, `f().get(k)`, `len(f())`), as for a name. */
  readAs: Pick<NameRead, 'use' | 'callee' | 'position' | 'keyword'>;
}

/** One argument of a call as written: `keyword` is '' for a positional one (`*xs`, `**kw` included). */
export interface CallArgument {
  keyword: string;
  /** The value's text, cut to 200 characters (untrusted text). */
  text: string;
  /** Where the value is written (`message = _describe(a)` → the span of `_describe(a)`). */
  span: Span;
}

export interface FailCheck {
  /** The `if` statement whose body calls `fail(`. */
  statement: number;
  conditionSpan: Span;
  /** The block that runs when the check fails (the first branch). */
  bodySpan: Span;
  /** Why evaluating the condition allocates: `list literal`, `call check()`, … */
  conditionAllocates: string[];
  def: number | null;
  loop: number | null;
}

export interface Construct {
  kind: ConstructKind;
  span: Span;
  statement: number;
  def: number | null;
  loop: number | null;
  /** Element count as written, names kept: `range(n * m)` → n * m, `[1] * k` → 1 * k. */
  size: SizeExpr | null;
  /** The size when it is a constant: `range(1 << 20)` → 1048576, `xs * 1024` → 1024. */
  sizeHint: number | null;
}

/** How a name is read: one element, its length, a lookup (`x in xs`), every element, handed to a call, a method of it, or otherwise. */
export type ReadUse = 'subscript' | 'len' | 'membership' | 'iterate' | 'argument' | 'method' | 'other';

/** An identifier read (not bound) somewhere: for "used only in the fail branch" questions. */
export interface NameRead {
  name: string;
  line: number;
  column: number;
  statement: number;
  def: number | null;
  use: ReadUse;
  /** For `argument`: the dotted callee, the position (-1 for a keyword) and the keyword (`*`/`**` for `*xs`/`**kw`); for `method`: the method in `callee`. */
  callee: string;
  position: number;
  keyword: string;
}

export interface SourceIndex {
  path: string;
  lineCount: number;
  defs: SourceDef[];
  loops: SourceLoop[];
  statements: SourceStatement[];
  calls: SourceCall[];
  failChecks: FailCheck[];
  constructs: Construct[];
  allocations: SourceAllocation[];
  /** `load(":x.bzl", alias = "name")`: local alias → the name the loaded file defines. */
  loadAliases: Record<string, string>;
  /** `struct(field = some_def)`: field → the name it holds, so `x.field()` can reach the def. */
  fieldAliases: Record<string, string>;
  /**
   * `NAME = other_def`, `NAME = {k: a_def, …}` / `[a_def, …]`, `NAME = TABLE[k]` (any def): the
   * names a call of NAME (or of `NAME[k]`) may reach (starlark-callees.ts follows them).
   */
  valueAliases: Record<string, string[]>;
  /** Top-level `NAME = <integer expression>` constants (`SHARD_COUNT = 120`). */
  constants: Record<string, number>;
  /** Top-level `NAME = {"key": <integer expression>, …}` (or `dict(key = …)`): its integer entries. */
  dictIntegers: Record<string, Record<string, number>>;
  /** In defs, `name = <value>` by statement index: an integer, a dict entry or a dict copy (starlark-bindings.ts). */
  bindings: Record<number, BoundValue>;
  /** Top-level `NAME = <collection>` with its elements as written (`[… for i in range(2400)]`, a literal). */
  lengths: Record<string, SizeExpr>;
  reads: NameRead[];
  /** Parse errors the grammar recovered from (Starlark-only syntax, or broken files). */
  syntaxErrors: number;
  /** Why the file could not be indexed (it is then empty: its lines get no bytes), absent when it was. */
  unreadable?: string;
}

/**
 * What the page reads of an index (the source view, the Statements tab's placement of rows in
 * their defs): the worker, which alone parses Starlark, sends this much per source as plain data.
 * A `SourceIndex` is one, so the loop finder's placement takes either.
 */
export interface SourceOutline {
  path: string;
  defs: Pick<SourceDef, 'name' | 'kind' | 'span'>[];
  loops: Pick<SourceLoop, 'kind' | 'span' | 'targets' | 'iterable'>[];
  statements: Pick<SourceStatement, 'span' | 'def' | 'loop'>[];
  unreadable?: string;
}

/** The outline of an index: only the fields `SourceOutline` names (a structured clone copies no more). */
export function outlineOf(index: SourceIndex): SourceOutline {
  return {
    path: index.path,
    defs: index.defs.map(({ name, kind, span }) => ({ name, kind, span })),
    loops: index.loops.map(({ kind, span, targets, iterable }) => ({ kind, span, targets, iterable })),
    statements: index.statements.map(({ span, def, loop }) => ({ span, def, loop })),
    ...(index.unreadable === undefined ? {} : { unreadable: index.unreadable }),
  };
}

/**
 * Indexes one Starlark file: defs, loops, statements, calls, `fail` checks and allocating
 * constructs, each with its 1-based span (the shape the statement profile uses, docs/formats.md §5).
 *
 * @example for upstream's `test.star`:
 *   indexStarlarkSource('test.star', text).loops[0]
 *   // → { kind: 'for', span: 6:9-8:1, targets: ['x'], iterable: 'range(10)', def: 0 (inner), depth: 0, … }
 */
export function indexStarlarkSource(path: string, text: string): SourceIndex {
  try {
    return new SourceIndexer(path, text).run();
  } catch (e) {
    // One file the indexer cannot read must not stop the run: it stays, empty, and says why.
    const reason = e instanceof Error ? e.message : String(e);
    return { ...emptySourceIndex(path, text.split('\n').length), unreadable: reason.slice(0, 200) };
  }
}

/**
 * Whether the name `statement` binds first is also assigned a plain value of `kind` in the same
 * def (`total = 0` before `total += w`; `cmd = "…"` before `cmd += …`).
 */
export function assignedInDefAs(source: SourceIndex, statement: SourceStatement, kind: ValueKind): boolean {
  const name = statement.assigns[0];
  return source.statements.some(
    (s) =>
      s.def === statement.def &&
      s.kind === 'AssignStatement' &&
      s.assigns.length === 1 &&
      s.assigns[0] === name &&
      s.valueKind === kind,
  );
}
