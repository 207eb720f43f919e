// What a frame is coloured by: its value type, its file (`path/x.bzl` of `path/x.bzl.fn`,
// docs/formats.md §1.3) or its package (the file's directory), and a palette with a legend.
import { schemeTableau10 } from 'd3';

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

/** Colours for merged small frames, frames without a key, and keys beyond the palette. */
export const SMALL_COLOR = '#c8c8c8';
export const NO_KEY_COLOR = '#e0d8c8';
export const OTHER_COLOR = '#b8b0a0';
/** Matches of a search: one colour that is in no palette. */
export const MATCH_COLOR = '#e600e6';

export interface LegendEntry {
  key: string;
  color: string;
  weight: number;
}

/**
 * Gives the heaviest keys the palette's colours, in weight order, and the rest one "other"
 * colour; ties break by key so the same data always gets the same colours.
 */
export function assignColors(weightByKey: ReadonlyMap<string, number>, palette: readonly string[] = schemeTableau10): {
  colorOf: (key: string) => string;
  legend: LegendEntry[];
} {
  const ranked = [...weightByKey].filter(([key]) => key !== '').sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const colors = new Map<string, string>();
  ranked.slice(0, palette.length).forEach(([key], i) => colors.set(key, palette[i]!));
  const legend = ranked.slice(0, palette.length).map(([key, weight]) => ({ key, weight, color: colors.get(key)! }));
  const rest = ranked.slice(palette.length).reduce((sum, [, w]) => sum + w, 0);
  if (rest > 0) legend.push({ key: `${ranked.length - palette.length} more`, color: OTHER_COLOR, weight: rest });
  return { colorOf: (key) => (key === '' ? NO_KEY_COLOR : (colors.get(key) ?? OTHER_COLOR)), legend };
}
