// Rule `materialize-then-process`: every generated item is built into one collection first
// (a comprehension, a def that returns them, or `xs = []` / `d = {}` grown in a loop), and only then
// walked to declare targets, instead of declaring each item as it is made (guide:
// "Algorithmically inefficient code"). The walk may be a loop, a comprehension, a view of a dict,
// lookups `d[k]` in a second loop over the keys the first one added, or a helper the collection
// is handed to (also straight: `consume(produce())`); `len(xs)` beside it does not matter, nor a second walk
// (`for r in xs: rule(**r)` then `[r["name"] for r in xs]`: both can be done per item). A chain
// (`ys = [f(x) for x in xs]; for y in ys`) is reported once, at its first collection.
import type { NameRead, SourceIndex } from '../starlark-source.ts';
import {
  IN_STATEMENT_PROFILE,
  bytesEvidence,
  confidenceFrom,
  findingAt,
  loopChain,
  sumOrNull,
  type Finding,
  type RuleContext,
} from './context.ts';
import { elementCount, elementsAddedBy, walkedItems } from './element-count.ts';
import { largerCount } from './elements-from-bytes.ts';
import { HUGE_ELEMENTS } from './huge-collection.ts';
import { defResultsArePlain, itemsArePlain, plainItemsFromBytes, readSparsely } from './item-kind.ts';
import { defCalled, isIteration, isMeasured, usesOf, type ValueUse } from './value-flow.ts';
import { formatNumber } from '../../model/units.ts';

interface Producer {
  statement: number;
  name: string;
  /** How the items are made, in words. */
  kind: string;
  /** Statements that add the items (the producer itself, or its appends). */
  adders: number[];
  /** Whether the items are plain values, no records (item-kind.ts). */
  plain: boolean;
}

/** The items of an assignment: a comprehension, a def's result, or an empty collection grown by a later loop. */
function producerOf(ctx: RuleContext, source: SourceIndex, index: number): Producer | null {
  const statement = source.statements[index]!;
  if (statement.kind !== 'AssignStatement' || statement.assigns.length !== 1 || statement.loop !== null) return null;
  const name = statement.assigns[0]!;
  const plain = (adders: number[]) => itemsArePlain(ctx, source, adders);
  if (source.allocations.some((a) => a.statement === index && a.kind === 'comprehension'))
    return { statement: index, name, kind: 'a comprehension', adders: [index], plain: plain([index]) };
  const call = source.calls.find((c) => c.statement === index && c.loop === null && defCalled(ctx, source, c.callee));
  if (call)
    return { statement: index, name, kind: `a call of ${call.callee}()`, adders: [index], plain: plain([index]) };
  const adders = source.reads
    .filter(
      (r) =>
        r.name === name &&
        r.def === statement.def &&
        (isAppend(r) || isItemAssignment(source, r)) &&
        source.statements[r.statement]!.loop !== null,
    )
    .map((r) => r.statement);
  return adders.length > 0 && (statement.valueKind === 'list' || statement.valueKind === 'dict')
    ? {
        statement: index,
        name,
        kind: `additions in a loop (line ${source.statements[adders[0]!]!.span.line})`,
        adders,
        plain: plain(adders),
      }
    : null;
}

const isAppend = (r: NameRead) => r.use === 'method' && ['append', 'extend', 'insert'].includes(r.callee);

/** `d[k] = v`: the read is the target of its statement's item assignment. */
function isItemAssignment(source: SourceIndex, r: NameRead): boolean {
  const statement = source.statements[r.statement]!;
  return (
    r.use === 'subscript' &&
    statement.kind === 'AssignStatement' &&
    statement.span.line === r.line &&
    statement.span.column === r.column &&
    source.allocations.some((a) => a.statement === r.statement && a.kind === 'growth')
  );
}

/**
 * `d[k]` in a loop over what the additions' loop went over (`for n in names: d[n] = …` then
 * `for n in names: use(d[n])`): a walk over the items by their keys.
 */
function isKeyedWalk(use: ValueUse, source: SourceIndex, producer: Producer): boolean {
  if (use.source !== source || use.read.use !== 'subscript') return false;
  const adding = new Set(producer.adders.flatMap((a) => loopChain(source, source.statements[a]!.loop)));
  const iterables = new Set([...adding].map((l) => source.loops[l]!.iterable));
  return loopChain(source, source.statements[use.read.statement]!.loop).some(
    (l) => !adding.has(l) && iterables.has(source.loops[l]!.iterable),
  );
}

