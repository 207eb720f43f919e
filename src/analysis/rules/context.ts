// What every advisor rule sees: the profiles of one run, the matched sources, and the joins
// between them (function bytes, statement rows by span, function entries).
import { NodeKind } from '../../model/call-tree.ts';
import { PairSums } from '../pair-sums.ts';
import { formatBytes, formatPercent } from '../../model/units.ts';
import { spanLabel, type HeapFlame, type Span, type StatementRow } from '../../model/profile.ts';
import { functionBytesOf } from '../function-table.ts';
import { attribute, type Attribution } from '../attribution.ts';
import type { FunctionBytes } from '../loop-finder.ts';
import { ProfileJoins, type AdviceInput } from '../profile-joins.ts';
import type { SourceIndex, SourceStatement } from '../starlark-source.ts';
import { repeatingLoopOf, type LoopPlace } from './repeating-loop.ts';

export type { AdviceInput };

/** Every cause the advisor knows, one rule each (GUIDE_LINKS names the guide section of each). */
export const CAUSES = [
  'loop-invariant-call',
  'huge-collection',
  'materialize-then-process',
  'dict-view-in-loop',
  'rare-case-allocation',
  'growth-by-copying',
] as const;
export type Cause = (typeof CAUSES)[number];
export type Confidence = 'high' | 'medium' | 'low';

const GUIDE = 'https://buck2.build/docs/users/faq/starlark_peak_mem/';

/** The guide section each cause comes from. */
export const GUIDE_LINKS: Record<Cause, string> = {
  'loop-invariant-call': `${GUIDE}#repeatedly-allocating-memory-unnecessarily-in-a-loop`,
  'huge-collection': `${GUIDE}#simply-allocating-very-big-data-structures`,
  'materialize-then-process': `${GUIDE}#algorithmically-inefficient-code`,
  'dict-view-in-loop': `${GUIDE}#usage-of-inefficient-library-calls`,
  'rare-case-allocation': `${GUIDE}#allocating-for-rare-cases`,
  // Not one of the guide's sections by name: its "algorithmically inefficient code" covers it.
  'growth-by-copying': `${GUIDE}#algorithmically-inefficient-code`,
};

/** One piece of advice, with the evidence that backs it. */
export interface Finding {
  cause: Cause;
  /** Profiler frame name of the function to change (`defs.bzl.cxx_libraries`, `module`). */
  function: string;
  /** The file as the profiles name it (project-relative path). */
  file: string;
  /** The statement to change, as the statement profile spans it. */
  span: Span;
  /** Bytes the evidence attributes to the cause (what exactly is said in `evidence`). */
  bytes: number;
  confidence: Confidence;
  message: string;
  /** Why this confidence. */
  confidenceReason: string;
  evidence: string[];
  guide: string;
  /** Path of the matched source file as given (for the source view). */
  sourcePath: string;
  functionSpan: Span | null;
  loopSpan: Span | null;
}

/** A function whose bytes are at least this share of the total is "costly". */
export const COSTLY_SHARE = 0.25;

/** Joins a rule needs, computed once per run. */
export class RuleContext extends ProfileJoins {
  readonly functionBytes: Map<string, FunctionBytes>;
  /** Self bytes per function per value type (heap flame only). */
  readonly selfByType = new Map<string, Map<string, number>>();
  readonly totalBytes: number;
  /** Where the heap flame's bytes went: loops, call sites, statements (attribution.ts). */
  readonly attribution: Attribution;
  private readonly statementBytesByKey = new Map<string, number>();
  private readonly allocationBytesByKey = new Map<string, number>();
  private readonly allocationLoopByKey = new Map<string, { source: number; loop: number }>();
  private readonly callBytesByKey = new Map<string, number>();

  constructor(input: AdviceInput) {
    super(input);
    const flame = input.heapFlame;
    this.functionBytes = functionBytesOf(flame, input.summary);
    if (flame) this.indexTypes(flame);
    this.totalBytes = flame ? flame.tree.total[0]! : (input.summary?.totals.allocBytes ?? 0);
    this.attribution = attribute(this);
    for (const s of this.attribution.statements)
      this.statementBytesByKey.set(`${s.source}:${s.statement}`, s.own + s.calls);
    for (const a of this.attribution.allocations) {
      this.allocationBytesByKey.set(`${a.source}:${a.allocation}`, a.bytes);
      if (a.loop) this.allocationLoopByKey.set(`${a.source}:${a.allocation}`, a.loop);
    }
    for (const c of this.attribution.callSites) this.callBytesByKey.set(`${c.source}:${c.call}`, c.bytes);
  }

