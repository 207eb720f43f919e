// Rule `huge-collection`: one statement builds a very large list, dict or string that the code
// then only indexes or measures (guide: "Simply allocating very big data-structures!"): every
// element is alive at once although a few are read. A big collection that is walked whole (a
// target list, a loop over it) is not this cause.
import type { NameRead, SourceIndex } from '../starlark-source.ts';
import type { Span } from '../../model/profile.ts';
import {
  IN_STATEMENT_PROFILE,
  bytesEvidence,
  confidenceFrom,
  findingAt,
  type Finding,
  type RuleContext,
} from './context.ts';
import { elementCount } from './element-count.ts';
import { elementsFromBytes, largerCount } from './elements-from-bytes.ts';
import { itemsArePlain, joinedInPlace, plainItemsFromBytes, readSparsely } from './item-kind.ts';
import { isMeasured, onlyElementsRead, usesOf, usesOfReturned, type ValueUse } from './value-flow.ts';
import { formatNumber } from '../../model/units.ts';

/** A collection of at least this many elements is "very large" for one BUCK-file statement. */
export const HUGE_ELEMENTS = 10_000;
/** The statement's own bytes (and its callees') must be at least this share of all. */
const HUGE_SHARE = 0.1;

/**
 * Assignments outside loops whose value is only indexed or measured afterwards, and heavy (or
 * written huge); and a helper's `return <collection>` whose callers only index or measure it.
 */
export function findHugeCollections(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    source.statements.forEach((statement, index) => {
      if (statement.loop !== null) return;
      const read = readsOfValue(ctx, source, index);
      const way = howRead(ctx, source, index, read?.uses ?? null);
      if (!way) return;
      const name = read?.name ?? statement.assigns[0] ?? 'the joined list';
      const finding = judge(ctx, source, index, name, way === 'elements' ? read!.uses : [], way);
      if (finding) findings.push(finding);
    });
  }
  return findings;
}

/**
 * How a statement's collection is used when nothing needs it whole: only elements or a measure
 * are read; or its items are plain values (item-kind.ts) walked without per-item work, or
 * joined where they are built (whatever then reads the string). Null otherwise.
 */
function howRead(
  ctx: RuleContext,
  source: SourceIndex,
  index: number,
  uses: readonly ValueUse[] | null,
): 'elements' | 'walked' | 'joined' | null {
  if (uses && onlyElementsRead(uses)) return 'elements';
  if (!itemsArePlain(ctx, source, [index])) return null;
  const bytes = ctx.statementBytes(source, index);
  if (uses && readSparsely(ctx, uses, (u) => onlyElementsRead([u]), bytes)) return 'walked';
  return joinedInPlace(source, index) ? 'joined' : null;
}

/** Where the value a statement binds (or returns) is read, and the name it is known by. */
function readsOfValue(ctx: RuleContext, source: SourceIndex, index: number): { name: string; uses: ValueUse[] } | null {
  const statement = source.statements[index]!;
  // Measured where it is built: whatever the statement then does with the measure.
  const inPlace = measuredInPlace(source, index);
  if (inPlace) return inPlace;
  if (statement.kind === 'AssignStatement' && statement.assigns.length === 1) {
    return { name: statement.assigns[0]!, uses: usesOf(ctx, source, statement.def, statement.assigns[0]!, index) };
  }
  const returnsCollection =
    statement.kind === 'ReturnStatement' &&
    statement.def !== null &&
    source.allocations.some((a) => a.statement === index && COLLECTIONS.has(a.kind));
  if (!returnsCollection) return null;
  const returned = usesOfReturned(ctx, source, statement.def!);
  return returned && { name: `${source.defs[statement.def!]!.name}()`, uses: returned.uses };
}

/**
 * `hash("\n".join([…]))`: a collection built in the statement, made into one value by a call
 * (a join, `str(…)`) that is handed straight to a measure; the measure is its one read.
 */
