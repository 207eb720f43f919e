// Rule `dict-view-in-loop`: `.items()`, `.keys()` or `.values()` evaluated again on every pass of
// a hot loop; each call builds a new list (guide: "Usage of inefficient library calls").
import { formatBytes, formatPercent } from '../../model/units.ts';
import type { SourceCall, SourceIndex } from '../starlark-source.ts';
import { confidenceFrom, findingAt, loopChain, type Finding, type RuleContext } from './context.ts';

/** A view call is hot when it ran at least this many times per entry of its function. */
const HOT_CALLS = 10;

/** Types a view call allocates: the list, its backing array and, for `.items()`, one tuple per entry. */
const VIEW_TYPES = ['tuple', 'list', 'array'];

/** `.items()`/`.keys()`/`.values()` calls inside loops, judged by their function's list/tuple bytes and how often they ran. */
export function findDictViewsInLoops(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    for (const call of source.calls) {
      if (!call.viewMethod || call.loop === null) continue;
      const finding = judge(ctx, source, call);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function judge(ctx: RuleContext, source: SourceIndex, call: SourceCall): Finding | null {
  const base = findingAt(ctx, source, call.statement, 'dict-view-in-loop');
  const types = ctx.selfByType.get(base.function);
  const viewBytes = types ? VIEW_TYPES.reduce((sum, t) => sum + (types.get(t) ?? 0), 0) : ctx.selfBytesOf(base.function);
  const heapAgrees = ctx.isCostly(viewBytes);
  const { row, perEntry } = ctx.runsPerEntry(source, source.statements[call.statement]!);
  const statementsAgree = ctx.input.statement ? perEntry !== null && perEntry >= HOT_CALLS : null;
  if (heapAgrees === false || statementsAgree === false) return null;
  const receiver = call.callee.slice(0, call.callee.lastIndexOf('.'));
  const mutated = loopChain(source, call.loop).some((l) => source.loops[l]!.assigned.includes(receiver));
  const { confidence, reason } = confidenceFrom(heapAgrees, statementsAgree);
  const evidence = [`\`${call.text}\` is evaluated inside the loop at line ${source.loops[call.loop!]!.span.line}${mutated ? `, which also changes ${receiver}` : `, which never rebinds or mutates ${receiver}`}`];
  if (row) evidence.push(`its statement has Count ${row.count}${perEntry !== null ? ` (≈ ${perEntry.toFixed(0)} per entry of ${base.function}, 1–2 segments per run)` : ''}`);
  if (viewBytes !== null) evidence.push(`${base.function} itself allocated ${formatBytes(viewBytes)} of ${types ? VIEW_TYPES.join('/') : 'values'} (${formatPercent(viewBytes, ctx.totalBytes)} of all, GC off)`);
  return {
    ...base,
    bytes: viewBytes ?? 0,
    confidence: mutated ? 'low' : confidence,
    confidenceReason: mutated ? `${reason}; but ${receiver} changes inside the loop, so hoisting would change the result` : reason,
    evidence,
    message: `\`${call.callee}()\` builds a new list on every pass of the loop: take it once before the loop (\`${call.viewMethod} = ${call.callee}()\`) and iterate that${mutated ? ' — only if the dict does not change in between' : ''}.`,
  };
}
