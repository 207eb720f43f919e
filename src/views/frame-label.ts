// What a frame's label shows when the whole name does not fit. Frame names are
// `path/file.bzl.function` (formats.md §1.3), so the end matters most: the function name stays
// whole as long as it fits, and the path loses its middle first (`build_d…/defs.bzl.expand`),
// then all of itself (`…expand`); only then is the function cut (`exp…`).
// Self-contained (no imports, no module-level names): the HTML snapshot inlines its source.

/**
 * The longest form of `name` whose width (`measure`, in px) is at most `room`; '' when not even
 * two characters and an ellipsis fit.
 *
 * @example fitLabel('build_defs/rules/defs.bzl.expand', room, measure) // 'build_d…/defs.bzl.expand'
 */
export function fitLabel(name: string, room: number, measure: (text: string) => number): string {
  const fits = (text: string) => measure(text) <= room;
  /** The largest k in [lo, hi] for which make(k) fits (fitting shrinks as k grows), or -1. */
  const longest = (lo: number, hi: number, make: (k: number) => string): number => {
    if (hi < lo || !fits(make(lo))) return -1;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (fits(make(mid))) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  if (fits(name)) return name;
  const slash = name.lastIndexOf('/');
  const dot = name.lastIndexOf('.');
  const fn = dot > slash && dot < name.length - 1 ? name.slice(dot + 1) : '';
  if (fn) {
    // The head before the function: its start, an ellipsis, then its last path segment (`/defs.bzl.`).
    const head = name.slice(0, dot + 1);
    const tail = slash >= 0 ? name.slice(slash, dot + 1) : '';
    const start = head.length - tail.length;
    const kept = longest(0, start - 1, (k) => `${head.slice(0, k)}…${tail}${fn}`);
    if (kept >= 0) return `${head.slice(0, kept)}…${tail}${fn}`;
    if (fits(`…${fn}`)) return `…${fn}`;
  }
  const text = fn || name;
  const cut = longest(2, text.length - 1, (k) => `${text.slice(0, k)}…`);
  return cut < 0 ? '' : `${text.slice(0, cut)}…`;
}
