// The source side of the stack-led attribution (attribution.ts): which def a heap-flame frame is,
// where a caller calls a callee, and how a frame's own bytes of one value type split over the
// statements that can make that type, weighed by sizes as written and loop iterations. The
// statement and coverage profiles say which statements ran; a statement's Count is never taken
// for its runs (it is 1 + the calls evaluated inside it, per run), only a loop's body Count
// against its header Count estimates iterations where the source does not say. How often things
// ran and the most an allocation can have made are in attribution-runs.ts.
import { frameFile, sourceFor } from './profile-names.ts';
import type { ProfileJoins } from './profile-joins.ts';
import type { SourceAllocation, SourceIndex } from './starlark-source.ts';
import { knownIntegers } from './starlark-constants.ts';
import { UNKNOWN_SIZE, addsToNumber, typesOf, writtenSize } from './allocation-weights.ts';
import { calleeDefNames, resolveDef } from './starlark-callees.ts';
import { allocationCapacity, loopIterations, runsCap } from './attribution-runs.ts';

/** A def (or a build file's top level, `def: null`) of one source. */
export interface Scope {
  source: number;
  def: number | null;
}

/** A call of a callee in a caller scope, with its share of the edge's bytes. */
export interface CallShare {
  source: number;
  call: number;
  share: number;
}

/** An allocation of a scope with its share of the scope's bytes of one type. */
export interface AllocationShare {
  source: number;
  allocation: number;
  share: number;
  /** The most bytes it can have made when its size is written (elements × runs × BYTES_PER_ELEMENT), else Infinity. */
  capacity: number;
}

export { UNKNOWN_SIZE } from './allocation-weights.ts';
/** Allocations that copy or list a whole collection of unknown size. */
const WHOLE_COLLECTION = new Set(['copy', 'view']);

const BUILD_FILE = /(^|\/)(BUCK|BUCK\.v2|TARGETS|TARGETS\.v2)$/;

export class AttributionScopes {
  private readonly frameScopes = new Map<string, Scope[]>();
  private readonly callCache = new Map<string, CallShare[]>();
  private readonly allocationCache = new Map<string, AllocationShare[]>();
  private readonly defNames = new Set<string>();

  constructor(
    private readonly joins: ProfileJoins,
    readonly sources: readonly SourceIndex[],
  ) {
    for (const source of sources)
      for (const def of source.defs) for (const name of def.callNames) this.defNames.add(name);
  }

  /** The scopes a frame name stands for: `module` → every build file's top level; `a/b.bzl.f` → def `f` of that file. */
  forFrame(frame: string): Scope[] {
    let scopes = this.frameScopes.get(frame);
    if (!scopes) this.frameScopes.set(frame, (scopes = this.resolve(frame)));
    return scopes;
  }

  private resolve(frame: string): Scope[] {
    if (frame === 'module') {
      return this.sources.flatMap((s, source) =>
        BUILD_FILE.test(s.path.replace(/\\/g, '/')) ? [{ source, def: null }] : [],
      );
    }
    const file = frameFile(frame);
    const found = file === null ? null : sourceFor(file, this.sources);
    if (!found) return [];
    const name = frame.slice(file!.length + 1);
    // Every def of that name: the profiler names each lambda of a file `file.lambda`.
    const source = this.sources.indexOf(found);
    return found.defs.flatMap((d, def) => (d.name === name ? [{ source, def }] : []));
  }

  /** Calls of `callee` made directly in `caller` (by name or load alias), each with its share by statement Count. */
  callsOf(caller: readonly Scope[], callee: readonly Scope[]): CallShare[] {
    const key = `${caller.map(scopeKey).join(',')}>${callee.map(scopeKey).join(',')}`;
    let shares = this.callCache.get(key);
    if (!shares) this.callCache.set(key, (shares = this.findCalls(caller, callee)));
    return shares;
  }

  private findCalls(caller: readonly Scope[], callee: readonly Scope[]): CallShare[] {
    const names = new Set(callee.flatMap((s) => this.sources[s.source]!.defs[s.def ?? -1]?.callNames ?? []));
    const weighted: { source: number; call: number; weight: number }[] = [];
    for (const scope of caller) {
      const source = this.sources[scope.source]!;
      source.calls.forEach((call, i) => {
        if (call.def !== scope.def || !this.calledNames(source, call.callee).some((n) => names.has(n))) return;
        const weight = this.evidenceWeight(source, call.statement);
        if (weight !== null)
          weighted.push({
            source: scope.source,
            call: i,
            weight: weight * this.loopWeight(source, call.loop, scope.def),
          });
      });
    }
    return normalise(weighted).map(({ item, share }) => ({ source: item.source, call: item.call, share }));
  }

  private calledNames(source: SourceIndex, callee: string): string[] {
    return calleeDefNames(this.sources, source, callee);
  }

  /**
   * 1 when a statement may have run, null when the profiles say it never ran or it sits in a
   * branch that calls `fail` (a finished evaluation never ran one). Count is not a run count.
   */
  private evidenceWeight(source: SourceIndex, statementIndex: number): number | null {
    const statement = source.statements[statementIndex];
    if (!statement || statement.inFailBranch) return null;
    return this.joins.ran(source, statement) === false ? null : 1;
  }

  /** Iterations of the loops around a call within its def (a call in a loop weighs more than one outside). */
  private loopWeight(source: SourceIndex, loop: number | null, def: number | null): number {
    const known = this.knownIn(source, def);
    let weight = 1;
    for (let l = loop; l !== null && source.loops[l]!.def === def; l = source.loops[l]!.parent)
      weight *= this.iterations(source, l, known);
    return weight;
  }

