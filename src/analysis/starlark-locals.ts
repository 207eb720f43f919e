// Integers a def binds to names of its own, once: `n = count * 2`, or an entry of a constant
// defaults table reached through a copy (`opts = dict(_DEFAULTS)`, `opts.update(kwargs)`,
// `space = opts["port_space"]`) when no call in the sources passes that key, so the table's value
// stands. Nothing is evaluated; a name bound twice, a loop target or a parameter is left unknown.
import type { BoundValue } from './starlark-bindings.ts';
import type { SourceIndex } from './starlark-source.ts';
import { evaluateSize } from './starlark-size-expressions.ts';

/** Methods after which a copied table's entries are no longer what the table says. */
const REMOVING_METHODS = new Set(['pop', 'popitem', 'clear']);

/** The def's names bound once to an integer it can tell, in the order they are bound. */
export function localIntegers(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  def: number,
  known: ReadonlyMap<string, number>,
): Map<string, number> {
  const found = new Map<string, number>();
  const scope = new Map(known);
  const once = boundOnce(source, def);
  for (const [name, index] of [...once].sort((a, b) => a[1] - b[1])) {
    const bound = source.bindings[index];
    const value =
      bound?.kind === 'size'
        ? evaluateSize(bound.size, scope)
        : bound?.kind === 'entry'
          ? entryValue(sources, source, def, once, bound)
          : null;
    if (value === null) continue;
    scope.set(name, value);
    found.set(name, value);
  }
  return found;
}

/** Names the def binds in exactly one plain assignment (statement index), not a parameter nor a loop target. */
function boundOnce(source: SourceIndex, def: number): Map<string, number> {
  const counts = new Map<string, number[]>();
  source.statements.forEach((s, i) => {
    if (s.def !== def) return;
    for (const name of s.assigns)
      counts.set(name, [...(counts.get(name) ?? []), s.kind === 'AssignStatement' ? i : -1]);
  });
  const excluded = new Set([
    ...source.defs[def]!.params,
    ...source.loops.filter((l) => l.def === def).flatMap((l) => l.targets),
  ]);
  const once = new Map<string, number>();
  for (const [name, at] of counts) if (at.length === 1 && at[0]! >= 0 && !excluded.has(name)) once.set(name, at[0]!);
  return once;
}

/** `T["key"]` of a constant table T, or of the def's unchanged copy of one; null when not sure. */
function entryValue(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  def: number,
  once: ReadonlyMap<string, number>,
  entry: Extract<BoundValue, { kind: 'entry' }>,
): number | null {
  let table = entry.of;
  const local = once.get(table);
  if (local !== undefined) {
    const copy = source.bindings[local];
    if (copy?.kind !== 'copy' || changedInDef(source, def, table) || keyPassedByCalls(sources, entry.key)) return null;
    table = copy.of;
  } else if (source.defs[def]!.params.includes(table)) return null;
  return tableEntries(sources, source, table)?.[entry.key] ?? null;
}

/** Whether the def stores into the dict (`d[k] = v`), removes from it, or updates it with more than a parameter. */
function changedInDef(source: SourceIndex, def: number, name: string): boolean {
  const params = source.defs[def]!.params;
  const stored = source.reads.some((r) => {
    const at = source.statements[r.statement]!;
    const target = at.span.line === r.line && at.span.column === r.column;
    return r.def === def && r.name === name && r.use === 'subscript' && target && at.kind !== 'ExpressionStatement';
  });
  const changed = source.calls.some((c) => {
    if (c.def !== def || !c.callee.startsWith(`${name}.`)) return false;
    const method = c.callee.slice(name.length + 1);
    const fromParameters = c.args.every((a) => a.keyword === '' && params.includes(a.text.replace(/^\*\*/, '')));
    return REMOVING_METHODS.has(method) || (method === 'update' && !fromParameters);
  });
  return stored || changed;
}

/**
 * Whether any call in the sources passes `key = …`: through `**kwargs` it may reach the copy's
 * update. The `dict(key = …)` that writes a table is not such a call.
 */
function keyPassedByCalls(sources: readonly SourceIndex[], key: string): boolean {
  return sources.some((s) =>
    s.calls.some((c) => c.args.some((a) => a.keyword === key) && !writesTable(s, c.statement)),
  );
}

const writesTable = (source: SourceIndex, statement: number) =>
  source.statements[statement]!.def === null &&
  source.statements[statement]!.assigns.some((name) => Object.hasOwn(source.dictIntegers, name));

/** A top-level dict's integer entries: the file's own, else the one table of that name the other sources bind. */
function tableEntries(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  name: string,
): Record<string, number> | null {
  if (Object.hasOwn(source.dictIntegers, name)) return source.dictIntegers[name]!;
  const wanted = Object.hasOwn(source.loadAliases, name) ? source.loadAliases[name]! : name;
  const found = sources.filter((s) => s !== source && Object.hasOwn(s.dictIntegers, wanted));
  return found.length === 1 ? found[0]!.dictIntegers[wanted]! : null;
}
