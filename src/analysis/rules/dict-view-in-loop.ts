// Rule `dict-view-in-loop`: `.items()`, `.keys()` or `.values()` evaluated again on every pass of
// a loop — in the loop's own def, or in a helper the loop calls (the view in the helper's `for`
// header is built once per call) — each call builds a new list (guide: "Usage of inefficient
// library calls").
import type { SourceAllocation, SourceIndex } from '../starlark-source.ts';
import {
  IN_STATEMENT_PROFILE,
  bytesEvidence,
  confidenceFrom,
  findingAt,
  loopChain,
  spanLabel,
  sumOrNull,
  type Finding,
  type RuleContext,
} from './context.ts';

/** View allocations repeated by a loop (here or up the stack) whose own bytes are a large share. */
export function findDictViewsInLoops(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    // The same view in defs the profile names alike (every lambda of a file is `file.lambda`):
    // the heap flame cannot tell their bytes apart, so they are judged together, at the first.
    const groups = new Map<string, number[]>();
    source.allocations.forEach((allocation, index) => {
      if (allocation.kind !== 'view' || ctx.ran(source, source.statements[allocation.statement]!) === false) return;
      const key = `${ctx.functionOf(source, allocation.def)}\0${receiverOf(source, allocation)}${allocation.what}`;
      groups.set(key, [...(groups.get(key) ?? []), index]);
    });
    for (const group of groups.values()) {
      const finding = judge(ctx, source, group);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

/** The receiver a view is taken of (`deps_by_platform` in `deps_by_platform.items()`), '' when it is computed. */
function receiverOf(source: SourceIndex, allocation: SourceAllocation): string {
  const call = source.calls.find(
    (c) => c.span.line === allocation.span.line && c.span.column === allocation.span.column,
  );
  return call && call.callee.includes('.') ? call.callee.slice(0, call.callee.lastIndexOf('.')) : '';
}

function judge(ctx: RuleContext, source: SourceIndex, group: readonly number[]): Finding | null {
  const index = group[0]!;
  const allocation = source.allocations[index]!;
  const repeating = ctx.allocationLoop(source, index) ?? ctx.repeatingLoop(source, allocation.statement);
  if (!repeating) return null;
  const bytes = sumOrNull(group.map((i) => ctx.allocationBytes(source, i)));
  const heapAgrees =
    bytes === null ? ctx.isCostly(ctx.selfBytesOf(ctx.functionOf(source, allocation.def))) : ctx.isCostly(bytes);
  const statement = source.statements[allocation.statement]!;
  if (heapAgrees === false) return null;
  const receiver = receiverOf(source, allocation);
  const local = repeating.source === source && source.loops[repeating.loop]!.def === allocation.def;
  const mutated =
    local &&
    receiver !== '' &&
    loopChain(source, repeating.loop).some((l) => source.loops[l]!.assigned.includes(receiver));
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, statement),
    IN_STATEMENT_PROFILE,
  );
  const loop = repeating.source.loops[repeating.loop]!;
  const where = `${ctx.profileFileOf(repeating.source)}:${spanLabel(loop.span)} in ${ctx.functionOf(repeating.source, loop.def)}`;
  const evidence = [
    `\`${receiver || '…'}${allocation.what}\` is evaluated again on every pass of \`for ${loop.targets.join(', ')} in ${loop.iterable}\` (${where})${local ? '' : ', through the calls down to it'}${mutated ? `, which also changes ${receiver}` : ''}`,
  ];
  if (group.length > 1)
    evidence.push(
      `the same view is taken at line${group.length > 2 ? 's' : ''} ${group
        .slice(1)
        .map((i) => source.allocations[i]!.span.line)
        .join(
          ', ',
        )} too, in code the profile names alike (${ctx.functionOf(source, allocation.def)}): their bytes are counted together`,
    );
  const row = ctx.row(source, statement);
  if (row) evidence.push(`its statement has Count ${row.count} (1 + the calls evaluated in it, per run): it ran`);
  if (bytes !== null)
    evidence.push(
      bytesEvidence(
        ctx,
        `${receiver}${allocation.what} at ${ctx.profileFileOf(source)}:${group.map((i) => source.allocations[i]!.span.line).join(', ')}`,
        bytes,
        'self',
      ),
    );
  return {
    ...findingAt(ctx, source, allocation.statement, 'dict-view-in-loop'),
    bytes: bytes ?? 0,
    confidence: mutated ? 'low' : confidence,
    confidenceReason: mutated
      ? `${reason}; but ${receiver} changes inside the loop, so hoisting would change the result`
      : reason,
    evidence,
    message: `\`${receiver}${allocation.what}\` builds a new list on every pass: take it once outside the loop${local ? '' : ' (or pass the list in)'} and iterate that${mutated ? ' — only if the dict does not change in between' : ''}.`,
  };
}
