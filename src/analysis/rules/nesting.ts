// When two findings explain the same bytes, one from a statement that calls into the other's
// function (or one claiming a part of the same statement, such as a call in it), the deeper or
// narrower one names what to change (the helper's `.items()`, not the loop calling the helper):
// the outer finding is dropped when the inner one claims at least half its bytes.
import type { SourceIndex } from '../starlark-source.ts';
import type { Finding, RuleContext } from './context.ts';
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
      next.push(...def.source.calls.filter((c) => c.def === def.def).map((c) => ({ source: def.source, callee: c.callee })));
    }
    pending = next;
  }
  return frames;
}

function statementOf(source: SourceIndex, finding: Finding): number {
  return source.statements.findIndex((s) => s.span.line === finding.span.line && s.span.column === finding.span.column);
}

/** The findings without those another finding explains from deeper in their calls. */
export function keepInnermost(ctx: RuleContext, findings: readonly Finding[]): Finding[] {
  return findings.filter((outer) => {
    const source = ctx.input.sources.find((s) => s.path === outer.sourcePath);
    const statement = source ? statementOf(source, outer) : -1;
    if (!source || statement < 0) return true;
    const below = calledFrom(ctx, source, statement);
    // Deeper: in a def the statement calls. Narrower: the same statement, a part of its bytes (a call in it).
    const sameStatement = (inner: Finding) => inner.sourcePath === outer.sourcePath && inner.span.line === outer.span.line && inner.span.column === outer.span.column && inner.bytes < outer.bytes;
    return !findings.some((inner) => inner !== outer && (below.has(inner.function) || sameStatement(inner)) && inner.bytes >= outer.bytes / 2);
  });
}
