// Rule `rare-case-allocation`: on every pass of a loop (here or up the stack), something is
// allocated that only a rare failure (`fail(…)`) needs (guide: "Allocating for rare cases"). A
// branch that calls `fail` never ran in an evaluation that finished, whatever the statement and
// coverage profiles say (they count a never-taken `if …: <call>` ending a `for` body once per pass).
import type { Span } from '../../model/profile.ts';
import type { SourceCall, SourceDef, SourceIndex } from '../starlark-source.ts';
import {
  IN_STATEMENT_PROFILE,
  bytesEvidence,
  confidenceFrom,
  findingAt,
  spanLabel,
  sumOrNull,
  type Finding,
  type RuleContext,
} from './context.ts';
import { failureGuardsOf, readOnlyByFailure } from './failure-guard.ts';
import { defCalled, feedersForFailure, neverRuns, usesOf, usesOfMade } from './value-flow.ts';

/**
 * Five shapes: an `if` whose condition allocates guarding `fail`; a value built that only failing
 * code reads; an argument (`check(ok, "msg {}".format(…))`) whose parameter only failing code
 * reads; a struct field (`struct(ok = …, message = describe(…))`) only failing code reads; a
 * costly `.get(key, default)` default.
 */
export function findRareCaseAllocations(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    for (const check of source.failChecks) {
      const allocates =
        source.allocations.some((a) => a.statement === check.statement) ||
        source.calls.some((c) => c.statement === check.statement && defCalled(ctx, source, c.callee));
      if (!allocates) continue;
      const what = `the condition of the \`if\` at line ${check.conditionSpan.line}, which guards \`fail\`, allocates on every evaluation`;
      const finding = judge(ctx, source, check.statement, what);
      if (finding) findings.push(finding);
    }
    source.statements.forEach((statement, index) => {
      if (!readOnlyByFailure(ctx, source, index)) return;
      const name = statement.assigns[0]!;
      const uses = usesOf(ctx, source, statement.def, name, index);
      // What is built only to make this value (`closest` for `message`) is paid for it too.
      const feeders = feedersForFailure(ctx, source, index);
      const fed =
        feeders.length > 0
          ? `, from values built only for it (line ${feeders
              .map((f) => source.statements[f]!.span.line)
              .sort((a, b) => a - b)
              .join(', ')})`
          : '';
      const what = `\`${name}\` is built on every call${fed} but read only by code that fails (line ${uses.map((u) => u.read.line).join(', ')}), which never ran`;
      const finding = judge(
        ctx,
        source,
        index,
        what,
        // Without a heap flame (null) the judge weighs the function's bytes from the summary.
        sumOrNull([index, ...feeders].map((f) => ctx.statementBytes(source, f))) ?? undefined,
      );
      if (finding) findings.push(finding);
    });
    findings.push(
      ...guardValues(ctx, source),
      ...costlyDefaults(ctx, source),
      ...argumentsForFailure(ctx, source),
      ...fieldsForFailure(ctx, source),
      ...checkersForFailure(ctx, source),
    );
  }
  return findings;
}

/** `allowed = {…}` read only to decide `if v not in allowed: fail(…)`: built in full on every call for a cheap answer. */
function guardValues(ctx: RuleContext, source: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  source.statements.forEach((statement, index) => {
    const checks = failureGuardsOf(ctx, source, index);
    if (!checks) return;
    const lines = checks.map((c) => source.statements[c]!.span.line);
    const what = `\`${statement.assigns[0]}\` is built on every call only to be read by the condition of \`if … fail\` (line ${lines.join(', ')}), and by code that adds to it or fails`;
    const finding = judge(ctx, source, index, what, ctx.statementBytes(source, index) ?? undefined);
    if (finding) findings.push(finding);
  });
  return findings;
}

/**
 * `bad = [o for o in xs if not _ok(o)]` read only by `if bad: fail(…)`: a checker def called per
 * item, to decide a failure, that builds the same value on every call from none of its parameters
 * (`lambda env: env in set(_ENVIRONMENTS)`); it could be built once, or the check made cheaply.
 */
