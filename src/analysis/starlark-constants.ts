// Integers a def's code can count on without running it: the file's top-level constants
// (`SHARD_COUNT = 120`) and the parameters that receive one and the same constant at every call
// site in the sources (`sharded_test(shards = 50, …)` → shards = 50). For sizes written as
// `range(n * m)` or `[0] * n`; nothing is evaluated.
import type { SourceIndex } from './starlark-source.ts';
import { evaluateSize, lengthKey } from './starlark-syntax.ts';

/** Parameters of a def that every call site in the sources passes the same constant, by keyword or position. */
export function constantParameters(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  def: number | null,
): Map<string, number> {
  const known = new Map<string, number>();
  if (def === null) return known;
  const { name, params } = source.defs[def]!;
  const seen = new Map<string, (number | null)[]>();
  for (const s of sources) {
    for (const call of s.calls) {
      if (call.callee !== name) continue;
      params.forEach((param, i) => {
        const value = Object.hasOwn(call.keyword, param) ? call.keyword[param]! : (call.positional[i] ?? null);
        seen.set(param, [...(seen.get(param) ?? []), value]);
      });
    }
  }
  for (const [param, values] of seen) {
    if (values.length > 0 && values.every((v) => v !== null && v === values[0])) known.set(param, values[0]!);
  }
  return known;
}

/**
 * The names with a known integer inside a def: the file's constants, the constants of the other
 * sources it can load (a name one and only one value is bound to), then its constant parameters;
 * and under `len NAME` the lengths of top-level collections written with known sizes.
 */
export function knownIntegers(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  def: number | null,
): Map<string, number> {
  const known = new Map(Object.entries(source.constants));
  const loadable = loadableConstants(sources, source);
  for (const [name, value] of loadable) if (!known.has(name)) known.set(name, value);
  // `load(":x.bzl", n = "N")`: the alias names N's value.
  for (const [alias, name] of Object.entries(source.loadAliases))
    if (loadable.has(name) && !Object.hasOwn(source.constants, alias)) known.set(alias, loadable.get(name)!);
  for (const [name, value] of constantParameters(sources, source, def)) known.set(name, value);
  for (const from of [source, ...sources.filter((s) => s !== source)]) {
    for (const [name, size] of Object.entries(from.lengths)) {
      const length = evaluateSize(size, from === source ? known : knownIntegers([], from, null));
      const key = lengthKey(name);
      if (length !== null && !known.has(key) && (from === source || !Object.hasOwn(source.lengths, name)))
        known.set(key, length);
    }
  }
  return known;
}

/** Constants of the other sources that only one value is bound to across them (what a `load` can bring in). */
function loadableConstants(sources: readonly SourceIndex[], source: SourceIndex): Map<string, number> {
  const values = new Map<string, number | null>();
  for (const other of sources) {
    if (other === source) continue;
    for (const [name, value] of Object.entries(other.constants))
      values.set(name, values.has(name) && values.get(name) !== value ? null : value);
  }
  return new Map([...values].filter((e): e is [string, number] => e[1] !== null));
}
