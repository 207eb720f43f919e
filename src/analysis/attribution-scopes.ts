// The source side of the stack-led attribution (attribution.ts): which def a heap-flame frame is,
// where a caller calls a callee, and how a frame's own bytes of one value type split over the
// statements that can make that type. The statement and coverage profiles only say which
// statements ran; a statement's Count weighs it against its siblings (Count grows with runs and
// with the calls inside it), never stands for a number of runs.
import { frameFile, sourceFor } from './loop-finder.ts';
import type { ProfileJoins } from './profile-joins.ts';
import type { SourceAllocation, SourceIndex } from './starlark-source.ts';
import { evaluateSize } from './starlark-syntax.ts';

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
}

/** Elements assumed for a comprehension or repetition whose size is not written as constants. */
const UNKNOWN_SIZE = 32;
/** Allocations that copy or list a whole collection of unknown size. */
const WHOLE_COLLECTION = new Set(['copy', 'view']);
/** Without a statement profile, each loop level a statement sits in weighs this many times more. */
const DEPTH_WEIGHT = 10;

const BUILD_FILE = /(^|\/)(BUCK|BUCK\.v2|TARGETS|TARGETS\.v2)$/;

export class AttributionScopes {
  private readonly frameScopes = new Map<string, Scope[]>();
  private readonly callCache = new Map<string, CallShare[]>();
  private readonly allocationCache = new Map<string, AllocationShare[]>();
  private readonly defNames = new Set<string>();

  constructor(private readonly joins: ProfileJoins, readonly sources: readonly SourceIndex[]) {
    for (const source of sources) for (const def of source.defs) if (def.kind === 'def') this.defNames.add(def.name);
  }

  /** The scopes a frame name stands for: `module` → every build file's top level; `a/b.bzl.f` → def `f` of that file. */
  forFrame(frame: string): Scope[] {
    let scopes = this.frameScopes.get(frame);
    if (!scopes) this.frameScopes.set(frame, (scopes = this.resolve(frame)));
    return scopes;
  }

  private resolve(frame: string): Scope[] {
    if (frame === 'module') {
      return this.sources.flatMap((s, source) => (BUILD_FILE.test(s.path.replace(/\\/g, '/')) ? [{ source, def: null }] : []));
    }
    const file = frameFile(frame);
    const found = file === null ? null : sourceFor(file, this.sources);
    if (!found) return [];
    const name = frame.slice(file!.length + 1);
    const def = found.defs.findIndex((d) => d.name === name);
    return def < 0 ? [] : [{ source: this.sources.indexOf(found), def }];
  }

  /** Calls of `callee` made directly in `caller` (by name or load alias), each with its share by statement Count. */
  callsOf(caller: readonly Scope[], callee: readonly Scope[]): CallShare[] {
    const key = `${caller.map(scopeKey).join(',')}>${callee.map(scopeKey).join(',')}`;
    let shares = this.callCache.get(key);
    if (!shares) this.callCache.set(key, (shares = this.findCalls(caller, callee)));
    return shares;
  }

  private findCalls(caller: readonly Scope[], callee: readonly Scope[]): CallShare[] {
    const names = new Set(callee.map((s) => this.sources[s.source]!.defs[s.def ?? -1]?.name).filter((n): n is string => n !== undefined));
    const weighted: { source: number; call: number; weight: number }[] = [];
    for (const scope of caller) {
      const source = this.sources[scope.source]!;
      source.calls.forEach((call, i) => {
        if (call.def !== scope.def || !names.has(this.calledName(source, call.callee))) return;
        const weight = this.evidenceWeight(source, call.statement);
        if (weight !== null) weighted.push({ source: scope.source, call: i, weight });
      });
    }
    return normalise(weighted).map(({ item, share }) => ({ source: item.source, call: item.call, share }));
  }

  /** The def name a call reaches: the last part of a dotted callee, through `load` aliases. */
  private calledName(source: SourceIndex, callee: string): string {
    const name = callee.slice(callee.lastIndexOf('.') + 1);
    return Object.hasOwn(source.loadAliases, name) ? source.loadAliases[name]! : name;
  }

  /**
   * A statement's weight from the profiles: its Count when the statement profile has it (more
   * runs and more calls inside, more Count); 1 without profiles; null when the profiles say it
   * never ran or it sits in a branch that calls `fail` (a finished evaluation never ran one).
   */
  private evidenceWeight(source: SourceIndex, statementIndex: number): number | null {
    const statement = source.statements[statementIndex];
    if (!statement || statement.inFailBranch) return null;
    const row = this.joins.row(source, statement);
    if (row) return Math.max(1, row.count);
    return this.joins.ran(source, statement) === false ? null : 1;
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
    const own: { allocation: number; weight: number; types: readonly string[] }[] = [];
    source.allocations.forEach((allocation, i) => {
      if (allocation.def !== scope.def) return;
      if (allocation.kind === 'call' && this.defNames.has(this.calledName(source, allocation.callee))) return;
      const evidence = this.evidenceWeight(source, allocation.statement);
      if (evidence === null) return;
      own.push({ allocation: i, weight: evidence * this.sizeWeight(source, allocation), types: typesOf(allocation) });
    });
    const making = own.filter((a) => a.types.includes(type));
    return normalise(making.length > 0 ? making : own).map(({ item, share }) => ({ source: scope.source, allocation: item.allocation, share }));
  }

  /** Elements per run, as written, times the comprehensions around it within its statement (statement Count does not see elements). */
  private sizeWeight(source: SourceIndex, allocation: SourceAllocation): number {
    let weight = allocation.kind === 'call' ? 0.25 : 1;
    if (allocation.kind === 'literal' || allocation.kind === 'repeat' || allocation.kind === 'comprehension') {
      weight *= Math.max(1, evaluateSize(allocation.size) ?? (allocation.kind === 'literal' ? 1 : UNKNOWN_SIZE));
    } else if (WHOLE_COLLECTION.has(allocation.kind) || source.statements[allocation.statement]!.selfCopy) {
      weight *= UNKNOWN_SIZE; // a copy or view of a whole collection: as many elements as it holds
    }
    let depth = 0;
    for (let l = allocation.loop; l !== null; l = source.loops[l]!.parent) {
      const loop = source.loops[l]!;
      if (loop.def !== allocation.def) break;
      if (loop.kind === 'comprehension' && loop.statement === allocation.statement && allocation.kind !== 'comprehension') weight *= UNKNOWN_SIZE;
      depth++;
    }
    return this.joins.input.statement ? weight : weight * DEPTH_WEIGHT ** depth;
  }
}

/** Calls of natives (rules with keyword arguments) make the `dict` of their arguments; other sites say their types. */
function typesOf(allocation: SourceAllocation): readonly string[] {
  return allocation.kind === 'call' ? ['dict', 'struct'] : allocation.types;
}

function scopeKey(scope: Scope): string {
  return `${scope.source}/${scope.def ?? 'top'}`;
}

function normalise<T extends { weight: number }>(items: readonly T[]): { item: T; share: number }[] {
  const total = items.reduce((sum, i) => sum + i.weight, 0);
  return total > 0 ? items.map((item) => ({ item, share: item.weight / total })) : [];
}