function checkersForFailure(ctx: RuleContext, source: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  source.statements.forEach((statement, index) => {
    if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1 || neverRuns(source, index)) return;
    const uses = usesOf(ctx, source, statement.def, statement.assigns[0]!, index);
    const guards = uses.filter((u) => inFailCondition(u.source, u.read));
    if (guards.length === 0 || !uses.every((u) => guards.includes(u) || neverRuns(u.source, u.read.statement))) return;
    for (const call of source.calls) {
      const checker = call.statement === index && call.loop !== null ? defCalled(ctx, source, call.callee) : null;
      if (!checker) continue;
      const params = new Set(checker.source.defs[checker.def]!.params);
      const invariant = checker.source.calls.filter(
        (c) => c.def === checker.def && c.argNames.length > 0 && c.argNames.every((n) => !params.has(n)),
      );
      for (const statementIn of new Set(invariant.map((c) => c.statement))) {
        if (!checker.source.allocations.some((a) => a.statement === statementIn)) continue;
        const what = `${call.callee}(), called on every pass of line ${statement.span.line} only to decide \`if … fail\` (line ${guards.map((g) => g.read.line).join(', ')}), builds the same value on every call from none of its parameters`;
        const finding = judge(ctx, checker.source, statementIn, what);
        if (finding) findings.push(finding);
      }
    }
  });
  return findings;
}

/** Whether a read is in the condition of an `if` whose body fails. */
function inFailCondition(source: SourceIndex, read: { statement: number; line: number; column: number }): boolean {
  const at = { line: read.line, column: read.column, endLine: read.line, endColumn: read.column };
  return source.failChecks.some(
    (c) => c.statement === read.statement && (within(c.conditionSpan, at) || sameStart(c.conditionSpan, at)),
  );
}

