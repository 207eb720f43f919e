// What a frame is coloured by: its value type, its file (`path/x.bzl` of `path/x.bzl.fn`,
// docs/formats.md §1.3) or its package (the file's directory): a colour per name, and a legend.

/** `prelude/cxx/cxx.bzl.cxx_library` → `prelude/cxx/cxx.bzl`; `module` → `` (no file). */
export function fileOfFrame(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(0, dot);
}

/** `prelude/cxx/cxx.bzl.cxx_library` → `prelude/cxx`; files at the top level → `//`. */
export function packageOfFrame(name: string): string {
  const file = fileOfFrame(name);
  if (!file) return '';
  const slash = file.lastIndexOf('/');
  return slash < 0 ? '//' : file.slice(0, slash);
}

/** Colours for merged small frames and frames without a key. */
export const SMALL_COLOR = '#c8c8c8';
export const NO_KEY_COLOR = '#e0d8c8';
/** Matches of a search: one colour that is in no palette. */
export const MATCH_COLOR = '#e600e6';

/**
 * Mid-tone fills that all keep a black label at ≥ 4.5:1 (test/views/frame-colors.test.ts):
 * Tableau 10 and eight of its light partners from Tableau 20.
 */
export const FRAME_PALETTE: readonly string[] = [
  '#4e79a7',
  '#f28e2c',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc949',
  '#af7aa1',
  '#ff9da7',
  '#9c755f',
  '#bab0ab',
  '#a0cbe8',
  '#ffbe7d',
  '#8cd17d',
  '#f1ce63',
  '#86bcb6',
  '#ff9d9a',
  '#d4a6c8',
  '#d7b5a6',
];

/** Starlark's commonest value types get a colour each, so they never share one. */
const TYPE_COLORS: Readonly<Record<string, string>> = {
  string: '#4e79a7',
  dict: '#f28e2c',
  array: '#e15759',
  list: '#76b7b2',
  tuple: '#59a14f',
  struct: '#edc949',
  function: '#af7aa1',
  record: '#ff9da7',
  int: '#9c755f',
  enum: '#a0cbe8',
};

/** FNV-1a over the UTF-16 code units: the same key gives the same number in every session. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A key's colour from its name alone (never from its rank or from the order keys appear in),
 * so a value type, file or package keeps its colour across zoom, search and sets.
 */
export function colorOfKey(key: string): string {
  if (key === '') return NO_KEY_COLOR;
  return Object.hasOwn(TYPE_COLORS, key) ? TYPE_COLORS[key]! : FRAME_PALETTE[hashOf(key) % FRAME_PALETTE.length]!;
}

export interface LegendEntry {
  key: string;
  color: string;
  weight: number;
}

/** Keys in the legend; the rest are summed into one "N more" entry. */
const LEGEND_KEYS = 10;

/**
 * The legend of what is drawn: the heaviest keys with their colours (ties break by key), the
 * rest summed as one entry without a colour of its own.
 */
export function assignColors(weightByKey: ReadonlyMap<string, number>): {
  colorOf: (key: string) => string;
  legend: LegendEntry[];
} {
  const ranked = [...weightByKey].filter(([key]) => key !== '').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const legend = ranked.slice(0, LEGEND_KEYS).map(([key, weight]) => ({ key, weight, color: colorOfKey(key) }));
  const rest = ranked.slice(LEGEND_KEYS).reduce((sum, [, w]) => sum + w, 0);
  if (rest > 0) legend.push({ key: `${ranked.length - LEGEND_KEYS} more`, color: 'transparent', weight: rest });
  return { colorOf: colorOfKey, legend };
}
