// The walk behind the stack-led attribution (attribution.ts): every allocated byte of the heap
// flame, from its stack's root down. Each caller → callee edge goes to the callee's call sites in
// the caller's source, a frame's own bytes to its allocating statements (never more than each can
// have made), and bytes to the innermost loop on the way back to the root. It fills byte maps
// keyed by source:loop, source:call and source:statement; attribution.ts turns them into rows.
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import { AttributionScopes, type AllocationShare, type Scope } from './attribution-scopes.ts';
import type { ProfileJoins } from './profile-joins.ts';

/** One way into a frame: the innermost loop above it (null: none) with its share and the frames since. */
interface Entry {
  loop: string | null;
  share: number;
  frames: readonly string[];
}

/** Subtrees lighter than this share of the total are not walked (they cannot rank). */
const NEGLIGIBLE = 1e-6;

export class Walk {
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
      const reached =
        allocation.loop !== null ? [{ loop: `${a.source}:${allocation.loop}`, share: 1, frames: [] }] : entries;
      if (allocation.loop !== null) this.credit(`${a.source}:${allocation.loop}`, bytes * a.share, [frame]);
      else this.creditAbove(entries, bytes * a.share);
      this.noteLoops(`s${statement}`, reached, bytes * a.share);
      this.noteLoops(`a${a.source}:${a.allocation}`, reached, bytes * a.share);
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