/** `d.get(key, make_default())`: the default is built on every call, though it is used only when the key is missing. */
function costlyDefaults(ctx: RuleContext, source: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  for (const get of source.calls) {
    if (!get.callee.endsWith('.get') || get.positional.length < 2) continue;
    const inside = source.calls
      .map((c, i) => ({ c, i }))
      .filter(
        ({ c }) =>
          c !== get && c.statement === get.statement && within(get.span, c.span) && defCalled(ctx, source, c.callee),
      );
    if (inside.length === 0) continue;
    const bytes = sumOrNull(inside.map(({ i }) => ctx.callBytes(source, i)));
    const what = `the default of \`${get.text}\` calls ${inside.map(({ c }) => `${c.callee}()`).join(', ')} on every call, though it is used only when the key is missing`;
    const finding = judge(ctx, source, get.statement, what, bytes);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** Calls of a def with a parameter that only failing code reads: the argument is built for nothing on every call. */
function argumentsForFailure(ctx: RuleContext, source: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  for (const call of source.calls) {
    const callee = defCalled(ctx, source, call.callee);
    if (!callee) continue;
    const forFailure = callee.source.defs[callee.def]!.params.filter((param) => {
      const uses = usesOf(ctx, callee.source, callee.def, param, null);
      return uses.length > 0 && uses.every((u) => neverRuns(u.source, u.read.statement));
    });
    if (forFailure.length === 0) continue;
    const inside = source.allocations
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.statement === call.statement && within(call.span, a.span));
    // `_dep_ok(d, suggest(d))`: a def called to make the argument allocates it as well.
    const makers = defCallsIn(
      ctx,
      source,
      call.statement,
      argumentsFor(call, callee.source.defs[callee.def]!, forFailure),
    );
    if (inside.length === 0 && makers.length === 0) continue;
    const bytes = sumOrNull([
      ...inside.map(({ i }) => ctx.allocationBytes(source, i)),
      ...makers.map((i) => ctx.callBytes(source, i)),
    ]);
    const what = `\`${call.text}\` builds its argument for ${forFailure.join(', ')} on every call, but ${call.callee}() reads it only when it fails`;
    const finding = judge(ctx, source, call.statement, what, bytes);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** The spans of the arguments a call passes for some of the callee's parameters (by keyword, else by position). */
function argumentsFor(call: SourceCall, callee: SourceDef, params: readonly string[]): Span[] {
  const positional = call.args.filter((a) => a.keyword === '');
  return params.flatMap((param) => {
    const arg = call.args.find((a) => a.keyword === param) ?? positional[callee.params.indexOf(param)];
    return arg && !arg.keyword.startsWith('*') && !arg.text.startsWith('*') ? [arg.span] : [];
  });
}

/** Indices of the calls of defs written inside any of these spans of a statement. */
function defCallsIn(ctx: RuleContext, source: SourceIndex, statement: number, spans: readonly Span[]): number[] {
  return source.calls.flatMap((c, i) =>
    c.statement === statement &&
    defCalled(ctx, source, c.callee) &&
    spans.some((s) => sameStart(s, c.span) || within(s, c.span))
      ? [i]
      : [],
  );
}

function sameStart(a: Span, b: Span): boolean {
  return a.line === b.line && a.column === b.column;
}

/**
 * `return struct(ok = …, message = _describe(…))`: a field whose value allocates, where every
 * reader of the struct (followed through returns, callbacks and parameters) reads other fields,
 * and that one only in code that fails (`if not v.ok: fail(v.message)`).
 */
function fieldsForFailure(ctx: RuleContext, source: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  for (const call of source.calls) {
    if (call.callee !== 'struct' || neverRuns(source, call.statement)) continue;
    const fields = call.args.filter((a) => a.keyword !== '' && !a.keyword.startsWith('*'));
    const uses = fields.length > 0 ? usesOfMade(ctx, source, call) : null;
    // A struct no running code reads is the value-read-only-by-failure shape above, not one field.
    if (!uses || uses.every((u) => neverRuns(u.source, u.read.statement))) continue;
    for (const field of fields) {
      const read = uses.filter((u) => u.read.use === 'method' && u.read.callee === field.keyword);
      const onlyOthers = uses.every(
        (u) => neverRuns(u.source, u.read.statement) || (u.read.use === 'method' && u.read.callee !== field.keyword),
      );
      if (read.length === 0 || !onlyOthers) continue;
      const bytes = bytesWithin(ctx, source, call.statement, field.span);
      if (bytes === 0) continue;
      const lines = [...new Set(read.map((u) => `${ctx.profileFileOf(u.source)}:${u.read.line}`))];
      const what = `field \`${field.keyword}\` of the struct (\`${field.text.slice(0, 60)}\`) is built on every call, but its readers read it only in code that fails (${lines.join(', ')}), which never ran`;
      const finding = judge(ctx, source, call.statement, what, bytes);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** Bytes of what is evaluated inside a span of a statement: its allocations, and the defs it calls (null: no heap flame). */
function bytesWithin(ctx: RuleContext, source: SourceIndex, statement: number, span: Span): number | null {
  const inside = (s: Span) => within(span, s) || (s.line === span.line && s.column === span.column && !within(s, span));
  const allocations = source.allocations.flatMap((a, i) =>
    a.statement === statement && inside(a.span) ? [ctx.allocationBytes(source, i)] : [],
  );
  const calls = source.calls.flatMap((c, i) =>
    c.statement === statement && inside(c.span) && defCalled(ctx, source, c.callee) ? [ctx.callBytes(source, i)] : [],
  );
  return sumOrNull([...allocations, ...calls]);
}

function within(outer: Span, inner: Span): boolean {
  return (
    (inner.line > outer.line || (inner.line === outer.line && inner.column > outer.column)) &&
    (inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn))
  );
}

function judge(
  ctx: RuleContext,
  source: SourceIndex,
  statement: number,
  what: string,
  claimed?: number | null,
): Finding | null {
  const repeating = ctx.repeatingLoop(source, statement);
  if (!repeating) return null;
  const base = findingAt(ctx, source, statement, 'rare-case-allocation');
  const bytes =
    claimed !== undefined ? claimed : (ctx.statementBytes(source, statement) ?? ctx.selfBytesOf(base.function));
  const heapAgrees = ctx.isCostly(bytes);
  const ran = ctx.ran(source, source.statements[statement]!);
  if (heapAgrees === false || ran === false || bytes === 0) return null;
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, source.statements[statement]!),
    IN_STATEMENT_PROFILE,
  );
  const loop = repeating.source.loops[repeating.loop]!;
  const evidence = [
    what,
    `repeated by \`for ${loop.targets.join(', ')} in ${loop.iterable}\` (${ctx.profileFileOf(repeating.source)}:${spanLabel(loop.span)} in ${ctx.functionOf(repeating.source, loop.def)})`,
  ];
  const row = ctx.row(source, source.statements[statement]!);
  if (row) evidence.push(`the statement has Count ${row.count} (1 + the calls evaluated in it, per run): it ran`);
  if (bytes !== null)
    evidence.push(
      bytesEvidence(ctx, `${ctx.profileFileOf(source)}:${source.statements[statement]!.span.line}`, bytes, 'self'),
    );
  return {
    ...base,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message:
      'Memory is allocated on every pass for a failure that never happens: build it only inside the failing branch, or check cheaply first and do the costly check only when that fails.',
  };
}
