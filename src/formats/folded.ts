// Shared reading of folded-stack lines (`a;b;c 42`, formats.md §1.2): the value follows the
// LAST space (frame names may contain spaces); frames are split on `;` with no escaping.
import type { Profile } from '../model/profile.ts';

/** Char code of the space that separates a folded stack from its value. */
export const SPACE = 32;

/**
 * Where the trailing run of ASCII digits starts (line.length when there is none). Scanning
 * char codes from the end finds the value without slicing or a regex on the hot path.
 */
export function valueStart(line: string): number {
  let i = line.length;
  while (i > 0) {
    const c = line.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    i--;
  }
  return i;
}

/** The integer `line[from, end)` (ASCII digits only); exact up to 2^53, like Number(). */
export function parseDigits(line: string, from: number): number {
  // Up to 15 digits stay below 2^53, so the running sum is exact; longer runs go through
  // Number() so a too-large value rounds exactly as before and is rejected by the builder.
  if (line.length - from > 15) return Number(line.slice(from));
  let value = 0;
  for (let i = from; i < line.length; i++) value = value * 10 + (line.charCodeAt(i) - 48);
  return value;
}

/** `a;b c;d 42` → value 42 at index of the last space; null when the line has no value. */
export function splitFoldedLine(line: string): { stack: string; value: number } | null {
  const digits = valueStart(line);
  if (digits === line.length || digits === 0 || line.charCodeAt(digits - 1) !== SPACE) return null;
  return { stack: line.slice(0, digits - 1), value: parseDigits(line, digits) };
}

/** True when a line looks like `<stack> <integer>`. */
export function isFoldedLine(line: string): boolean {
  return /\S \d+$/.test(line) || /^\(unknown\) \d+$/.test(line);
}

/** Buck2 writes `empty 1` for an empty flame (§9.2): that is no data, not a frame. */
export function placeholderOr(profile: Profile): Profile {
  if (profile.format !== 'heap-flame' && profile.format !== 'time-flame') return profile;
  const t = profile.tree;
  const onlyEmpty = t.name.length === 2 && t.names[t.name[1]!] === 'empty' && t.self[1] === 1;
  return onlyEmpty ? { format: 'empty', reason: 'flame-placeholder' } : profile;
}
