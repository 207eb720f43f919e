// Rule `loop-invariant-call`: an allocating call repeated by a loop with arguments that do not
// change in it (guide: "Repeatedly allocating memory unnecessarily in a loop"). Three shapes: a
// def called in a loop with arguments the loop never rebinds; a def called (in a helper, a
// condition function) with constants, globals and parameters every caller passes unchanged, from
// a def a loop up the stack calls; a
// native such as `glob` called with constant arguments in a loop. A finding claims the callee's
// bytes through that call (native: the call's own), never its caller's.
import { formatBytes } from '../../model/units.ts';
import type { SourceCall, SourceIndex } from '../starlark-source.ts';
import {
  IN_STATEMENT_PROFILE,
  bytesEvidence,
  confidenceFrom,
  findingAt,
  spanLabel,
  type Finding,
  type RuleContext,
} from './context.ts';
import { findInvariantComprehensions } from './invariant-comprehension.ts';
import { defCalled, defsCalled, parameterOf } from './value-flow.ts';

/** Natives and builtins whose result depends only on their arguments (and the package), so a constant call can be hoisted. */
const PURE_NATIVES = new Set(['glob', 'native.glob', 'sorted', 'reversed', 'list', 'tuple', 'dict', 'set']);

export function findLoopInvariantCalls(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    source.calls.forEach((call, index) => {
      if (call.viewMethod) return;
      const invariant = invariance(ctx, source, call);
      const finding = invariant ? judge(ctx, source, call, index, invariant) : null;
      if (finding) findings.push(finding);
    });
  }
  return [...findings, ...findInvariantComprehensions(ctx)];
}

/** Why a call's arguments cannot change between the loop's passes, or null. */
function invariance(ctx: RuleContext, source: SourceIndex, call: SourceCall): string | null {
  const isDef = defCalled(ctx, source, call.callee) !== null;
  if (!isDef && !PURE_NATIVES.has(call.callee)) return null;
  // What the call reads: its arguments, and the name it calls (`for check in CHECKS: check(x)` calls another def each pass).
  const reads = [...new Set([...call.argNames, call.callee.split('.')[0]!].filter(Boolean))];
  if (call.loop !== null) {
    const loop = source.loops[call.loop]!;
    if (reads.some((name) => loop.assigned.includes(name))) return null;
    return `its arguments read ${call.argNames.join(', ') || 'no names'}; the loop binds ${loop.assigned.join(', ') || 'nothing'}: none of them`;
  }
  if (!isDef) return null;
  // A lambda's body may read its enclosing defs' names, which change between their calls: only
  // globals (`lambda t, r: emit(t, r, index(SCHEMA))`) are the same on every call of the lambda.
  if (call.def !== null && source.defs[call.def]!.kind === 'lambda') {
    if (!reads.every((name) => !enclosingNames(source, call.def).has(name))) return null;
    return `its arguments read ${call.argNames.join(', ') || 'no names'}: globals, the same on every call of the lambda`;
  }
  if (!reads.every((name) => invariantAbove(ctx, source, call.def, name, 0))) return null;
  return `its arguments read ${call.argNames.join(', ') || 'no names'}: constants, globals and parameters every caller passes unchanged, the same on every call of ${ctx.functionOf(source, call.def)}`;
}

/** How many callers up a parameter is followed. */
const MAX_CALLERS = 3;

/**
 * Whether a name a def reads is the same on every pass of the loop that repeats the def: a
 * global, or a parameter that each call site passes unchanged — a name the loop around that call
 * site does not bind, or (a call site outside loops) a name invariant in its own def, up to
 * MAX_CALLERS callers; an argument that is not a bare name counts every name the call reads.
 * Once call sites pass different values (`_verdict(…, "format")`, `_verdict(…, "size")`), the
 * value depends on which caller runs: then a call up the stack that picks its def by a key the
 * loop changes (`CHECKS[check](asset)`) makes it vary too (`byCaller`).
 */
function invariantAbove(
  ctx: RuleContext,
  source: SourceIndex,
  def: number | null,
  name: string,
  depth: number,
  byCaller = false,
): boolean {
  if (!localNames(source, def).has(name)) return true;
  const position = def === null ? -1 : source.defs[def]!.params.indexOf(name);
  const rebound =
    source.statements.some((s) => s.def === def && s.assigns.includes(name)) ||
    source.loops.some((l) => l.def === def && l.targets.includes(name));
  if (position < 0 || rebound || depth >= MAX_CALLERS) return false;
  const sites = ctx.input.sources.flatMap((s) =>
    s.calls.filter((c) => isCallOf(ctx, s, c, source, def)).map((c) => ({ s, c })),
  );
  const differs = byCaller || new Set(sites.map(({ c }) => passedText(c, position, name))).size > 1;
  return (
    sites.length > 0 &&
    sites.every(({ s, c }) => {
      const passed = s.reads.filter(
        (r) =>
          r.statement === c.statement &&
          r.use === 'argument' &&
          r.callee === c.callee &&
          parameterOf(source.defs[def!]!, r) === name,
      );
      const loop = c.loop === null ? null : s.loops[c.loop]!;
      // An argument that is an expression (`[x + 1]`) has no bare name: then no name of the whole call may vary.
      const names = [
        ...(passed.length > 0 ? passed.map((r) => r.name) : c.argNames),
        ...(differs ? c.receiverNames : []),
      ];
      return names.every((n) =>
        loop ? !loop.assigned.includes(n) : invariantAbove(ctx, s, c.def, n, depth + 1, differs),
      );
    })
  );
}

