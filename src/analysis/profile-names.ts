// How profiles name Starlark code and how that meets the dropped sources: def frame names
// (`defs.bzl.f`), their file part, a dropped path that names a profile's file, and spans that
// contain one another.
import type { Span } from '../model/profile.ts';
import type { SourceDef } from './starlark-source.ts';

/** Whether `outer` contains `inner` (start at or after, end at or before). */
export function spanContains(outer: Span, inner: Span): boolean {
  const startsAfter = inner.line > outer.line || (inner.line === outer.line && inner.column >= outer.column);
  const endsBefore =
    inner.endLine < outer.endLine || (inner.endLine === outer.endLine && inner.endColumn <= outer.endColumn);
  return startsAfter && endsBefore;
}

/** `test.star` + `inner` → `test.star.inner`, the frame name profilers give a def (docs/formats.md §1.3). */
export function frameNameOf(file: string, def: Pick<SourceDef, 'name'> | null): string {
  return def ? `${file}.${def.name}` : 'module';
}

/** The file part of a def frame name (`prelude/a.bzl.f` → `prelude/a.bzl`); null for `module`. */
export function frameFile(frame: string): string | null {
  const dot = frame.lastIndexOf('.');
  return dot > 0 ? frame.slice(0, dot) : null;
}

/**
 * Whether a dropped file's path names the profile's file (Buck2 names files by project-relative
 * path; a dropped folder adds its own prefix): equal, or ending with `/<file>`. Backslashes of
 * Windows paths count as slashes.
 *
 * @example pathNamesFile('drop\\macros\\defs.bzl', 'macros/defs.bzl') // → true; ('xdefs.bzl', 'defs.bzl') → false
 */
export function pathNamesFile(path: string, file: string): boolean {
  const slashed = path.replace(/\\/g, '/');
  return slashed === file || slashed.endsWith(`/${file}`);
}

/**
 * The source that a profile's code-map file name refers to: of the source paths that name it,
 * the shortest (the one whose own prefix adds least).
 */
export function sourceFor<S extends { path: string }>(file: string, sources: readonly S[]): S | null {
  let best: S | null = null;
  for (const source of sources) {
    if (pathNamesFile(source.path, file) && (!best || source.path.length < best.path.length)) best = source;
  }
  return best;
}

/**
 * The file name profiles use for a source path: the longest of the known names (statement files,
 * frame files) that the path ends with, else its last segment.
 *
 * @example profileFileFor('drop/programs/x/macros/defs.bzl', ['defs.bzl', 'macros/defs.bzl']) // → 'macros/defs.bzl'
 */
export function profileFileFor(sourcePath: string, known: Iterable<string>): string {
  let best = '';
  for (const file of known) {
    if (pathNamesFile(sourcePath, file) && file.length > best.length) best = file;
  }
  const path = sourcePath.replace(/\\/g, '/');
  return best || path.slice(path.lastIndexOf('/') + 1);
}
