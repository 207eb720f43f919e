// Stack-led attribution: every allocated byte of the heap flame is walked from its stack's root.
// Each caller → callee edge is matched to the callee's call sites in the caller's source
// (attribution-scopes.ts), and a frame's own bytes to its allocating statements; bytes go to the
// innermost loop (or comprehension) on the way from the allocation back to the root, across as
// many frames as it takes. The result — hot loops, hot call sites and bytes per statement — is
// what the rules, the report, the Statements tab and the source view all read. Plain data.
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import { AttributionScopes, type AllocationShare, type Scope } from './attribution-scopes.ts';
import type { Attribution, HotCallSite, HotLoop, StatementBytes } from './attribution-types.ts';
import type { ProfileJoins } from './profile-joins.ts';

export type { AllocationBytes, Attribution, HotCallSite, HotLoop, StatementBytes } from './attribution-types.ts';

/** One way into a frame: the innermost loop above it (null: none) with its share and the frames since. */
interface Entry {
  loop: string | null;
  share: number;
  frames: readonly string[];
}

/** Subtrees lighter than this share of the total are not walked (they cannot rank). */
const NEGLIGIBLE = 1e-6;

class Walk {
  readonly scopes: AttributionScopes;
  readonly loopBytes = new Map<string, { bytes: number; byFrames: Map<string, number> }>();
  readonly callBytes = new Map<string, number>();
  readonly ownBytes = new Map<string, number>();
  readonly allocationBytes = new Map<string, number>();
  outside = 0;
  private readonly contexts = new Map<string, Entry[]>();
  /** Per statement or call key: bytes by the loop they went to ('' none). */
  readonly reachedLoops = new Map<string, Map<string, number>>();

  noteLoops(key: string, entries: readonly Entry[], bytes: number): void {
    let loops = this.reachedLoops.get(key);
    if (!loops) this.reachedLoops.set(key, (loops = new Map()));
    for (const e of entries) add(loops, e.loop ?? '', bytes * e.share);
  }

  constructor(
    readonly joins: ProfileJoins,
    private readonly tree: CallTree,
  ) {
    this.scopes = new AttributionScopes(joins, joins.input.sources);
  }

  run(): void {
    const tree = this.tree;
    const minimum = tree.total[0]! * NEGLIGIBLE;
    const entries: (Entry[] | undefined)[] = [];
    const root: Entry[] = [{ loop: null, share: 1, frames: [] }];
    for (let i = 1; i < tree.name.length; i++) {
      // Values allocated with no frame on the stack (`range 24` at the root) are outside every loop.
      if (tree.kind[i] !== NodeKind.Function && tree.parent[i] === 0) this.outside += tree.total[i]!;
      if (tree.kind[i] !== NodeKind.Function) continue;
      if (tree.total[i]! < minimum) {
        i = tree.end[i]! - 1;
        continue;
      }
      const parent = tree.parent[i]!;
      const here = this.enter(
        parent > 0 ? entries[parent]! : root,
        parent > 0 ? tree.names[tree.name[parent]!]! : '',
        tree.names[tree.name[i]!]!,
        tree.total[i]!,
      );
      entries[i] = here;
      this.ownAllocations(i, here);
    }
  }

  /** The entries of a frame reached from `caller` (with entries `above`): through its call sites' loops, else inherited. */
  private enter(above: Entry[], caller: string, callee: string, bytes: number): Entry[] {
    const callerScopes = caller ? this.scopes.forFrame(caller) : [];
    const calls = callerScopes.length > 0 ? this.scopes.callsOf(callerScopes, this.scopes.forFrame(callee)) : [];
    for (const c of calls) {
      const key = `${c.source}:${c.call}`;
      add(this.callBytes, key, bytes * c.share);
      const call = this.scopes.sources[c.source]!.calls[c.call]!;
      const reached = call.loop !== null ? [{ loop: `${c.source}:${call.loop}`, share: 1, frames: [] }] : above;
      this.noteLoops(key, reached, bytes * c.share);
      this.noteLoops(`s${c.source}:${call.statement}`, reached, bytes * c.share);
    }
    const key = `${this.contextId(above)}>${caller}>${callee}`;
    let entries = this.contexts.get(key);
    if (entries) return entries;
    if (calls.length === 0) entries = above.map((e) => ({ ...e, frames: [...e.frames, callee] }));
    else {
      entries = calls.flatMap((c) => {
        const loop = this.scopes.sources[c.source]!.calls[c.call]!.loop;
        if (loop !== null) return [{ loop: `${c.source}:${loop}`, share: c.share, frames: [caller, callee] }];
        return above.map((e) => ({ loop: e.loop, share: e.share * c.share, frames: [...e.frames, callee] }));
      });
    }
    this.contexts.set(key, entries);
    return entries;
  }

