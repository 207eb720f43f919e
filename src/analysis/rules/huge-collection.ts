// Rule `huge-collection`: one statement builds a very large list, dict or string that the code
// then only indexes or measures (guide: "Simply allocating very big data-structures!"): every
// element is alive at once although a few are read. A big collection that is walked whole (a
// target list, a loop over it) is not this cause.
import { UNKNOWN_SIZE, loopIterations } from '../attribution-scopes.ts';
import { knownIntegers } from '../starlark-constants.ts';
import { evaluateSize } from '../starlark-syntax.ts';
import type { SourceIndex } from '../starlark-source.ts';
import { bytesEvidence, confidenceFrom, findingAt, type Finding, type RuleContext } from './context.ts';
import { defCalled, onlyElementsRead, usesOf } from './value-flow.ts';

/** A collection of at least this many elements is "very large" for one BUCK-file statement. */
export const HUGE_ELEMENTS = 10_000;
/** The statement's own bytes (and its callees') must be at least this share of all. */
const HUGE_SHARE = 0.1;

/**
 * About how many elements a statement's value holds: sizes written in it (`range(n)`, `[0] * n`,
 * with constants and constant parameters), a comprehension's iterations, or for `xs = f(…)` the
 * iterations of the loops in `f` that grow a collection. Null when nothing says.
 */
function elementCount(ctx: RuleContext, source: SourceIndex, statement: number): { elements: number; how: string } | null {
  const def = source.statements[statement]!.def;
  const known = knownIntegers(ctx.input.sources, source, def);
  let best: { elements: number; how: string } | null = null;
  const consider = (elements: number | null, how: string) => {
    if (elements !== null && (!best || elements > best.elements)) best = { elements, how };
  };
  for (const a of source.allocations) {
    if (a.statement !== statement) continue;
    consider(evaluateSize(a.size, known), 'as written, with the constants it names');
    if (a.kind === 'comprehension' && a.loop !== null) {
      consider(loopIterations(ctx, source, a.loop, known), 'the iterations of its comprehension');
      consider(elementsFromCount(ctx, source, statement, a.loop), 'its statement Count: 1 + the calls evaluated in it, per run, and each element makes its calls');
    }
  }
  for (const call of source.calls) {
    const callee = call.statement === statement ? defCalled(ctx, source, call.callee) : null;
    if (callee) consider(grownIn(ctx, callee.source, callee.def), `what ${call.callee}() appends in its loops`);
  }
  return best;
}

/** Elements of a comprehension whose element calls something: (Count per run − 1) / calls per element. */
function elementsFromCount(ctx: RuleContext, source: SourceIndex, statement: number, loop: number): number | null {
  const perElement = source.calls.filter((c) => c.loop === loop).length;
  const { row, entries } = ctx.runsPerEntry(source, source.statements[statement]!);
  const runs = source.statements[statement]!.def === null ? 1 : entries;
  if (!row || !runs || perElement === 0) return null;
  return Math.max(0, row.count / runs - 1) / perElement;
}

/** The most elements a def's loops add to one collection (`xs.append(…)`, `d[k] = v` in nested loops). */
function grownIn(ctx: RuleContext, source: SourceIndex, def: number): number | null {
  const known = knownIntegers(ctx.input.sources, source, def);
  let most: number | null = null;
  for (const a of source.allocations) {
    if (a.def !== def || a.kind !== 'growth' || a.loop === null) continue;
    let elements = 1;
    for (let l: number | null = a.loop; l !== null && source.loops[l]!.def === def; l = source.loops[l]!.parent) elements *= loopIterations(ctx, source, l, known) ?? UNKNOWN_SIZE;
    most = Math.max(most ?? 0, elements);
  }
  return most;
}

/** Assignments outside loops whose value is only indexed or measured afterwards, and heavy (or written huge). */
export function findHugeCollections(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    source.statements.forEach((statement, index) => {
      if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1 || statement.loop !== null) return;
      const uses = usesOf(ctx, source, statement.def, statement.assigns[0]!, index);
      if (!onlyElementsRead(uses)) return;
      const finding = judge(ctx, source, index, uses.length);
      if (finding) findings.push(finding);
    });
  }
  return findings;
}

function judge(ctx: RuleContext, source: SourceIndex, statement: number, reads: number): Finding | null {
  const base = findingAt(ctx, source, statement, 'huge-collection');
  const bytes = ctx.statementBytes(source, statement);
  const counted = elementCount(ctx, source, statement);
  if (!counted || counted.elements < HUGE_ELEMENTS) return null;
  const size = Math.round(counted.elements);
  const heapAgrees = bytes === null ? ctx.isCostly(ctx.selfBytesOf(base.function)) : ctx.share(bytes) >= HUGE_SHARE;
  if (heapAgrees === false) return null;
  const ran = ctx.ran(source, source.statements[statement]!);
  if (ran === false) return null;
  const { confidence, reason } = confidenceFrom(heapAgrees, ran, { yes: 'the statement profile shows it ran', none: 'no statement or coverage profile to show it ran' });
  const name = source.statements[statement]!.assigns[0]!;
  const evidence = [`\`${name}\` is only indexed or measured afterwards (${reads} read${reads === 1 ? '' : 's'}, none walks it), yet every element is built and kept`];
  evidence.push(`about ${size.toLocaleString('en-US')} elements: ${counted.how}`);
  if (bytes !== null) evidence.push(bytesEvidence(ctx, `${ctx.profileFileOf(source)}:${source.statements[statement]!.span.line}`, bytes, 'self'));
  return {
    ...base,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${name}\` holds about ${size.toLocaleString('en-US')} elements at once though only a few are read: compute the elements you need where you need them.`,
  };
}