  /**
   * Bytes the attribution gives a statement: its own allocations plus what the defs it calls
   * allocated; null without a heap flame (a summary cannot say which statement allocated).
   */
  statementBytes(source: SourceIndex, statement: number): number | null {
    if (!this.input.heapFlame) return null;
    return this.statementBytesByKey.get(`${this.input.sources.indexOf(source)}:${statement}`) ?? 0;
  }

  /** Bytes of one allocating expression of a source; null without a heap flame. */
  allocationBytes(source: SourceIndex, allocation: number): number | null {
    if (!this.input.heapFlame) return null;
    return this.allocationBytesByKey.get(`${this.input.sources.indexOf(source)}:${allocation}`) ?? 0;
  }

  /** The loop that repeats a statement (repeating-loop.ts), null when none does. */
  repeatingLoop(source: SourceIndex, statement: number): LoopPlace | null {
    return repeatingLoopOf(this.input.sources, this.attribution, source, statement);
  }

  /**
   * The loop that repeats one allocating expression: its own, else the loop most of its bytes
   * went to up the stack — not its statement's (`[a for a in T.values()]`: the view is made once
   * per call, the comprehension's elements once per element), else null.
   */
  allocationLoop(source: SourceIndex, allocation: number): { source: SourceIndex; loop: number } | null {
    const own = source.allocations[allocation]!.loop;
    if (own !== null) return { source, loop: own };
    const found = this.allocationLoopByKey.get(`${this.input.sources.indexOf(source)}:${allocation}`);
    return found ? { source: this.input.sources[found.source]!, loop: found.loop } : null;
  }

  /** Bytes a callee allocated (its callees included) through one call; null without a heap flame. */
  callBytes(source: SourceIndex, call: number): number | null {
    if (!this.input.heapFlame) return null;
    return this.callBytesByKey.get(`${this.input.sources.indexOf(source)}:${call}`) ?? 0;
  }

  /** Sums type leaves by (function, type) name ids first (no name string or Map per node), then names them. */
  private indexTypes(flame: HeapFlame): void {
    const tree = flame.tree;
    const sums = new PairSums();
    for (let i = 1; i < tree.name.length; i++) {
      const parent = tree.parent[i]!;
      if (tree.kind[i] === NodeKind.Type && parent > 0) sums.add(tree.name[parent]!, tree.name[i]!, tree.total[i]!);
    }
    const name = (id: number) => (id < 0 ? '' : tree.names[id]!);
    for (let e = 0; e < sums.size; e++) {
      const [fn, type] = [name(sums.first[e]!), name(sums.second[e]!)];
      const types = this.selfByType.get(fn) ?? new Map<string, number>();
      types.set(type, (types.get(type) ?? 0) + sums.sum[e]!);
      this.selfByType.set(fn, types);
    }
  }

  /** Bytes a function allocated itself, from the flame or the summary; null when it is not in them. */
  selfBytesOf(functionName: string): number | null {
    return this.functionBytes.get(functionName)?.self ?? null;
  }

  /**
   * Whether the heap profiles call these bytes costly (at least COSTLY_SHARE of all): null
   * without a heap flame or summary, so a rule can tell "not costly" from "not known".
   */
  isCostly(bytes: number | null): boolean | null {
    return this.input.heapFlame || this.input.summary ? this.share(bytes) >= COSTLY_SHARE : null;
  }

  /**
   * A statement's profile row and how often it ran per entry of its function (row Count /
   * `entries`, 1–3 segments per run); `perEntry` is null when either is unknown.
   */
  runsPerEntry(source: SourceIndex, statement: SourceStatement): StatementRuns {
    const row = this.row(source, statement);
    const entries = this.entries(source, statement.def);
    return { row, entries, perEntry: row && entries ? row.count / entries : null };
  }