  /** How a scope's own bytes of `type` split over its allocations that can make that type (or any, when none can). */
  allocationsOf(scope: Scope, type: string): AllocationShare[] {
    const key = `${scopeKey(scope)}:${type}`;
    let shares = this.allocationCache.get(key);
    if (!shares) this.allocationCache.set(key, (shares = this.splitAllocations(scope, type)));
    return shares;
  }

  private splitAllocations(scope: Scope, type: string): AllocationShare[] {
    const source = this.sources[scope.source]!;
    const own: { allocation: number; weight: number; types: readonly string[]; capacity: number }[] = [];
    source.allocations.forEach((allocation, i) => {
      if (allocation.def !== scope.def) return;
      if (this.evidenceWeight(source, allocation.statement) === null || addsToNumber(source, allocation)) return;
      if (allocation.kind === 'call' && this.calledNames(source, allocation.callee).some((n) => this.defNames.has(n))) {
        const inlined = this.inlinedCall(source, allocation);
        if (inlined) own.push({ allocation: i, ...inlined, capacity: Infinity });
        return;
      }
      own.push({
        allocation: i,
        weight: this.sizeWeight(source, allocation),
        types: typesOf(allocation),
        capacity: allocationCapacity(this.joins, this.sources, source, allocation),
      });
    });
    const making = own.filter((a) => a.types.includes(type));
    return normalise(making.length > 0 ? making : own).map(({ item, share }) => ({
      source: scope.source,
      allocation: item.allocation,
      share,
      capacity: item.capacity,
    }));
  }

  /**
   * What a call of an inlined def allocates in its caller's frame: the weights and types of the
   * allocations of its one `return` expression; null when the def has a frame of its own (its
   * bytes are on its own frame) or is not one starlark-rust inlines.
   */
  private inlinedCall(
    source: SourceIndex,
    call: SourceAllocation,
  ): { weight: number; types: readonly string[] } | null {
    const callee = resolveDef(this.sources, source, call.callee);
    if (!callee || !isInlinable(callee.source, callee.def) || !this.joins.hasNoFrame(callee.source, callee.def))
      return null;
    const made = callee.source.allocations.filter((a) => a.def === callee.def && a.kind !== 'call');
    if (made.length === 0) return null;
    return {
      weight: made.reduce((sum, a) => sum + this.sizeWeight(callee.source, a), 0),
      types: [...new Set(made.flatMap((a) => typesOf(a)))],
    };
  }

  /**
   * Elements per run times the iterations of the loops around it within its def: sizes as
   * written (`range(n)`, `[0] * n`, literals) with the file's constants and constant parameters,
   * else a loop's iterations estimated from the statement profile (its body's smallest Count
   * per start), else UNKNOWN_SIZE.
   */
  private sizeWeight(source: SourceIndex, allocation: SourceAllocation): number {
    const known = this.knownIn(source, allocation.def);
    let weight = allocation.kind === 'call' ? 0.25 : 1;
    const written = writtenSize(allocation, known);
    if (written !== null || allocation.kind === 'repeat' || allocation.kind === 'comprehension') {
      weight *= Math.max(1, written ?? UNKNOWN_SIZE); // `list(range(n))` says its size too
    } else if (WHOLE_COLLECTION.has(allocation.kind) || source.statements[allocation.statement]!.selfCopy) {
      weight *= UNKNOWN_SIZE; // a copy or view of a whole collection: as many elements as it holds
    }
    let repeats = 1;
    for (let l = allocation.loop; l !== null; l = source.loops[l]!.parent) {
      const loop = source.loops[l]!;
      if (loop.def !== allocation.def) break;
      // A comprehension's own list was sized above; its elements' allocations repeat per element.
      if (!(loop.kind === 'comprehension' && allocation.kind === 'comprehension' && l === allocation.loop))
        repeats *= this.iterations(source, l, known);
    }
    return weight * Math.min(repeats, runsCap(this.joins, source, allocation));
  }

  private iterations(source: SourceIndex, loop: number, known: ReadonlyMap<string, number>): number {
    return loopIterations(this.joins, source, loop, known) ?? UNKNOWN_SIZE;
  }

  /** The def's known integers (knownIntegers caches them per sources array). */
  private knownIn(source: SourceIndex, def: number | null): Map<string, number> {
    return knownIntegers(this.sources, source, def);
  }
}

/**
 * Whether starlark-rust would inline a def: a `def` whose body is one `return` statement with no
 * comprehension or lambda in it (def_inline.rs: those are never safe to inline).
 */
export function isInlinable(source: SourceIndex, def: number): boolean {
  if (source.defs[def]!.kind !== 'def') return false;
  const body = source.statements.filter((s) => s.def === def && s.kind !== 'FunctionDefinition');
  return (
    body.length === 1 &&
    body[0]!.kind === 'ReturnStatement' &&
    !source.loops.some((l) => l.def === def) &&
    !source.defs.some((d) => d.parent === def)
  );
}

function scopeKey(scope: Scope): string {
  return `${scope.source}/${scope.def ?? 'top'}`;
}

function normalise<T extends { weight: number }>(items: readonly T[]): { item: T; share: number }[] {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  return total > 0 ? items.map((item) => ({ item, share: item.weight / total })) : [];
}
