// When two findings explain the same bytes, one from a statement that calls into the other's
// function (or one claiming a part of the same statement, such as a call in it), the deeper or
// narrower one names what to change (the helper's `.items()`, not the loop calling the helper):
// the outer finding is dropped when the inner one claims at least half its bytes.
import type { Span } from '../../model/profile.ts';
import type { SourceIndex } from '../starlark-source.ts';
import type { Finding, RuleContext } from './context.ts';
import { servesOnlyFailure } from './failure-guard.ts';
import { defCalled } from './value-flow.ts';

/** How deep calls are followed from a finding's statement. */
const MAX_DEPTH = 6;

/** Frame names of the defs a statement calls, directly or through their calls. */
function calledFrom(ctx: RuleContext, source: SourceIndex, statement: number): Set<string> {
  const frames = new Set<string>();
  let pending = source.calls.filter((c) => c.statement === statement).map((c) => ({ source, callee: c.callee }));
  for (let depth = 0; depth < MAX_DEPTH && pending.length > 0; depth++) {
    const next: typeof pending = [];
    for (const { source: from, callee } of pending) {
      const def = defCalled(ctx, from, callee);
      if (!def) continue;
      const frame = ctx.functionOf(def.source, def.def);
      if (frames.has(frame)) continue;
      frames.add(frame);
      next.push(
        ...def.source.calls.filter((c) => c.def === def.def).map((c) => ({ source: def.source, callee: c.callee })),
      );
    }
    pending = next;
  }
  return frames;
}

/** The statement a finding names: the one starting at its span, else the innermost holding it (a call in a long statement). */
function statementOf(source: SourceIndex, finding: Finding): number {
  const { line, column } = finding.span;
  const exact = source.statements.findIndex((s) => s.span.line === line && s.span.column === column);
  if (exact >= 0) return exact;
  const holds = (s: Span) =>
    (s.line < line || (s.line === line && s.column <= column)) &&
    (s.endLine > line || (s.endLine === line && s.endColumn > column));
  // Statements are indexed outer before inner: the last one holding the span is the innermost.
  let inner = -1;
  source.statements.forEach((s, i) => {
    if (holds(s.span)) inner = i;
  });
  return inner;
}

/**
 * The findings without those another finding explains from deeper in their calls. One exception,
 * the guide's own shape: a condition guarding `fail` that calls an allocating def on every pass
 * (rare-case-allocation at the `if`), or a value built by such calls only for that condition or
 * for failing code, names the fix itself — whatever those defs do inside is paid only because
 * they are called every time — so it is kept and what it covers below is dropped.
 */
export function keepInnermost(ctx: RuleContext, findings: readonly Finding[]): Finding[] {
  const placed = findings.map((finding) => {
    const source = ctx.input.sources.find((s) => s.path === finding.sourcePath);
    const statement = source ? statementOf(source, finding) : -1;
    const below = source && statement >= 0 ? calledFrom(ctx, source, statement) : new Set<string>();
    const guard =
      source !== undefined &&
      finding.cause === 'rare-case-allocation' &&
      below.size > 0 &&
      servesOnlyFailure(ctx, source, statement);
    return { finding, statement, known: source !== undefined && statement >= 0, below, guard };
  });
  const statementOfFinding = new Map(placed.map((p) => [p.finding, p.statement]));
  // What the guard's defs allocate, and another reading of its own statement (the call building
  // the guard value is also loop-invariant), is the guard's: it is paid only for the failure.
  const coveredByGuard = (inner: Finding) =>
    placed.some(
      (g) =>
        g.guard &&
        g.finding !== inner &&
        (g.below.has(inner.function) ||
          (inner.sourcePath === g.finding.sourcePath && statementOfFinding.get(inner) === g.statement)) &&
        inner.bytes <= g.finding.bytes,
    );
  return placed
    .filter(({ finding: outer, statement, known, below, guard }) => {
      if (coveredByGuard(outer)) return false;
      if (!known || guard) return true;
      // Deeper: in a def the statement calls. Narrower: the same statement, a part of its bytes (a call in it).
      const sameStatement = (inner: Finding) =>
        inner.sourcePath === outer.sourcePath &&
        statementOfFinding.get(inner) === statement &&
        inner.bytes < outer.bytes;
      return !findings.some(
        (inner) =>
          inner !== outer && (below.has(inner.function) || sameStatement(inner)) && inner.bytes >= outer.bytes / 2,
      );
    })
    .map(({ finding }) => finding);
}
