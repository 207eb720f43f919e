// The boundary between `huge-collection` and `materialize-then-process` for a collection that is
// built whole and then walked (docs/design.md, "Huge collection or materialise-then-process").
// Items are *records* when making one makes a struct, a dict, or calls a def or rule that does
// (a spec, an attrs dict, a rendered page): the guide's "materialising every target", processed
// one by one. Items are *plain* when they are strings, numbers, or tuples and lists of those
// (made by literals, formatting, string methods, `range`). A walk does *per-item work* when,
// per item, it calls a rule or a def that declares or makes records. Plain items walked only
// without per-item work (filtered down, joined, probed) are a huge collection: nothing needed
// them all at once.
import {
  BUILTIN_TYPES,
  CHEAP_CALLS,
  CHEAP_METHODS,
  SPLITTING_METHODS,
  STRING_METHODS,
} from '../starlark-allocation-kinds.ts';
import type { SourceCall, SourceIndex } from '../starlark-source.ts';
import type { Span } from '../../model/profile.ts';
import { spanContains } from '../profile-names.ts';
import type { RuleContext } from './context.ts';
import { BYTES_PER_ELEMENT, type ElementCount } from './elements-from-bytes.ts';
import { defCalled, isIteration, type ValueUse } from './value-flow.ts';

/** How many defs deep a call is followed to tell whether it makes records. */
const MAX_DEPTH = 3;

/** Builtins whose value is a record, not a plain value. */
const RECORD_BUILTINS = new Set(['struct', 'dict']);

/** Methods that read or make plain values (strings, their pieces, views). */
const PLAIN_METHODS = new Set([...STRING_METHODS, ...SPLITTING_METHODS, ...CHEAP_METHODS, 'items', 'keys', 'values']);

/** Whether a call makes a record or declares something: a struct or dict, a rule, or a def that does. */
function makesRecord(ctx: RuleContext, source: SourceIndex, call: SourceCall, depth: number): boolean {
  // '' is a method of a computed value (`"…".format(…)`): strings, not rules.
  if (call.callee === '') return false;
  const def = defCalled(ctx, source, call.callee);
  if (def) return depth < MAX_DEPTH ? defMakesRecords(ctx, def.source, def.def, depth + 1) : true;
  if (RECORD_BUILTINS.has(call.callee)) return true;
  if (CHEAP_CALLS.has(call.callee) || Object.hasOwn(BUILTIN_TYPES, call.callee)) return false;
  const dot = call.callee.lastIndexOf('.');
  // A method on a value (`"…".format`, `s.replace`) is plain; a bare unknown name is a rule.
  return dot < 0 || call.callee.startsWith('native.') || !PLAIN_METHODS.has(call.callee.slice(dot + 1));
}

function defMakesRecords(ctx: RuleContext, source: SourceIndex, def: number, depth: number): boolean {
  const inDef = (d: number | null) => {
    for (let at = d; at !== null; at = source.defs[at]!.parent) if (at === def) return true;
    return false;
  };
  return (
    source.allocations.some((a) => inDef(a.def) && a.what === 'dict literal') ||
    source.calls.some((c) => inDef(c.def) && makesRecord(ctx, source, c, depth))
  );
}

/** Whether the statements that make a collection's items make only plain values. */
export function itemsArePlain(ctx: RuleContext, source: SourceIndex, statements: readonly number[]): boolean {
  const here = new Set(statements);
  return (
    !source.allocations.some((a) => here.has(a.statement) && a.what === 'dict literal') &&
    !source.calls.some((c) => here.has(c.statement) && makesRecord(ctx, source, c, 0))
  );
}

/** Whether a def's results are plain values (nothing in it makes a record or declares). */
export function defResultsArePlain(ctx: RuleContext, source: SourceIndex, def: number): boolean {
  return !defMakesRecords(ctx, source, def, 0);
}

/** The loop a read walks or sits in: the loop whose header holds it, else its statement's innermost loop. */
function loopOfRead(use: ValueUse): number | null {
  const { source, read } = use;
  const at: Span = { line: read.line, column: read.column, endLine: read.line, endColumn: read.column + 1 };
  const header = source.loops.findIndex((l) => l.statement === read.statement && spanContains(l.headerSpan, at));
  return header >= 0 ? header : source.statements[read.statement]!.loop;
}