  private readonly ids = new WeakMap<Entry[], number>();
  private nextId = 0;
  /** One number per distinct entries array (contexts are shared, so equal ways in share one). */
  private contextId(entries: Entry[]): number {
    let id = this.ids.get(entries);
    if (id === undefined) this.ids.set(entries, (id = this.nextId++));
    return id;
  }

  /** A frame's own bytes, type by type, to its allocating statements and their loops (else the loops above). */
  private ownAllocations(node: number, entries: Entry[]): void {
    const tree = this.tree;
    const frame = tree.names[tree.name[node]!]!;
    const scopes = this.scopes.forFrame(frame);
    for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) {
      if (tree.kind[c] !== NodeKind.Type) continue;
      this.placeOwn(scopes, tree.names[tree.name[c]!]!, tree.total[c]!, frame, entries);
    }
    if (tree.self[node]! > 0) this.placeOwn(scopes, '', tree.self[node]!, frame, entries);
  }

  private placeOwn(scopes: readonly Scope[], type: string, bytes: number, frame: string, entries: Entry[]): void {
    // A frame several defs share (`file.lambda`): the bytes are split over those that can allocate.
    const each = scopes.map((s) => this.scopes.allocationsOf(s, type)).filter((shares) => shares.length > 0);
    const shares = capped(
      each.flat().map((a) => ({ ...a, share: a.share / each.length })),
      bytes,
    );
    let placed = 0;
    for (const a of shares) {
      const allocation = this.scopes.sources[a.source]!.allocations[a.allocation]!;
      const statement = `${a.source}:${allocation.statement}`;
      add(this.ownBytes, statement, bytes * a.share);
      add(this.allocationBytes, `${a.source}:${a.allocation}`, bytes * a.share);
      if (allocation.loop !== null) {
        this.credit(`${a.source}:${allocation.loop}`, bytes * a.share, [frame]);
        this.noteLoops(
          `s${statement}`,
          [{ loop: `${a.source}:${allocation.loop}`, share: 1, frames: [] }],
          bytes * a.share,
        );
      } else {
        this.creditAbove(entries, bytes * a.share);
        this.noteLoops(`s${statement}`, entries, bytes * a.share);
      }
      placed += a.share;
    }
    if (placed < 1 - 1e-9) this.creditAbove(entries, bytes * (1 - placed));
  }

  private creditAbove(entries: readonly Entry[], bytes: number): void {
    for (const e of entries) {
      if (e.loop === null) this.outside += bytes * e.share;
      else this.credit(e.loop, bytes * e.share, e.frames);
    }
  }

  private credit(loop: string, bytes: number, frames: readonly string[]): void {
    let entry = this.loopBytes.get(loop);
    if (!entry) this.loopBytes.set(loop, (entry = { bytes: 0, byFrames: new Map() }));
    entry.bytes += bytes;
    add(entry.byFrames, frames.join('\n'), bytes);
  }
}

/**
 * Shares of `bytes` with no allocation given more than it can have made: what a capped one
 * cannot hold goes to the others by their shares (to all by their shares when every one is capped).
 */
function capped(shares: readonly AllocationShare[], bytes: number): AllocationShare[] {
  const out = shares.map((a) => ({ ...a }));
  for (let round = 0; round < out.length; round++) {
    const over = out.filter((a) => a.share * bytes > a.capacity * (1 + 1e-9));
    if (over.length === 0) break;
    let freed = 0;
    for (const a of over) {
      freed += a.share - a.capacity / bytes;
      a.share = a.capacity / bytes;
    }
    const open = out.filter((a) => a.share * bytes < a.capacity * (1 - 1e-9));
    const openShare = open.reduce((sum, a) => sum + a.share, 0);
    if (openShare <= 0) return shares.map((a) => ({ ...a })); // all bounded: the sizes were too low, keep the weights
    for (const a of open) a.share += freed * (a.share / openShare);
  }
  return out;
}

function add(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}

/**
 * Attributes a run's heap flame to its sources. Without a heap flame there is nothing to walk:
 * the result is empty (a heap summary has no stacks to say where a callee was called).
 *
 * @example for samples/loop-invariant-call/before:
 *   attribute(joins).loops[0]
 *   // → { function: 'defs.bzl.platform_flag_table', span: 9:9-15:1, frames: ['defs.bzl.platform_flag_table'], … }
 *   attribute(joins).callSites[0]
 *   // → { function: 'defs.bzl.cxx_libraries', callee: 'platform_flag_table', span: 20:17-58, loop: (for name in names), … }
 */
