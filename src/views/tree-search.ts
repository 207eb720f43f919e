// Finding frames in a CallTree: by stack path (URL state), by search text (literal unless the
// user asks for a regex), by function name (table selection). Loops only, no recursion.
import type { RE2JS as Re2Engine } from 're2js';
import { NodeKind, type CallTree } from '../model/call-tree.ts';
import { formatNumber } from '../model/units.ts';

/**
 * The node at a stack path, or the deepest node reached when the path stops matching.
 *
 * @example nodeAtPath(tree, ['module', 'test.star.test']) // { node: 2, complete: true }
 */
export function nodeAtPath(tree: CallTree, path: readonly string[]): { node: number; complete: boolean } {
  let node = 0;
  for (const frame of path) {
    let found = -1;
    for (let c = node + 1; c < tree.end[node]!; c = tree.end[c]!) {
      if (tree.names[tree.name[c]!] === frame) {
        found = c;
        break;
      }
    }
    if (found < 0) return { node, complete: false };
    node = found;
  }
  return { node, complete: true };
}

/**
 * Longest regular expression searched. RE2's work is the pattern's size times the text's, so an
 * 8 KiB pattern from a shared link (`#search=…&regex=1`) cost seconds per 100k names on the main
 * thread (issue 17); real searches are a few dozen characters. Literal search has no bound.
 */
export const MAX_REGEX_CHARS = 256;

export type Matcher = { ok: true; test: (name: string) => boolean } | { ok: false; message: string };

/** RE2 (re2js) is a third of the page's code and only regex searches need it: not in the first load. */
let re2: typeof Re2Engine | null = null;
let re2Loading: Promise<void> | null = null;

/**
 * Loads the regex engine once (the page prefetches it when idle after the first paint);
 * makeMatcher compiles regexes after this resolves. A failed load is tried again next time.
 */
export function loadRegexEngine(): Promise<void> {
  re2Loading ??= import('re2js').then(
    (m) => {
      re2 = m.RE2JS;
    },
    (e: unknown) => {
      re2Loading = null;
      throw e;
    },
  );
  return re2Loading;
}

/** Whether makeMatcher can compile a regex now (else it answers "loading"). */
export function regexEngineReady(): boolean {
  return re2 !== null;
}

/**
 * A matcher for search text. Literal and case-insensitive by default, so `dict.items(` is
 * just text; with `regex`, an invalid pattern becomes a message instead of an exception.
 * Regexes run on RE2 (re2js), in time linear in the name: a shared link with
 * `#search=(a%2B)%2B%24&regex=1` must not hang the tab as a backtracking RegExp would.
 */
export function makeMatcher(term: string, regex: boolean): Matcher {
  if (!regex) {
    const needle = term.toLowerCase();
    return { ok: true, test: (name) => name.toLowerCase().includes(needle) };
  }
  if (term.length > MAX_REGEX_CHARS) {
    return {
      ok: false,
      message: `a regular expression may have up to ${MAX_REGEX_CHARS} characters; this one has ${formatNumber(term.length)}`,
    };
  }
  if (re2 === null) return { ok: false, message: 'loading the regular-expression engine…' };
  try {
    const re = re2.compile(term, re2.CASE_INSENSITIVE);
    return { ok: true, test: (name) => re.matcher(name).find() };
  } catch (e) {
    return { ok: false, message: `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** Per name id of the string table: 1 when the name matches. Cost: distinct names, not nodes. */
export function matchNames(tree: CallTree, test: (name: string) => boolean): Uint8Array {
  const matched = new Uint8Array(tree.names.length);
  tree.names.forEach((name, id) => {
    if (test(name)) matched[id] = 1;
  });
  return matched;
}

export interface SearchResult {
  /** Weight under matched frames, each stack counted once (nested matches not again). */
  weight: number;
  /** Matched nodes in pre-order (nested ones included), up to `limit`. */
  nodes: number[];
  count: number;
}

/** Sums matched weight and lists matches in one pre-order pass. */
export function searchTree(
  tree: CallTree,
  weights: Float64Array,
  matchedNames: Uint8Array,
  limit = 10_000,
): SearchResult {
  const nodes: number[] = [];
  let weight = 0;
  let count = 0;
  let coveredUntil = 0; // inside a matched subtree until this index
  for (let i = 1; i < tree.name.length; i++) {
    if (matchedNames[tree.name[i]!] !== 1) continue;
    count++;
    if (nodes.length < limit) nodes.push(i);
    if (i >= coveredUntil) {
      weight += weights[i]!;
      coveredUntil = tree.end[i]!;
    }
  }
  return { weight, nodes, count };
}

/** The node of a function with the most weight (its heaviest stack), or -1. */
export function heaviestNodeOf(tree: CallTree, weights: Float64Array, name: string): number {
  const id = tree.names.indexOf(name);
  if (id < 0) return -1;
  let best = -1;
  for (let i = 1; i < tree.name.length; i++) {
    if (tree.name[i] === id && tree.kind[i] !== NodeKind.Type && (best < 0 || weights[i]! > weights[best]!)) best = i;
  }
  return best;
}