/**
 * The walks over the items, first first, when walking is all that is done with them (other reads
 * only measure or index them): each walk's work per item could be done as the item is made. Null
 * when a read needs the whole collection (handed on, sorted, returned) or nothing walks it.
 */
function walksOver(uses: readonly ValueUse[], producer: Producer, source: SourceIndex): ValueUse[] | null {
  const rest = uses.filter(
    (u) => !producer.adders.includes(u.read.statement) || (u.read.use !== 'method' && u.read.use !== 'subscript'),
  );
  const walks = rest.filter((u) => isIteration(u) || isKeyedWalk(u, source, producer));
  const others = rest.filter((u) => !isIteration(u) && !isMeasured(u.read) && u.read.use !== 'subscript');
  return walks.length > 0 && others.length === 0 ? walks : null;
}

/** Fewer than this share of the items looked up by key: the rest were made for nothing. */
const FEW_READ = 0.1;

/**
 * `pages = {m: render(m) for m in models}` then `for m in published: pages[m]`: every item is made
 * by a def, but only lookups in a loop over a far shorter collection read any, so most are never
 * used; make only the items looked up, as they are needed. Null unless every read is such a lookup.
 */
function sparseLookups(ctx: RuleContext, uses: readonly ValueUse[], producer: Producer, source: SourceIndex) {
  const statement = producer.statement;
  const perItem = source.calls.some(
    (c) => c.statement === statement && c.loop !== null && defCalled(ctx, source, c.callee),
  );
  const made = perItem ? elementCount(ctx, source, statement) : null;
  if (!made || made.elements < MIN_ITEMS || uses.length === 0) return null;
  const lookups = uses.filter((u) => u.source === source && u.read.use === 'subscript');
  if (lookups.length !== uses.length) return null;
  const read = lookups.map((u) => walkedItems(ctx, u));
  const total = read.reduce<number | null>((sum, n) => (sum === null || n === null ? null : sum + n), 0);
  return total !== null && total <= made.elements * FEW_READ ? { lookups, made, read: total } : null;
}

export function findMaterializeThenProcess(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    const chained = new Set<number>();
    source.statements.forEach((_, index) => {
      const producer = chained.has(index) ? null : producerOf(ctx, source, index);
      const walks = producer
        ? walksOver(usesOf(ctx, source, source.statements[index]!.def, producer.name, index), producer, source)
        : null;
      if (!producer) return;
      if (!walks) {
        const sparse = sparseFinding(ctx, source, producer);
        if (sparse) findings.push(sparse);
        return;
      }
      const finding = judge(ctx, source, producer, walks);
      if (!finding) return;
      findings.push(finding);
      // Only a reported link hides the rest of its chain: a small first collection (a table of
      // boards) walked into a heavy second one (a spec per board × variant) leaves the second to judge.
      for (const walk of walks) if (walk.source === source) chained.add(walk.read.statement);
    });
    findings.push(...handedStraightOn(ctx, source));
  }
  return findings;
}

/** `consume(produce(…))`: a def's result handed straight to a def that walks its parameter. */
function handedStraightOn(ctx: RuleContext, source: SourceIndex): Finding[] {
  const findings: Finding[] = [];
  for (const call of source.calls) {
    const place = call.argumentOf;
    const consumer =
      place && call.loop === null && defCalled(ctx, source, call.callee) ? defCalled(ctx, source, place.callee) : null;
    const param = consumer
      ? place!.position >= 0
        ? consumer.source.defs[consumer.def]!.params[place!.position]
        : place!.keyword
      : undefined;
    const made = consumer && param ? defCalled(ctx, source, call.callee)! : null;
    if (!consumer || !param || !made) continue;
    const producer: Producer = {
      statement: call.statement,
      name: `${call.callee}()`,
      kind: `a call of ${call.callee}() handed straight to ${place!.callee}()`,
      adders: [call.statement],
      plain: defResultsArePlain(ctx, made.source, made.def),
    };
    const walks = walksOver(usesOf(ctx, consumer.source, consumer.def, param, null), producer, source);
    const finding = walks && judge(ctx, source, producer, walks);
    if (finding) findings.push(finding);
  }
  return findings;
}

