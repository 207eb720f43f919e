// The file-level facts the indexer (starlark-indexer.ts) records beside its structure walk: what
// the file's names stand for as top-level code binds them — `load` and `struct` field aliases,
// the names a call may reach, integer constants, dict integers, collection lengths — and what a
// def's `name = value` binds. Kept apart because they describe names, not where code runs.
import type { SyntaxNode } from '@lezer/common';
import { collectionLength } from './starlark-allocations.ts';
import { boundValueOf, dictIntegers } from './starlark-bindings.ts';
import { aliasedNames } from './starlark-callees.ts';
import { keywordArguments } from './starlark-call-syntax.ts';
import { evaluateSize, sizeExpression } from './starlark-size-expressions.ts';
import type { SourceIndex } from './starlark-source.ts';

/**
 * `name = value` (one target): at the top level a constant, a collection's length and a dict's
 * integer entries; in a def what it binds (under the statement about to be pushed); anywhere the
 * names a call of `name` may reach.
 */
export function noteAssignment(
  text: string,
  index: SourceIndex,
  inDef: boolean,
  name: string,
  value: SyntaxNode,
): void {
  if (!inDef) noteTopLevelValue(text, index, name, value);
  noteBinding(text, index, inDef, name, value);
  noteValueAliases(index, name, aliasedNames(text, value));
}

function noteTopLevelValue(text: string, index: SourceIndex, name: string, value: SyntaxNode): void {
  // `_COUNT = 1 << _BITS`: a constant may be written with the file's earlier constants.
  const constant = evaluateSize(sizeExpression(text, value), new Map(Object.entries(index.constants)));
  if (constant !== null) setOwn(index.constants, name, constant);
  const length = collectionLength(text, value);
  if (length) setOwn(index.lengths, name, length);
}

/** A top-level dict's integer entries; in a def, what `name = value` binds (the next statement's index). */
function noteBinding(text: string, index: SourceIndex, inDef: boolean, name: string, value: SyntaxNode): void {
  if (!inDef) {
    const entries = dictIntegers(text, value, new Map(Object.entries(index.constants)));
    if (entries) setOwn(index.dictIntegers, name, entries);
    return;
  }
  const bound = boundValueOf(text, value);
  if (bound) index.bindings[index.statements.length] = bound;
}

/** `alias = "name"` arguments of a `load(…)`: calls of `alias` are calls of the loaded `name`. */
export function noteLoadAliases(text: string, index: SourceIndex, args: SyntaxNode): void {
  for (const [alias, name] of keywordArguments(text, args, 'String'))
    setOwn(index.loadAliases, alias, name.slice(1, -1));
}

/** Names a call of `name` may reach (a name bound in several places may reach any of them). */
export function noteValueAliases(index: SourceIndex, name: string, aliases: readonly string[]): void {
  if (aliases.length === 0 || aliases.includes(name)) return;
  const known = Object.hasOwn(index.valueAliases, name) ? index.valueAliases[name]! : [];
  setOwn(index.valueAliases, name, [...new Set([...known, ...aliases])]);
}

/** `field = name` arguments of a `struct(…)`: `s.field()` may call the def `name`. */
export function noteFieldAliases(text: string, index: SourceIndex, args: SyntaxNode): void {
  for (const [field, name] of keywordArguments(text, args, 'VariableName')) setOwn(index.fieldAliases, field, name);
}

/**
 * Sets a key of a record keyed by the file's own names (no prototype, so `__proto__` is just a
 * name). A name bound again (a second `struct(rule = …)`, `N = 1` then `N = 2`) takes the later
 * value: top-level code runs in order.
 */
function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, configurable: true, writable: true });
}
