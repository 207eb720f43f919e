// The vocabulary of starlark-allocations.ts: the kinds of allocation a site can be, the
// heap-flame value types (`list`, `array`, `dict`, `string`, `tuple`, …) each builtin and method
// can make, and the calls and methods that only read or compare and so allocate nothing. Data
// only; the syntax is read in starlark-allocations.ts.
import type { SizeExpr } from './starlark-size-expressions.ts';

export type AllocationKind =
  'literal' | 'comprehension' | 'repeat' | 'concat' | 'string' | 'view' | 'builtin' | 'growth' | 'copy' | 'call';

/** One place that allocates, as written. */
export interface AllocationSite {
  kind: AllocationKind;
  /** Short words for messages: `list literal`, `.items()`, `str.format`, `x = x + […]`. */
  what: string;
  /** Heap-flame value types it can make; empty for a call whose callee decides (`call`). */
  types: readonly string[];
  /** Elements as written, when known (`[1] * n`, `range(n)` comprehension). */
  size: SizeExpr | null;
  /** For `call`: the dotted callee (a Starlark def has its own frame and allocates nothing here); for `copy`: the collection copied. */
  callee: string;
}

export const LIST = ['list', 'array'];
export const STRING = ['string'];
export const ANY_COLLECTION = ['list', 'array', 'string', 'tuple', 'dict'];

/** Calls that only read or compare: they allocate nothing a profile would weigh. */
export const CHEAP_CALLS = new Set([
  'len',
  'type',
  'bool',
  'int',
  'float',
  'hash',
  'hasattr',
  'getattr',
  'fail',
  'print',
  'min',
  'max',
  'abs',
  'any',
  'all',
  'isinstance',
  'package_name',
  'repository_name',
  'native.package_name',
  'native.repository_name',
]);
/** Methods that only read or compare (strings, dicts, lists). */
export const CHEAP_METHODS = new Set([
  'endswith',
  'startswith',
  'islower',
  'isupper',
  'isdigit',
  'isalpha',
  'isalnum',
  'isspace',
  'istitle',
  'get',
  'index',
  'rindex',
  'find',
  'rfind',
  'count',
  'pop',
  'remove',
  'clear',
  'popitem',
]);
export const STRING_METHODS = new Set([
  'format',
  'join',
  'replace',
  'upper',
  'lower',
  'strip',
  'lstrip',
  'rstrip',
  'capitalize',
  'title',
  'removeprefix',
  'removesuffix',
  'swapcase',
]);
export const SPLITTING_METHODS = new Set([
  'split',
  'rsplit',
  'splitlines',
  'partition',
  'rpartition',
  'elems',
  'codepoints',
]);
/** Builtins that copy a whole collection given by name: `dict(base, …)`, `list(xs)`, `sorted(xs)`. */
export const COPYING_BUILTINS = new Set(['dict', 'list', 'sorted', 'tuple']);
export const BUILTIN_TYPES: Record<string, readonly string[]> = {
  list: LIST,
  sorted: LIST,
  reversed: LIST,
  tuple: ['tuple'],
  dict: ['dict'],
  set: ['set'],
  zip: [...LIST, 'tuple'],
  enumerate: [...LIST, 'tuple'],
  range: ['range'],
  str: STRING,
  repr: STRING,
  'json.encode': STRING,
  struct: ['struct'],
  glob: [...LIST, ...STRING],
  'native.glob': [...LIST, ...STRING],
  select: ['selector'],
};

/** An allocation site as written (`callee` only for a `call` or a `copy`). */
export function site(
  kind: AllocationKind,
  what: string,
  types: readonly string[],
  size: SizeExpr | null,
  callee = '',
): AllocationSite {
  return { kind, what, types, size, callee };
}
