// Stack-led attribution: every allocated byte of the heap flame is walked from its stack's root.
// Each caller → callee edge is matched to the callee's call sites in the caller's source
// (attribution-scopes.ts), and a frame's own bytes to its allocating statements; bytes go to the
// innermost loop (or comprehension) on the way from the allocation back to the root, across as
// many frames as it takes (the walk: attribution-walk.ts). The result — hot loops, hot call sites
// and bytes per statement, collected here — is what the rules, the report, the Statements tab and
// the source view all read. Plain data.
import { Walk } from './attribution-walk.ts';
import type { Attribution, HotCallSite, HotLoop, StatementBytes } from './attribution-types.ts';
import type { ProfileJoins } from './profile-joins.ts';

export type { AllocationBytes, Attribution, HotCallSite, HotLoop, StatementBytes } from './attribution-types.ts';

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
  const callSites = hotCallSites(walk);
  const statements = statementBytes(walk);
  const loops = hotLoops(walk, statements, callSites);
  const allocations = [...walk.allocationBytes].map(([key, bytes]) => {
    const [source, allocation] = splitKey(key);
    return { source, allocation, bytes, loop: reachedLoop(walk, `a${key}`) };
  });
  return { loops, callSites, statements, allocations, totalBytes, outsideLoopsBytes: walk.outside };
}

/** The call sites bytes went through, heaviest first. */
function hotCallSites(walk: Walk): HotCallSite[] {
  const { sources } = walk.scopes;
  const joins = walk.joins;
  return [...walk.callBytes]
    .map(([key, bytes]) => {
      const [source, call] = splitKey(key);
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
}

/** The loops bytes went to, heaviest first. */
function hotLoops(walk: Walk, statements: readonly StatementBytes[], callSites: readonly HotCallSite[]): HotLoop[] {
  const { sources } = walk.scopes;
  const joins = walk.joins;
  return [...walk.loopBytes]
    .map(([key, { bytes, byFrames }]) => {
      const [source, loop] = splitKey(key);
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
}

/** The loop most of a statement's or call's bytes went to, or null when most went to none. */
function reachedLoop(walk: Walk, key: string): { source: number; loop: number } | null {
  const best = [...(walk.reachedLoops.get(key) ?? [])].sort((a, b) => b[1] - a[1])[0];
  if (!best || best[0] === '') return null;
  const [source, loop] = splitKey(best[0]);
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
    const [source, statement] = splitKey(key);
    at(source, statement).own += bytes;
  }
  for (const [key, bytes] of walk.callBytes) {
    const [source, call] = splitKey(key);
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

/** A `source:index` key of the walk's byte maps as its two numbers. */
function splitKey(key: string): [number, number] {
  return key.split(':').map(Number) as [number, number];
}
