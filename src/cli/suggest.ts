// "Did you mean …?" for a mistyped command or option: the closest known name by edit distance,
// offered only when it is close enough to be a slip of the fingers.
import { distance } from 'fastest-levenshtein';

/**
 * The known name closest to `given`, or null when none is plausibly what the user meant: within
 * a third of the name's length in edits (at least one), or the known name starts with `given`.
 *
 * @example closestName('reprot', ['report', 'open', 'diff']) // → 'report'
 * @example closestName('--jsn', ['--json', '--max-peak'])   // → '--json'
 */
export function closestName(given: string, known: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const name of known) {
    const d = distance(given.toLowerCase(), name.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [name, d];
  }
  if (best === null) return null;
  const allowed = Math.max(1, Math.floor(Math.max(given.length, best.length) / 3));
  if (bestDistance <= allowed) return best;
  const prefix = known.filter((name) => given.length >= 2 && name.startsWith(given));
  return prefix.length === 1 ? prefix[0]! : null;
}

/** ` (did you mean "report"?)` or nothing: the tail of an "unknown …" message. */
export function didYouMean(given: string, known: readonly string[]): string {
  const name = closestName(given, known);
  return name === null ? '' : ` (did you mean "${name}"?)`;
}

/** The options given that are none of `known` (flags only; `--name=value` is checked by its name). */
export function unknownOption(args: readonly string[], known: readonly string[]): string | null {
  for (const arg of args) {
    if (arg === '--') return null;
    if (!arg.startsWith('-') || arg === '-') continue;
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (!known.includes(name)) return name;
  }
  return null;
}
