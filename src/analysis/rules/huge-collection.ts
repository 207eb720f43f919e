// Rule `huge-collection`: one statement builds a very large list or dict (guide: "Simply
// allocating very big data-structures!").
import { evaluateSize } from '../starlark-syntax.ts';
import type { Construct, SourceIndex } from '../starlark-source.ts';
import { bytesEvidence, confidenceFrom, findingAt, type Finding, type RuleContext } from './context.ts';

/** A collection of at least this many elements is "very large" for one BUCK-file statement. */
export const HUGE_ELEMENTS = 10_000;

const COLLECTION_KINDS = new Set(['list', 'dict', 'list-comprehension', 'dict-comprehension', 'repeat']);

/**
 * The constant each parameter of a def receives at every call site in the sources, by keyword or
 * position (`sharded_test(shards = 50, …)` → shards = 50); parameters that vary are left out.
 */
export function constantParameters(ctx: RuleContext, source: SourceIndex, def: number | null): Map<string, number> {
  const known = new Map<string, number>();
  if (def === null) return known;
  const { name, params } = source.defs[def]!;
  const seen = new Map<string, (number | null)[]>();
  for (const s of ctx.input.sources) {
    for (const call of s.calls) {
      if (call.callee !== name) continue;
      params.forEach((param, i) => {
        const value = Object.hasOwn(call.keyword, param) ? call.keyword[param]! : call.positional[i] ?? null;
        seen.set(param, [...(seen.get(param) ?? []), value]);
      });
    }
  }
  for (const [param, values] of seen) {
    if (values.length > 0 && values.every((v) => v !== null && v === values[0])) known.set(param, values[0]!);
  }
  return known;
}

interface Sized {
  construct: Construct;
  elements: number;
  /** How the element count was found. */
  how: string;
}

/** Element count of a construct: from constants as written, else from its statement's count. */
function sizeOf(ctx: RuleContext, source: SourceIndex, construct: Construct, params: Map<string, number>): Sized | null {
  const written = evaluateSize(construct.size, params);
  if (written !== null) {
    const how = construct.sizeHint !== null ? 'written as constants in the source' : 'from the constant arguments its def receives at every call site';
    return { construct, elements: written, how };
  }
  if (!construct.kind.endsWith('comprehension') || construct.loop !== null) return null;
  const { row, entries, perEntry } = ctx.runsPerEntry(source, source.statements[construct.statement]!);
  if (perEntry === null) return null;
  return { construct, elements: Math.round(perEntry), how: `estimated from the statement's Count ${row!.count} per ${entries} entries of its function (1–2 segments per element)` };
}

/** Statements that build one collection of at least HUGE_ELEMENTS elements, in functions whose own allocations are large. */
export function findHugeCollections(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    const largest = new Map<number, Sized>();
    for (const construct of source.constructs) {
      if (!COLLECTION_KINDS.has(construct.kind)) continue;
      const sized = sizeOf(ctx, source, construct, constantParameters(ctx, source, construct.def));
      const seen = largest.get(construct.statement);
      if (sized && sized.elements >= HUGE_ELEMENTS && (!seen || sized.elements > seen.elements)) largest.set(construct.statement, sized);
    }
    for (const [statement, sized] of largest) {
      const finding = judge(ctx, source, statement, sized);
      if (finding) findings.push(finding);
    }
  }
  return findings;
}

function judge(ctx: RuleContext, source: SourceIndex, statement: number, sized: Sized): Finding | null {
  const base = findingAt(ctx, source, statement, 'huge-collection');
  const self = ctx.selfBytesOf(base.function);
  const heapAgrees = ctx.isCostly(self);
  if (heapAgrees === false) return null;
  const fromConstants = !sized.how.startsWith('estimated');
  const { confidence, reason } = confidenceFrom(heapAgrees, fromConstants, {
    yes: 'its size is written in the source', none: 'its size is only estimated from statement counts',
  });
  const kind = sized.construct.kind.replace('-', ' ');
  const evidence = [`a ${kind} of about ${sized.elements.toLocaleString('en-US')} elements (${sized.how})`];
  if (self !== null) evidence.push(bytesEvidence(ctx, base.function, self, 'self', true));
  return {
    ...base,
    bytes: self ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `This statement builds one ${kind} of about ${sized.elements.toLocaleString('en-US')} elements, all alive at once: split it, or compute the few elements you need where you need them.`,
  };
}
