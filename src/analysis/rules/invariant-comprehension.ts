// The loop-invariant-call shape without a call: a comprehension in a loop's body that reads no
// name any enclosing loop binds (`keys = ["%s/r%d" % (version, r) for r in range(rows)]` inside
// `for mount in …`) builds the same collection on every pass (guide: "Repeatedly allocating
// memory unnecessarily in a loop"); build it once before the loops. Read by loop-invariant-call.ts.
import { formatBytes } from '../../model/units.ts';
import { BUILTIN_TYPES, CHEAP_CALLS } from '../starlark-allocation-kinds.ts';
import type { SourceIndex } from '../starlark-source.ts';
import {
  IN_STATEMENT_PROFILE,
  bytesEvidence,
  confidenceFrom,
  findingAt,
  loopChain,
  spanLabel,
  type Finding,
  type RuleContext,
} from './context.ts';
import { neverRuns } from './value-flow.ts';

/** Assignments in loops whose comprehension reads only names no enclosing loop binds. */
export function findInvariantComprehensions(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    source.statements.forEach((statement, index) => {
      if (statement.kind !== 'AssignStatement' || statement.loop === null || neverRuns(source, index)) return;
      const built = source.allocations.some((a) => a.statement === index && a.kind === 'comprehension');
      const loops = loopChain(source, statement.loop);
      const finding = built && isInvariant(source, index, loops) ? judge(ctx, source, index, loops) : null;
      if (finding) findings.push(finding);
    });
  }
  return findings;
}

/** Whether the statement reads some name and none that its enclosing loops bind (its own comprehensions' targets aside). */
function isInvariant(source: SourceIndex, index: number, loops: readonly number[]): boolean {
  const own = new Set(source.loops.filter((l) => l.statement === index).flatMap((l) => l.targets));
  const reads = source.reads.filter((r) => r.statement === index && !own.has(r.name)).map((r) => r.name);
  const bound = new Set(loops.flatMap((l) => source.loops[l]!.assigned));
  // A def or rule may return something new each pass (and a def is loop-invariant-call's own
  // shape); builtins (`range`, `str`) and methods of literals (`"…".format`) depend on their arguments.
  const calls = source.calls.some(
    (c) =>
      c.statement === index && c.callee !== '' && !CHEAP_CALLS.has(c.callee) && !Object.hasOwn(BUILTIN_TYPES, c.callee),
  );
  return reads.length > 0 && !calls && reads.every((name) => !bound.has(name));
}

function judge(ctx: RuleContext, source: SourceIndex, index: number, loops: readonly number[]): Finding | null {
  const statement = source.statements[index]!;
  const bytes = ctx.statementBytes(source, index);
  const heapAgrees = ctx.isCostly(bytes);
  if (heapAgrees === false || ctx.ran(source, statement) === false) return null;
  const outer = source.loops[loops[loops.length - 1]!]!;
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, statement),
    IN_STATEMENT_PROFILE,
  );
  const evidence = [
    `\`${statement.assigns.join(', ')}\` is built by a comprehension that reads no name the ${loops.length === 1 ? 'loop' : `${loops.length} loops`} around it bind (outermost \`for ${outer.targets.join(', ')} in ${outer.iterable}\` at ${ctx.profileFileOf(source)}:${spanLabel(outer.span)})`,
  ];
  if (bytes !== null)
    evidence.push(bytesEvidence(ctx, `${ctx.profileFileOf(source)}:${statement.span.line}`, bytes, 'self'));
  return {
    ...findingAt(ctx, source, index, 'loop-invariant-call'),
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${statement.assigns.join(', ')}\` is rebuilt on every pass from values that do not change${bytes !== null ? `, allocating ${formatBytes(bytes)} in all` : ''}: build it once before the loops and reuse it.`,
  };
}