/** What a call passes for a parameter, as written ('' when it passes nothing for it: the default). */
function passedText(call: SourceCall, position: number, name: string): string {
  const positional = call.args.filter((a) => a.keyword === '');
  return (call.args.find((a) => a.keyword === name) ?? positional[position])?.text ?? '';
}

function isCallOf(
  ctx: RuleContext,
  from: SourceIndex,
  call: SourceCall,
  source: SourceIndex,
  def: number | null,
): boolean {
  return defsCalled(ctx, from, call.callee).some((called) => called.source === source && called.def === def);
}

/** Names bound by a def and every def it is nested in. */
function enclosingNames(source: SourceIndex, def: number | null): Set<string> {
  const names = new Set<string>();
  for (let d = def; d !== null; d = source.defs[d]!.parent) for (const name of localNames(source, d)) names.add(name);
  return names;
}

/** Parameters and names bound inside a def (its top level has none: globals are constant there). */
function localNames(source: SourceIndex, def: number | null): Set<string> {
  if (def === null) return new Set(source.statements.filter((s) => s.loop !== null).flatMap((s) => s.assigns));
  const names = new Set(source.defs[def]!.params);
  for (const s of source.statements) if (s.def === def) for (const name of s.assigns) names.add(name);
  for (const l of source.loops) if (l.def === def) for (const name of l.targets) names.add(name);
  return names;
}

/**
 * Below this many bytes per call, a def's result is the size of one target's own strings (a
 * label list joined, a short command): hoisting it saves little per pass, however many passes.
 */
const MIN_BYTES_PER_CALL = 1024;

/** Whether the def a call reaches allocates, on average over all its calls, less than MIN_BYTES_PER_CALL. */
function smallPerCall(ctx: RuleContext, source: SourceIndex, call: SourceCall): boolean {
  const callee = defCalled(ctx, source, call.callee);
  if (!callee || !ctx.input.heapFlame) return false;
  const total = ctx.functionBytes.get(ctx.functionOf(callee.source, callee.def))?.total ?? null;
  const entries = ctx.entries(callee.source, callee.def);
  return total !== null && entries !== null && entries > 0 && total / entries < MIN_BYTES_PER_CALL;
}

function judge(
  ctx: RuleContext,
  source: SourceIndex,
  call: SourceCall,
  index: number,
  invariant: string,
): Finding | null {
  const repeating = call.loop !== null ? { source, loop: call.loop } : ctx.repeatingLoop(source, call.statement);
  if (!repeating) return null;
  const native = PURE_NATIVES.has(call.callee);
  const allocation = native
    ? source.allocations.findIndex((a) => a.span.line === call.span.line && a.span.column === call.span.column)
    : -1;
  const bytes = native
    ? allocation >= 0
      ? ctx.allocationBytes(source, allocation)
      : null
    : ctx.callBytes(source, index);
  const heapAgrees = ctx.isCostly(bytes);
  const ran = ctx.ran(source, source.statements[call.statement]!);
  if (heapAgrees === false || ran === false || (!native && smallPerCall(ctx, source, call))) return null;
  const loop = repeating.source.loops[repeating.loop]!;
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, source.statements[call.statement]!),
    IN_STATEMENT_PROFILE,
  );
  const where = `${ctx.profileFileOf(repeating.source)}:${spanLabel(loop.span)}${repeating.source.loops[repeating.loop]!.def === call.def && repeating.source === source ? '' : ` in ${ctx.functionOf(repeating.source, loop.def)}, up the stack`}`;
  const evidence = [
    `call \`${call.text}\` at ${ctx.profileFileOf(source)}:${spanLabel(call.span)}, repeated by \`for ${loop.targets.join(', ')} in ${loop.iterable}\` (${where})`,
    invariant,
  ];
  const row = ctx.row(source, source.statements[call.statement]!);
  if (row)
    evidence.push(`the call's statement has Count ${row.count} (1 + the calls evaluated in it, per run): it ran`);
  if (bytes !== null)
    evidence.push(
      bytesEvidence(
        ctx,
        native ? `${call.callee}() at line ${call.span.line}` : call.callee,
        bytes,
        native ? 'self' : 'total',
      ),
    );
  const at = findingAt(ctx, source, call.statement, 'loop-invariant-call');
  return {
    ...at,
    // In a statement over several lines (`return struct(…, cmd = … % flags(deps), …)`) the call is what moves.
    span: at.span.endLine > at.span.line ? call.span : at.span,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${call.callee}(…)\` is called on every pass with arguments that do not change${bytes !== null ? `, allocating ${formatBytes(bytes)} in all` : ''}: call it once before the loop and reuse the result.`,
  };
}
