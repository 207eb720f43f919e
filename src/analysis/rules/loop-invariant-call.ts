// Rule `loop-invariant-call`: a costly def called on every pass of a loop with arguments that do
// not change in it (guide: "Repeatedly allocating memory unnecessarily in a loop").
import { formatBytes } from '../../model/units.ts';
import type { SourceCall, SourceDef, SourceIndex } from '../starlark-source.ts';
import { bytesEvidence, confidenceFrom, findingAt, spanLabel, type Finding, type RuleContext } from './context.ts';

/** A call runs "repeatedly" when its statement ran at least this many times per entry of its function. */
const MIN_REPEATS = 2;

/** The def a call names, in any of the run's sources (BUCK files call defs loaded from .bzl files). */
export function calledDef(ctx: RuleContext, call: SourceCall): { source: SourceIndex; def: SourceDef } | null {
  if (call.callee === '' || call.callee.includes('.')) return null;
  for (const source of ctx.input.sources) {
    const def = ctx.defNamed(source, call.callee);
    if (def) return { source, def };
  }
  return null;
}

/**
 * Finds calls of Starlark defs inside loops whose argument names are bound nowhere in the loop,
 * when the callee's allocations are a large share of the profile. Native calls are not judged:
 * profilers charge their bytes to the caller, so their cost is not visible on its own.
 */
export function findLoopInvariantCalls(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    for (const call of source.calls) {
      if (call.loop === null || call.viewMethod) continue;
      const loop = source.loops[call.loop]!;
      if (call.argNames.some((name) => loop.assigned.includes(name))) continue;
      const callee = calledDef(ctx, call);
      if (!callee) continue;
      const finding = judge(ctx, source, call, callee);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function judge(ctx: RuleContext, source: SourceIndex, call: SourceCall, callee: { source: SourceIndex; def: SourceDef }): Finding | null {
  const calleeName = ctx.functionOf(callee.source, callee.source.defs.indexOf(callee.def));
  const bytes = ctx.bytesOf(calleeName);
  const heapAgrees = ctx.isCostly(bytes);
  if (heapAgrees === false) return null;
  const { row, entries, perEntry: repeats } = ctx.runsPerEntry(source, source.statements[call.statement]!);
  const statementsAgree = ctx.input.statement ? repeats !== null && repeats >= MIN_REPEATS : null;
  if (statementsAgree === false) return null;
  const loop = source.loops[call.loop!]!;
  const { confidence, reason } = confidenceFrom(heapAgrees, statementsAgree);
  const args = call.argNames.length > 0 ? call.argNames.join(', ') : 'no names';
  const evidence = [
    `call \`${call.text}\` at ${ctx.profileFileOf(source)}:${spanLabel(call.span)}, inside the loop \`for ${loop.targets.join(', ')} in ${loop.iterable}\` (${spanLabel(loop.span)})`,
    `its arguments read ${args}; the loop binds ${loop.assigned.join(', ') || 'nothing'}: none of them`,
  ];
  if (bytes !== null) evidence.push(bytesEvidence(ctx, calleeName, bytes, 'total'));
  if (row) evidence.push(`the call statement has Count ${row.count}${entries ? ` against ${entries} for the function's own top-level statements (≈ ${repeats!.toFixed(0)} calls per entry)` : ''}`);
  return {
    ...findingAt(ctx, source, call.statement, 'loop-invariant-call'),
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${call.callee}(…)\` is called on every pass of the loop with arguments that do not change in it${bytes !== null ? `, allocating ${formatBytes(bytes)} in all` : ''}: call it once before the loop and reuse the result.`,
  };
}