/** A comprehension of made items read only by a few lookups: judged on the items made, not the few read. */
function sparseFinding(ctx: RuleContext, source: SourceIndex, producer: Producer): Finding | null {
  if (producer.adders.length !== 1 || producer.adders[0] !== producer.statement) return null;
  const uses = usesOf(ctx, source, source.statements[producer.statement]!.def, producer.name, producer.statement);
  const sparse = sparseLookups(ctx, uses, producer, source);
  if (!sparse) return null;
  const few = `only about ${Math.round(sparse.read)} of them are ever looked up`;
  return judge(ctx, source, producer, sparse.lookups, { ...sparse.made, how: `${sparse.made.how}; ${few}` });
}

/**
 * Plain values, a huge number of them, walked without per-item work (filtered down, joined):
 * a huge collection (huge-collection.ts), not this (docs/design.md, the boundary).
 */
function isHugeCollection(
  ctx: RuleContext,
  source: SourceIndex,
  producer: Producer,
  walks: readonly ValueUse[],
  counted: { elements: number } | null,
): boolean {
  const bytes = sumOrNull(producer.adders.map((s) => ctx.statementBytes(source, s)));
  if (!producer.plain || !readSparsely(ctx, walks, () => false, bytes)) return false;
  const fromBytes = producer.adders.length === 1 ? plainItemsFromBytes(ctx, source, producer.statement) : null;
  return (largerCount(counted ? { how: '', ...counted } : null, fromBytes)?.elements ?? 0) >= HUGE_ELEMENTS;
}

/** Fewer items than this per run are not worth streaming. */
const MIN_ITEMS = 100;

function judge(
  ctx: RuleContext,
  source: SourceIndex,
  producer: Producer,
  walks: readonly ValueUse[],
  items?: { elements: number; how: string },
): Finding | null {
  const walk = walks[0]!;
  const reportAt = producer.adders[0]!;
  const made =
    producer.adders[0] === producer.statement
      ? elementCount(ctx, source, producer.statement)
      : {
          elements: elementsAddedBy(ctx, source, producer.adders),
          how: 'the iterations of the loops around its additions',
        };
  // The walk visits every item once: its size as written or its Counts say how many there are
  // more surely than the producer's loops (Counts over-estimate those by the calls in them).
  const walked = items ? null : walkedItems(ctx, walk);
  const counted =
    items ??
    (walked !== null ? { elements: walked, how: `the items the walk at line ${walk.read.line} visits` } : made);
  if (counted && counted.elements < MIN_ITEMS) return null;
  if (isHugeCollection(ctx, source, producer, walks, counted)) return null;
  const base = findingAt(ctx, source, reportAt, 'materialize-then-process');
  const perAdder = producer.adders.map((s) => ctx.statementBytes(source, s));
  const bytes = perAdder.includes(null) ? null : perAdder.reduce<number>((sum, b) => sum + b!, 0);
  const heapAgrees = bytes === null ? ctx.isCostly(ctx.bytesOf(base.function)) : ctx.isCostly(bytes);
  const ran = ctx.ran(source, source.statements[reportAt]!);
  if (heapAgrees === false || ran === false) return null;
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, source.statements[reportAt]!),
    IN_STATEMENT_PROFILE,
  );
  const evidence = [
    `\`${producer.name}\` is built by ${producer.kind} and then ${items ? 'looked up' : 'walked'} ${walks.length === 1 ? 'once' : `${walks.length} times`}, at ${walks.map((w) => `${ctx.profileFileOf(w.source)}:${w.read.line}`).join(', ')}${walk.source !== source || walk.read.def !== source.statements[producer.statement]!.def ? ' (in a helper it is passed to)' : ''}`,
  ];
  if (counted) evidence.push(`about ${formatNumber(Math.round(counted.elements))} items per run: ${counted.how}`);
  if (bytes !== null)
    evidence.push(
      bytesEvidence(ctx, `${ctx.profileFileOf(source)}:${source.statements[reportAt]!.span.line}`, bytes, 'self'),
    );
  return {
    ...base,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${producer.name}\` holds every generated item before any is processed: process each item as it is made (one loop that generates and uses it), so only one is alive at a time.`,
  };
}
