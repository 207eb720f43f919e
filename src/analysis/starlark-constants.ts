// Integers a def's code can count on without running it: the file's top-level constants
// (`SHARD_COUNT = 120`) and the parameters that receive one and the same constant at every call
// site in the sources (`sharded_test(shards = 50, …)` → shards = 50). For sizes written as
// `range(n * m)` or `[0] * n`; nothing is evaluated.
import type { SourceIndex } from './starlark-source.ts';
import { evaluateSize, lengthKey } from './starlark-size-expressions.ts';
import { localIntegers } from './starlark-locals.ts';

/** How many callers up a constant argument is followed (`f(n)` where the caller's `n` is itself a parameter). */
const CALLER_DEPTH = 3;

/**
 * Parameters of a def that receive one and the same integer at every call site in the sources:
 * an argument written as a number, or as names the caller knows (its constants, its own constant
 * parameters), or the parameter's default where a call leaves it out.
 */
export function constantParameters(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  def: number | null,
  depth = 0,
): Map<string, number> {
  const known = new Map<string, number>();
  if (def === null) return known;
  const { name, params, defaults } = source.defs[def]!;
  const seen = new Map<string, (number | null)[]>();
  const fileConstants = new Map(Object.entries(source.constants));
  for (const s of sources) {
    for (const call of s.calls) {
      if (call.callee !== name) continue;
      const callerKnown = depth < CALLER_DEPTH ? knownIntegers(sources, s, call.def, depth + 1) : null;
      params.forEach((param, i) => {
        const written = Object.hasOwn(call.keyword, param) ? call.keyword[param]! : (call.positional[i] ?? undefined);
        const value =
          written === undefined
            ? evaluateSize(Object.hasOwn(defaults, param) ? defaults[param]! : null, fileConstants)
            : callerKnown && evaluateSize(written, callerKnown);
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
  depth = 0,
): Map<string, number> {
  let cache = knownCache.get(sources);
  if (!cache) knownCache.set(sources, (cache = new Map()));
  const key = `${sources.length}\0${sources.indexOf(source)}\0${source.path}\0${def}\0${depth}`;
  let known = cache.get(key);
  if (!known) cache.set(key, (known = computeKnownIntegers(sources, source, def, depth)));
  return known;
}

/** Answers per sources array: the rules ask for the same def's names once per statement. */
const knownCache = new WeakMap<readonly SourceIndex[], Map<string, Map<string, number>>>();

function computeKnownIntegers(
  sources: readonly SourceIndex[],
  source: SourceIndex,
  def: number | null,
  depth: number,
): Map<string, number> {
  const known = new Map(Object.entries(source.constants));
  const loadable = loadableConstants(sources, source);
  for (const [name, value] of loadable) if (!known.has(name)) known.set(name, value);
  // `load(":x.bzl", n = "N")`: the alias names N's value.
  for (const [alias, name] of Object.entries(source.loadAliases))
    if (loadable.has(name) && !Object.hasOwn(source.constants, alias)) known.set(alias, loadable.get(name)!);
  for (const [name, value] of constantParameters(sources, source, def, depth)) known.set(name, value);
  if (def !== null) for (const [name, value] of localIntegers(sources, source, def, known)) known.set(name, value);
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
