// Rule `materialize-then-process`: a list of generated items is built in one statement and only
// then iterated, instead of processing each item as it is made (guide: "Algorithmically
// inefficient code").
import type { SourceIndex, SourceStatement } from '../starlark-source.ts';
import { bytesEvidence, confidenceFrom, findingAt, type Finding, type RuleContext } from './context.ts';
import { calledDef } from './loop-invariant-call.ts';

/** Fewer items than this are not worth streaming. */
const MIN_ITEMS = 100;

/** The loop (index) that iterates exactly `name` and is the name's only reader after `statement`, else null. */
function soleConsumer(source: SourceIndex, statement: number, name: string): number | null {
  const producer = source.statements[statement]!;
  const reads = source.reads.filter((r) => r.name === name && r.def === producer.def && r.statement !== statement);
  if (reads.length !== 1) return null;
  const read = reads[0]!;
  const loop = source.loops.findIndex((l) => l.iterable === name && l.headerSpan.line <= read.line && read.line <= l.headerSpan.endLine && l.def === producer.def);
  // The consumer runs once per producer run: same enclosing loop (a list reused by an inner loop is not this cause).
  return loop >= 0 && source.loops[loop]!.parent === producer.loop ? loop : null;
}

/** How a producer statement generates its items: a comprehension, or a call of a def. */
function producerKind(ctx: RuleContext, source: SourceIndex, statement: number): string | null {
  const comprehension = source.constructs.find((c) => c.statement === statement && c.kind.endsWith('comprehension') && c.loop === source.statements[statement]!.loop);
  if (comprehension) return `a ${comprehension.kind.replace('-', ' ')}`;
  const call = source.calls.find((c) => c.statement === statement && c.loop === source.statements[statement]!.loop);
  return call && calledDef(ctx, call) ? `a call of ${call.callee}()` : null;
}

/**
 * `xs = [make(i) for i in …]` (or `xs = generate(…)`) followed by one loop over `xs` and no other
 * use of it. A chain (`ys = [f(x) for x in xs]; for y in ys`) is reported once, at its first list.
 */
export function findMaterializeThenProcess(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    const consumed = new Set<number>();
    source.statements.forEach((statement, index) => {
      if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1 || consumed.has(index)) return;
      const kind = producerKind(ctx, source, index);
      const consumer = kind ? soleConsumer(source, index, statement.assigns[0]!) : null;
      if (consumer === null) return;
      consumed.add(source.loops[consumer]!.statement);
      const finding = judge(ctx, source, index, statement, kind!, consumer);
      if (finding) findings.push(finding);
    });
  }
  return findings;
}

function judge(ctx: RuleContext, source: SourceIndex, index: number, statement: SourceStatement, kind: string, consumer: number): Finding | null {
  const base = findingAt(ctx, source, index, 'materialize-then-process');
  const bytes = ctx.bytesOf(base.function);
  const heapAgrees = ctx.isCostly(bytes);
  if (heapAgrees === false) return null;
  const { row, entries, perEntry } = ctx.runsPerEntry(source, statement);
  const items = perEntry === null ? null : Math.round(perEntry);
  const statementsAgree = ctx.input.statement ? items !== null && items >= MIN_ITEMS : null;
  if (statementsAgree === false) return null;
  const { confidence, reason } = confidenceFrom(heapAgrees, statementsAgree);
  const loop = source.loops[consumer]!;
  const name = statement.assigns[0]!;
  const evidence = [
    `\`${name}\` is built by ${kind} and read once more, by \`for ${loop.targets.join(', ')} in ${name}\` at line ${loop.span.line}`,
  ];
  if (items !== null) evidence.push(`about ${items.toLocaleString('en-US')} items: the statement's Count ${row!.count} per ${entries} entries of ${base.function}`);
  if (bytes !== null) evidence.push(bytesEvidence(ctx, base.function, bytes, 'total'));
  return {
    ...base,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${name}\` holds every generated item before any is processed: process each item as it is made (one loop that generates and uses it), so only one is alive at a time.`,
  };
}