function measuredInPlace(source: SourceIndex, index: number): { name: string; uses: ValueUse[] } | null {
  for (const call of source.calls) {
    const place = call.statement === index ? call.argumentOf : null;
    if (!place) continue;
    const read: NameRead = {
      name: call.text,
      line: call.span.line,
      column: call.span.column,
      statement: index,
      def: call.def,
      use: 'argument',
      ...place,
    };
    const here = source.allocations.filter((a) => a.statement === index);
    const made = here.some((a) => sameSpan(a.span, call.span));
    const built = here.some((a) => COLLECTIONS.has(a.kind) && within(a.span, call.span));
    if (made && built && isMeasured(read)) return { name: call.text.split('\n')[0]!, uses: [{ source, read }] };
  }
  return null;
}

const COLLECTIONS = new Set(['comprehension', 'literal', 'builtin', 'repeat']);
const sameSpan = (a: Span, b: Span) =>
  a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
const within = (inner: Span, outer: Span) =>
  (inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column)) &&
  (inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn)) &&
  !sameSpan(inner, outer);

const USE_WORDS: Record<'elements' | 'walked' | 'joined', (name: string, reads: number) => string> = {
  elements: (name, reads) =>
    `\`${name}\` is only indexed or measured afterwards (${reads} read${reads === 1 ? '' : 's'}, none walks it), yet every element is built and kept`,
  walked: (name) =>
    `\`${name}\` holds plain values that are only filtered, joined or read one by one (no walk declares or builds anything per item), yet every one is built and kept`,
  joined: (name) => `\`${name}\` builds plain values only to join them into one string where it is made`,
};

function judge(
  ctx: RuleContext,
  source: SourceIndex,
  statement: number,
  name: string,
  uses: readonly ValueUse[],
  way: 'elements' | 'walked' | 'joined',
): Finding | null {
  const reads = uses.length;
  const onlyMeasured = way === 'elements' && uses.every((u) => isMeasured(u.read));
  const base = findingAt(ctx, source, statement, 'huge-collection');
  const bytes = ctx.statementBytes(source, statement);
  // Walked or joined, the collection is huge only when its bytes say so: a count as written may
  // be the walk's, and a small table walked many times is not one.
  const plain = way === 'elements' ? null : plainItemsFromBytes(ctx, source, statement);
  if (way !== 'elements' && (plain?.elements ?? 0) < HUGE_ELEMENTS) return null;
  const fromBytes = largerCount(elementsFromBytes(ctx, source, statement), plain);
  // A value only measured (`len(xs)`) was built for nothing: its bytes say enough without a count.
  const counted =
    largerCount(elementCount(ctx, source, statement), fromBytes) ??
    (onlyMeasured ? { elements: 0, how: 'not known' } : null);
  if (!counted || (counted.elements < HUGE_ELEMENTS && !onlyMeasured)) return null;
  const size = Math.round(counted.elements);
  // Without a count that says huge, one value must weigh: a measure taken per call of a helper
  // (a short cache key per target) adds up to many bytes, each value small.
  const perRun = counted.elements < HUGE_ELEMENTS ? (ctx.entries(source, source.statements[statement]!.def) ?? 1) : 1;
  const heapAgrees =
    bytes === null ? ctx.isCostly(ctx.selfBytesOf(base.function)) : ctx.share(bytes / perRun) >= HUGE_SHARE;
  if (heapAgrees === false) return null;
  const ran = ctx.ran(source, source.statements[statement]!);
  if (ran === false) return null;
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, source.statements[statement]!),
    IN_STATEMENT_PROFILE,
  );
  const evidence = [USE_WORDS[way](name, reads)];
  if (size > 0) evidence.push(`about ${formatNumber(size)} elements: ${counted.how}`);
  if (bytes !== null)
    evidence.push(
      bytesEvidence(ctx, `${ctx.profileFileOf(source)}:${source.statements[statement]!.span.line}`, bytes, 'self'),
    );
  return {
    ...base,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `\`${name}\` holds ${size > 0 ? `about ${formatNumber(size)}` : 'all its'} elements at once though ${onlyMeasured ? 'only its length or hash is read' : way === 'elements' ? 'only a few are read' : way === 'walked' ? 'no item needs the others (they are only filtered or read one by one)' : 'they are only joined into one string'}: compute the elements you need where you need them.`,
  };
}