export function attribute(joins: ProfileJoins): Attribution {
  const flame = joins.input.heapFlame;
  if (!flame || joins.input.sources.length === 0) {
    return {
      loops: [],
      callSites: [],
      statements: [],
      allocations: [],
      totalBytes: flame?.tree.total[0] ?? 0,
      outsideLoopsBytes: flame?.tree.total[0] ?? 0,
    };
  }
  const walk = new Walk(joins, flame.tree);
  walk.run();
  return collect(walk, flame.tree.total[0]!);
}

function collect(walk: Walk, totalBytes: number): Attribution {
  const { sources } = walk.scopes;
  const joins = walk.joins;
  const split = (key: string) => key.split(':').map(Number) as [number, number];
  const callSites: HotCallSite[] = [...walk.callBytes]
    .map(([key, bytes]) => {
      const [source, call] = split(key);
      const s = sources[source]!;
      const c = s.calls[call]!;
      return {
        function: joins.functionOf(s, c.def),
        file: joins.profileFileOf(s),
        sourcePath: s.path,
        source,
        call,
        span: c.span,
        callee: c.callee,
        bytes,
        loop: c.loop,
        reachedLoop: reachedLoop(walk, key),
      };
    })
    .sort((a, b) => b.bytes - a.bytes);
  const statements = statementBytes(walk);
  const loops: HotLoop[] = [...walk.loopBytes]
    .map(([key, { bytes, byFrames }]) => {
      const [source, loop] = split(key);
      const s = sources[source]!;
      const l = s.loops[loop]!;
      const frames = [...byFrames].sort((a, b) => b[1] - a[1])[0]![0].split('\n');
      return {
        function: joins.functionOf(s, l.def),
        file: joins.profileFileOf(s),
        sourcePath: s.path,
        source,
        loop,
        kind: l.kind,
        span: l.span,
        header: `for ${l.targets.join(', ')} in ${l.iterable}`,
        bytes,
        throughBytes: throughBytes(walk, statements, callSites, source, loop),
        frames,
      };
    })
    .sort((a, b) => b.bytes - a.bytes || a.span.line - b.span.line);
  const allocations = [...walk.allocationBytes].map(([key, bytes]) => {
    const [source, allocation] = split(key);
    return { source, allocation, bytes };
  });
  return { loops, callSites, statements, allocations, totalBytes, outsideLoopsBytes: walk.outside };
}

/** The loop most of a statement's or call's bytes went to, or null when most went to none. */
function reachedLoop(walk: Walk, key: string): { source: number; loop: number } | null {
  const best = [...(walk.reachedLoops.get(key) ?? [])].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[0] === '') return null;
  const [source, loop] = best[0].split(':').map(Number) as [number, number];
  return { source, loop };
}

function statementBytes(walk: Walk): StatementBytes[] {
  const { sources } = walk.scopes;
  const byStatement = new Map<string, StatementBytes>();
  const at = (source: number, statement: number) => {
    const key = `${source}:${statement}`;
    let row = byStatement.get(key);
    if (!row) {
      const s = sources[source]!;
      byStatement.set(
        key,
        (row = {
          source,
          statement,
          file: walk.joins.profileFileOf(s),
          span: s.statements[statement]!.span,
          own: 0,
          calls: 0,
          loop: reachedLoop(walk, `s${key}`),
        }),
      );
    }
    return row;
  };
  for (const [key, bytes] of walk.ownBytes) {
    const [source, statement] = key.split(':').map(Number) as [number, number];
    at(source, statement).own += bytes;
  }
  for (const [key, bytes] of walk.callBytes) {
    const [source, call] = key.split(':').map(Number) as [number, number];
    at(source, sources[source]!.calls[call]!.statement).calls += bytes;
  }
  return [...byStatement.values()].sort((a, b) => b.own + b.calls - (a.own + a.calls));
}

/** Bytes of the statements and calls inside a loop's extent (its def's statements whose loop chain reaches it). */
function throughBytes(
  walk: Walk,
  statements: readonly StatementBytes[],
  callSites: readonly HotCallSite[],
  source: number,
  loop: number,
): number {
  const s = walk.scopes.sources[source]!;
  const inside = (l: number | null) => {
    for (let x = l; x !== null; x = s.loops[x]!.parent) if (x === loop) return true;
    return false;
  };
  let bytes = 0;
  const holder = s.loops[loop]!.statement;
  for (const row of statements)
    if (row.source === source && (row.statement === holder || inside(s.statements[row.statement]!.loop)))
      bytes += row.own;
  for (const site of callSites) if (site.source === source && inside(site.loop)) bytes += site.bytes;
  return bytes;
}