/** Whether the walk a read belongs to calls, per item, a rule or a def that declares or makes records. */
export function walkWorksPerItem(ctx: RuleContext, use: ValueUse): boolean {
  const loop = loopOfRead(use);
  if (loop === null) return false;
  const span = use.source.loops[loop]!.span;
  return use.source.calls.some((c) => spanContains(span, c.span) && makesRecord(ctx, use.source, c, 0));
}

/** Most bytes one plain item takes with what it holds: its slot, a small tuple and a short string. */
const BYTES_PER_PLAIN_ITEM = 2 * BYTES_PER_ELEMENT;

/**
 * A floor on the plain items a statement's comprehension made per run, from all the statement's
 * bytes (the tuples and strings of its items, not only the list's slots); null unless it builds
 * plain items itself, calling no def.
 */
export function plainItemsFromBytes(ctx: RuleContext, source: SourceIndex, statement: number): ElementCount | null {
  const builds = source.allocations.some((a) => a.statement === statement && a.kind === 'comprehension');
  const callsDef = source.calls.some((c) => c.statement === statement && defCalled(ctx, source, c.callee));
  if (!builds || callsDef || !itemsArePlain(ctx, source, [statement])) return null;
  const bytes = ctx.statementBytes(source, statement);
  if (!bytes) return null;
  const entries = ctx.entries(source, source.statements[statement]!.def);
  // Bytes of a statement a loop repeats, runs unknown, may be many small values, not one huge one.
  if (entries === null && ctx.repeatingLoop(source, statement) !== null) return null;
  const runs = Math.max(1, entries ?? 1);
  return {
    elements: Math.floor(bytes / runs / BYTES_PER_PLAIN_ITEM),
    how: `its bytes per run, at most ${BYTES_PER_PLAIN_ITEM} bytes a plain item with what it holds`,
  };
}

/** `sep.join([… for …])`: the statement's comprehension is read only by a join around it. */
export function joinedInPlace(source: SourceIndex, statement: number): boolean {
  const here = source.allocations.filter((a) => a.statement === statement);
  return here.some(
    (join) =>
      join.what === '.join()' &&
      here.some((c) => c.kind === 'comprehension' && spanContains(join.span, c.span) && c !== join),
  );
}

/**
 * Most bytes the lists a filter keeps may take, as a share of the collection's: a kept item is a
 * slot (8 bytes) against the 70–130 bytes a plain item holds, so a filter keeping a tenth of the
 * items takes about 1 %; one keeping a few takes almost nothing.
 */
const FEW_KEPT = 0.01;

/**
 * Reads of plain items that need none of them all at once: single elements, measures, and walks
 * without per-item work whose kept lists (a comprehension's, in all its runs) are a few items
 * (a filter down to a few, a count): `bytes` is the collection's.
 */
export function readSparsely(
  ctx: RuleContext,
  uses: readonly ValueUse[],
  elementRead: (u: ValueUse) => boolean,
  bytes: number | null,
): boolean {
  const walks = uses.filter((u) => !elementRead(u));
  if (uses.length === 0 || !walks.every((u) => isIteration(u) && !walkWorksPerItem(ctx, u))) return false;
  const kept = walks.reduce((sum, u) => sum + keptBytes(ctx, u), 0);
  return bytes === null || kept <= bytes * FEW_KEPT;
}

/** Bytes of the list a comprehension walk keeps, over all its runs (0 for a `for` loop, which keeps none itself). */
function keptBytes(ctx: RuleContext, use: ValueUse): number {
  const loop = loopOfRead(use);
  const span = loop === null ? null : use.source.loops[loop]!.span;
  const made = span
    ? use.source.allocations.findIndex(
        (a) => a.kind === 'comprehension' && a.span.line === span.line && a.span.column === span.column,
      )
    : -1;
  return made >= 0 ? (ctx.allocationBytes(use.source, made) ?? 0) : 0;
}
