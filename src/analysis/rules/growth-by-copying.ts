// Rule `growth-by-copying`: a collection or string rebuilt from itself on every pass of a loop —
// `x = x + [y]`, `s += "…"` on a string, `dict(base, **kw)` / `list(xs)` / `sorted(xs)` per item —
// so each pass copies everything gathered so far (quadratic bytes), possibly in a helper that a
// loop further up the stack calls. Not one of the guide's five; the pattern real macros hit most.
import { assignedInDefAs, type SourceIndex, type SourceStatement } from '../starlark-source.ts';
import { elementCount } from './element-count.ts';
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

interface CopyShape {
  /** What is copied, in words. */
  what: string;
  /** The fix, in words. */
  fix: string;
}

/** Statements that rebuild a collection or string from a copy of itself, whose bytes reached a loop. */
export function findGrowthByCopying(ctx: RuleContext): Finding[] {
  const findings: Finding[] = [];
  for (const source of ctx.input.sources) {
    source.statements.forEach((statement, index) => {
      const shape = copyShape(ctx, source, statement, index);
      const finding = shape ? judge(ctx, source, index, shape) : null;
      if (finding) findings.push(finding);
    });
  }
  return findings;
}

/** Whether statement `i` binds `name` from a value that does not read it (`env = _cell_env(cell)`, not `acc = dict(acc, …)`). */
function bindsAfresh(source: SourceIndex, i: number, name: string): boolean {
  const s = source.statements[i]!;
  return (
    s.kind === 'AssignStatement' &&
    s.assigns.includes(name) &&
    s.selfCopy !== name &&
    !source.reads.some((r) => r.statement === i && r.name === name)
  );
}

/** Whether the loop around a statement also binds `name` afresh: then nothing accumulates across passes. */
function resetInLoop(source: SourceIndex, statement: SourceStatement, name: string): boolean {
  if (loopNames(source, statement.loop).includes(name)) return true;
  return source.statements.some(
    (s, i) => s !== statement && s.loop !== null && s.loop === statement.loop && bindsAfresh(source, i, name),
  );
}

/** Whether a loop binds `name` from itself somewhere in its body (`acc = acc + …`, `acc += …`), not only afresh. */
function accumulatesIn(source: SourceIndex, loop: number, name: string): boolean {
  return source.statements.some(
    (s, i) => s.assigns.includes(name) && loopChain(source, s.loop).includes(loop) && !bindsAfresh(source, i, name),
  );
}

function copyShape(ctx: RuleContext, source: SourceIndex, statement: SourceStatement, index: number): CopyShape | null {
  const grown = statement.selfCopy || (statement.kind === 'UpdateStatement' ? (statement.assigns[0] ?? '') : '');
  if (grown && resetInLoop(source, statement, grown)) return null;
  if (statement.selfCopy) {
    const name = statement.selfCopy;
    return {
      what: `\`${name} = ${name} + …\` builds a new ${statement.valueKind || 'value'} holding all of ${name} again`,
      fix: `append to ${name} in place (\`${name}.append(…)\` / \`${name}.extend(…)\`, or collect the parts and build once)`,
    };
  }
  if (statement.kind === 'UpdateStatement' && isString(source, statement)) {
    const name = statement.assigns[0] ?? 'the string';
    return {
      what: `\`${name} += …\` copies the whole string ${name} into a new one`,
      fix: `collect the parts in a list and \`"".join(parts)\` once after the loop`,
    };
  }
  // A copy of the loop's own item (`dict(target, …) for target in targets`) is per item, not growth;
  // a copy of a small shared default (`dict(COMMON, name = n)`) is what macros do: only a
  // collection that grows, or a big one, makes the copies add up.
  const copy = source.allocations.find(
    (a) =>
      a.statement === index &&
      a.kind === 'copy' &&
      !loopNames(source, a.loop).includes(a.callee) &&
      growsOrIsBig(ctx, source, statement, a.callee),
  );
  if (copy)
    return {
      what: `\`${copy.what}\` copies all of ${copy.callee}`,
      fix: `share ${copy.callee} instead of copying it per item (pass it alongside, or add only what differs)`,
    };
  return null;
}

