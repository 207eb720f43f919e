// Shared reading of folded-stack lines (`a;b;c 42`, formats.md §1.2): the value follows the
// LAST space (frame names may contain spaces); frames are split on `;` with no escaping.

/** `a;b c;d 42` → value 42 at index of the last space; null when the line has no value. */
export function splitFoldedLine(line: string): { stack: string; value: number } | null {
  const space = line.lastIndexOf(' ');
  if (space < 0) return null;
  const digits = line.slice(space + 1);
  if (!/^\d+$/.test(digits)) return null;
  return { stack: line.slice(0, space), value: Number(digits) };
}

/** True when a line looks like `<stack> <integer>`. */
export function isFoldedLine(line: string): boolean {
  return /\S \d+$/.test(line) || /^\(unknown\) \d+$/.test(line);
}