  /** Bytes of a function: total (callees included) from the flame, else self from the summary. */
  bytesOf(functionName: string): number | null {
    const b = this.functionBytes.get(functionName);
    return b ? (b.total ?? b.self) : null;
  }

  /** Share of all allocated bytes (0 when nothing is known). */
  share(bytes: number | null): number {
    return bytes !== null && this.totalBytes > 0 ? bytes / this.totalBytes : 0;
  }
}

/** What the statement profile says about one source statement (`RuleContext.runsPerEntry`). */
export interface StatementRuns {
  row: StatementRow | null;
  entries: number | null;
  perEntry: number | null;
}

// Rules print spans through the context as before; the function lives with `Span` so the page's
// views can use it without loading the rules.
export { spanLabel };

/** The parts of a finding every rule fills the same way, for a statement of a source. */
export function findingAt(
  ctx: RuleContext,
  source: SourceIndex,
  statementIndex: number,
  cause: Cause,
): Pick<Finding, 'cause' | 'function' | 'file' | 'span' | 'guide' | 'sourcePath' | 'functionSpan' | 'loopSpan'> {
  const statement = source.statements[statementIndex]!;
  const loop = statement.loop === null ? null : source.loops[statement.loop]!;
  return {
    cause,
    function: ctx.functionOf(source, statement.def),
    file: ctx.profileFileOf(source),
    span: ctx.row(source, statement)?.span ?? statement.span,
    guide: GUIDE_LINKS[cause],
    sourcePath: source.path,
    functionSpan: statement.def === null ? null : source.defs[statement.def]!.span,
    loopSpan: loop?.span ?? null,
  };
}

/** Every open loop from the innermost one outwards. */
export function loopChain(source: SourceIndex, loop: number | null): number[] {
  const chain: number[] = [];
  for (let l = loop; l !== null; l = source.loops[l]!.parent) chain.push(l);
  return chain;
}

/** How a rule words its second kind of evidence (after the heap profile). */
export interface SecondEvidence {
  yes: string;
  none: string;
}

/** The statement profile as every rule weighs it: its row shows the statement ran (never how often). */
export const IN_STATEMENT_PROFILE: SecondEvidence = {
  yes: 'the statement profile has its row: it ran',
  none: 'no statement profile row to show it ran',
};

/** Confidence from how many kinds of evidence agree: syntax is always there; heap and statement data add. */
export function confidenceFrom(
  heapAgrees: boolean | null,
  secondAgrees: boolean | null,
  second: SecondEvidence = IN_STATEMENT_PROFILE,
): { confidence: Confidence; reason: string } {
  const parts = [
    'the syntax tree shows the pattern',
    heapAgrees === null
      ? 'no heap profile to weigh it'
      : heapAgrees
        ? 'the heap profile shows the bytes'
        : 'the heap profile shows only a small share of bytes',
    secondAgrees ? second.yes : second.none,
  ];
  const agreeing = (heapAgrees ? 1 : 0) + (secondAgrees ? 1 : 0);
  const confidence: Confidence = agreeing === 2 ? 'high' : agreeing === 1 ? 'medium' : 'low';
  return { confidence, reason: parts.join('; ') };
}

/** "`f` itself allocated 13.2 MiB (100% of all, GC off): string 7.66 MiB, …" — the bytes line of a finding. */
export function bytesEvidence(
  ctx: RuleContext,
  functionName: string,
  bytes: number,
  scope: 'self' | 'total',
  withTypes = false,
): string {
  const types = withTypes
    ? [...(ctx.selfByType.get(functionName) ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1])
        .map(([t, b]) => `${t} ${formatBytes(b)}`)
        .join(', ')
    : '';
  const verb = scope === 'self' ? 'itself allocated' : 'allocated';
  const tail = scope === 'total' ? ', callees included' : '';
  return `${functionName} ${verb} ${formatBytes(bytes)} (${formatPercent(bytes, ctx.totalBytes)} of all, GC off)${tail}${types ? `: ${types}` : ''}`;
}

/** The sum, or null when one part is not known (no heap flame). */
export function sumOrNull(parts: readonly (number | null)[]): number | null {
  return parts.reduce<number | null>((sum, b) => (sum === null || b === null ? null : sum + b), 0);
}