/** Elements a shared collection must hold for copying it per item to count as growth. */
const BIG_COLLECTION = 100;

/**
 * Whether the copied collection accumulates or is big: changed in the loop around the copy, a
 * parameter the caller feeds back (`xs = extend(xs, x)` in a loop), or a global of at least
 * BIG_COLLECTION elements as written.
 */
function growsOrIsBig(ctx: RuleContext, source: SourceIndex, statement: SourceStatement, name: string): boolean {
  // Bound afresh on every pass (`env = _cell_env(cell, shard)` then `sorted(env)`): a copy per item.
  for (let l = statement.loop; l !== null; l = source.loops[l]!.parent)
    if (source.loops[l]!.assigned.includes(name) && accumulatesIn(source, l, name)) return true;
  const def = statement.def === null ? null : source.defs[statement.def]!;
  if (def?.params.includes(name)) {
    return ctx.input.sources.some((s) =>
      s.calls.some(
        (c) =>
          def.callNames.includes(c.callee.slice(c.callee.lastIndexOf('.') + 1)) &&
          c.loop !== null &&
          s.statements[c.statement]!.assigns.some((bound) => c.argNames.includes(bound)),
      ),
    );
  }
  const global = source.statements.findIndex(
    (s) => s.def === null && s.kind === 'AssignStatement' && s.assigns.length === 1 && s.assigns[0] === name,
  );
  const counted = global >= 0 ? elementCount(ctx, source, global) : null;
  return counted !== null && counted.elements >= BIG_COLLECTION;
}

/** Names the loops around `loop` bind as their items. */
function loopNames(source: SourceIndex, loop: number | null): string[] {
  const names: string[] = [];
  for (let l = loop; l !== null; l = source.loops[l]!.parent) names.push(...source.loops[l]!.targets);
  return names;
}

/** `s += …` where s is a string: the statement's value or an assignment of s in the same def says so. */
function isString(source: SourceIndex, statement: SourceStatement): boolean {
  return statement.valueKind === 'string' || assignedInDefAs(source, statement, 'string');
}

function judge(ctx: RuleContext, source: SourceIndex, index: number, shape: CopyShape): Finding | null {
  const statement = source.statements[index]!;
  const base = findingAt(ctx, source, index, 'growth-by-copying');
  const stats = ctx.attribution.statements.find(
    (s) => s.source === ctx.input.sources.indexOf(source) && s.statement === index,
  );
  const bytes = ctx.statementBytes(source, index);
  const reached =
    stats?.loop ??
    (statement.loop !== null ? { source: ctx.input.sources.indexOf(source), loop: statement.loop } : null);
  if (!reached) return null;
  const heapAgrees = ctx.isCostly(bytes);
  if (heapAgrees === false) return null;
  const ran = ctx.ran(source, statement);
  if (ran === false) return null;
  const { confidence, reason } = confidenceFrom(
    heapAgrees,
    ctx.inStatementProfile(source, statement),
    IN_STATEMENT_PROFILE,
  );
  const loopSource = ctx.input.sources[reached.source]!;
  const loop = loopSource.loops[reached.loop]!;
  const where =
    loopSource === source && loop.def === statement.def ? 'on every pass of' : `in a helper called on every pass of`;
  const evidence = [
    `${shape.what}, ${where} \`for ${loop.targets.join(', ')} in ${loop.iterable}\` (${ctx.profileFileOf(loopSource)}:${spanLabel(loop.span)} in ${ctx.functionOf(loopSource, loop.def)})`,
  ];
  if (bytes !== null)
    evidence.push(bytesEvidence(ctx, `${ctx.profileFileOf(source)}:${statement.span.line}`, bytes, 'self'));
  return {
    ...base,
    loopSpan: loopSource === source ? loop.span : base.loopSpan,
    bytes: bytes ?? 0,
    confidence,
    confidenceReason: reason,
    evidence,
    message: `Each pass copies everything gathered so far, so bytes grow with the square of the item count: ${shape.fix}.`,
  };
}
