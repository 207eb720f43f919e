// The loop finder: joins the statement profile (docs/formats.md §5) with the heap profiles and, when
// given, the sources, to say which function and which loop each statement belongs to, which
// loops run hot, and how many bytes their function allocates.
import type { Span, StatementProfile, StatementRow } from '../model/profile.ts';
import type { SourceDef, SourceIndex, SourceOutline } from './starlark-source.ts';
import { appendAll } from '../model/arrays.ts';

/** Bytes a function allocates, from a heap flame (self and total) or a summary CSV (self only). */
export interface FunctionBytes {
  self: number;
  /** Self plus callees; null when only the summary CSV (no call tree) is known. */
  total: number | null;
}

/** Where one statement of the profile sits. */
export interface PlacedStatement {
  row: StatementRow;
  /** Profiler frame name of the enclosing function (`defs.bzl.my_macro`, `module`); null if unknown. */
  functionName: string | null;
  /** Span of the enclosing `def` (or top-level region without sources); null at top level. */
  functionSpan: Span | null;
  /** Span of the innermost loop whose body holds it. */
  loopSpan: Span | null;
}

export interface FoundLoop {
  file: string;
  span: Span;
  /** `for`/`while` from the syntax tree, or `inferred` from counts alone. */
  kind: 'for' | 'while' | 'inferred';
  functionName: string | null;
  functionSpan: Span | null;
  /** Count of the loop statement itself (≈ times the loop was started). */
  headerCount: number;
  /** Largest count among the statements directly in its body. */
  bodyCount: number;
  /** bodyCount / headerCount: iterations per start, within a factor of about 2–3 (see basis). */
  iterationsEstimate: number;
  /** Seconds of the loop statement and every statement in its body. */
  seconds: number;
  /** The loop's share of its function's statement time (0…1); null when the function is unknown. */
  timeShare: number | null;
  functionBytes: FunctionBytes | null;
  /** How the figures were obtained, in words. */
  basis: string[];
}

/** A loop is hot when its body ran at least this many times as often as the loop started. */
export const HOT_LOOP_RATIO = 4;

/** The caveat every count-based estimate carries (docs/formats.md pitfall 10), shown beside it. */
export const COUNT_CAVEAT =
  'statement Count counts timing segments, not runs; since 2025-04 statements with calls get about 2 per run, so ratios are good to a factor of about 2–3';

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

/** Statement of a source starting at the same line and column as a profile span. */
function statementAt(source: SourceOutline, span: Span): number {
  return source.statements.findIndex((s) => s.span.line === span.line && s.span.column === span.column);
}

/**
 * Places every statement row in its function and loop: through the syntax tree when the file's
 * source is given, else through span nesting (an enclosing top-level statement is the region —
 * a def or a top-level loop, which counts alone cannot tell apart).
 *
 * @example with upstream's statement golden and test.star:
 *   placeStatements(profile, [index]).find((p) => p.row.span.line === 7)
 *   // → { functionName: 'test.star.inner', functionSpan: 2:1-8:1, loopSpan: 6:9-8:1 }
 */
/** Items grouped by file in first-seen order (in place: a statement CSV can have a million rows). */
function groupByFile<T>(items: readonly T[], fileOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(fileOf(item));
    if (group) group.push(item);
    else groups.set(fileOf(item), [item]);
  }
  return groups;
}

export function placeStatements(profile: StatementProfile, sources: readonly SourceOutline[]): PlacedStatement[] {
  const byFile = groupByFile(profile.rows, (row) => row.file);
  const placed: PlacedStatement[] = [];
  for (const [file, rows] of byFile) {
    const source = sourceFor(file, sources);
    appendAll(placed, source ? placeBySource(file, rows, source) : placeBySpans(rows));
  }
  return placed;
}

function placeBySource(file: string, rows: StatementRow[], source: SourceOutline): PlacedStatement[] {
  return rows.map((row) => {
    const at = statementAt(source, row.span);
    const statement = at >= 0 ? source.statements[at]! : null;
    const def = statement && statement.def !== null ? source.defs[statement.def]! : null;
    const loop = statement && statement.loop !== null ? source.loops[statement.loop]! : null;
    return {
      row,
      functionName: statement ? frameNameOf(file, def) : null,
      functionSpan: def?.span ?? null,
      loopSpan: loop?.span ?? null,
    };
  });
}

/** Span nesting only: the outermost enclosing statement is the region. */
function placeBySpans(rows: StatementRow[]): PlacedStatement[] {
  const parents = nestRows(rows);
  return rows.map((row, i) => {
    let top = i;
    while (parents[top]! >= 0) top = parents[top]!;
    return {
      row,
      functionName: top === i ? 'module' : null,
      functionSpan: top === i ? null : rows[top]!.span,
      loopSpan: null,
    };
  });
}

/** Smallest enclosing row of each row (-1 at top level), with one sorted sweep and a stack. */
export function nestRows(rows: readonly StatementRow[]): number[] {
  const order = rows
    .map((_, i) => i)
    .sort((a, b) => compareStart(rows[a]!.span, rows[b]!.span) || compareEnd(rows[b]!.span, rows[a]!.span));
  const parents = new Array<number>(rows.length).fill(-1);
  const open: number[] = [];
  for (const i of order) {
    while (open.length > 0 && !spanContains(rows[open[open.length - 1]!]!.span, rows[i]!.span)) open.pop();
    parents[i] = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
  }
  return parents;
}

function compareStart(a: Span, b: Span): number {
  return a.line - b.line || a.column - b.column;
}

function compareEnd(a: Span, b: Span): number {
  return a.endLine - b.endLine || a.endColumn - b.endColumn;
}

/**
 * Finds loops and ranks them by the bytes their function allocates (total, else self), then by
 * time. With sources every `for`/`while` statement that ran is a loop; without, a nested
 * statement whose body ran at least HOT_LOOP_RATIO times as often as it did is taken for one.
 *
 * @example with upstream's goldens (statement CSV, heap flame, test.star):
 *   findLoops(statement, [index], bytes)
 *   // → [{ span: 11:5-14:1, functionName: 'test.star.test', headerCount: 8, bodyCount: 40, … },
 *   //    { span: 6:9-9:1, functionName: 'test.star.inner', headerCount: 20, bodyCount: 400, … }]
 */
export function findLoops(
  profile: StatementProfile,
  sources: readonly SourceIndex[],
  functionBytes: ReadonlyMap<string, FunctionBytes>,
): FoundLoop[] {
  const placed = placeStatements(profile, sources);
  const functionSeconds = new Map<string, number>();
  for (const p of placed)
    if (p.functionName !== null) {
      const key = `${p.row.file}\0${p.functionName}`;
      functionSeconds.set(key, (functionSeconds.get(key) ?? 0) + p.row.seconds);
    }
  const loops: FoundLoop[] = [];
  for (const block of blocksOf(placed)) {
    const kind = loopKind(block, sources);
    if (!kind) continue;
    const total =
      block.header.functionName === null
        ? 0
        : (functionSeconds.get(`${block.header.row.file}\0${block.header.functionName}`) ?? 0);
    loops.push(describeLoop(block, kind, total, functionBytes));
  }
  const weight = (l: FoundLoop) => l.functionBytes?.total ?? l.functionBytes?.self ?? -1;
  // Milliseconds: sums of 3-decimal seconds differ in the last float bits; ties go to the outer loop.
  const ms = (l: FoundLoop) => Math.round(l.seconds * 1000);
  return loops.sort((a, b) => weight(b) - weight(a) || ms(b) - ms(a) || compareStart(a.span, b.span));
}

/** A statement with the statements nested in it, from one nesting sweep per file. */
interface Block {
  header: PlacedStatement;
  /** Largest count among the statements directly in its body (inner loops do not inflate it). */
  childMaxCount: number;
  /** Its own seconds plus every nested statement's. */
  seconds: number;
  isTopLevel: boolean;
}

function blocksOf(placed: readonly PlacedStatement[]): Block[] {
  const byFile = groupByFile(placed, (p) => p.row.file);
  const blocks: Block[] = [];
  for (const group of byFile.values()) {
    const parents = nestRows(group.map((p) => p.row));
    const childMax = new Array<number>(group.length).fill(-1);
    const seconds = group.map((p) => p.row.seconds);
    // Deeper statements first, so each subtree's time is complete before it is added upward.
    const depth = parents.map((_, i) => {
      let d = 0;
      for (let p = parents[i]!; p >= 0; p = parents[p]!) d++;
      return d;
    });
    const order = group.map((_, i) => i).sort((a, b) => depth[b]! - depth[a]!);
    for (const i of order) {
      const parent = parents[i]!;
      if (parent < 0) continue;
      childMax[parent] = Math.max(childMax[parent]!, group[i]!.row.count);
      seconds[parent]! += seconds[i]!;
    }
    group.forEach((header, i) => {
      if (childMax[i]! >= 0)
        blocks.push({ header, childMaxCount: childMax[i]!, seconds: seconds[i]!, isTopLevel: parents[i]! < 0 });
    });
  }
  return blocks;
}

function loopKind(block: Block, sources: readonly SourceIndex[]): FoundLoop['kind'] | null {
  const source = sourceFor(block.header.row.file, sources);
  if (source) {
    const at = statementAt(source, block.header.row.span);
    const kind = at >= 0 ? source.statements[at]!.kind : '';
    return kind === 'ForStatement' ? 'for' : kind === 'WhileStatement' ? 'while' : null;
  }
  // A top-level block is a def or a top-level loop: counts alone cannot tell which.
  if (block.isTopLevel) return null;
  return block.childMaxCount >= HOT_LOOP_RATIO * block.header.row.count ? 'inferred' : null;
}

function describeLoop(
  block: Block,
  kind: FoundLoop['kind'],
  functionSeconds: number,
  functionBytes: ReadonlyMap<string, FunctionBytes>,
): FoundLoop {
  const { header } = block;
  const bytes = header.functionName === null ? null : (functionBytes.get(header.functionName) ?? null);
  const iterations = header.row.count > 0 ? block.childMaxCount / header.row.count : 0;
  return {
    file: header.row.file,
    span: header.row.span,
    kind,
    functionName: header.functionName,
    functionSpan: header.functionSpan,
    headerCount: header.row.count,
    bodyCount: block.childMaxCount,
    iterationsEstimate: iterations,
    seconds: block.seconds,
    timeShare: functionSeconds > 0 ? block.seconds / functionSeconds : null,
    functionBytes: bytes,
    basis: loopBasis(kind, header, bytes, iterations),
  };
}
function loopBasis(
  kind: FoundLoop['kind'],
  header: PlacedStatement,
  bytes: FunctionBytes | null,
  iterations: number,
): string[] {
  const basis = [
    kind === 'inferred'
      ? `taken for a loop because its body ran ${iterations.toFixed(1)}× as often as it did (no source given)`
      : `a \`${kind}\` statement in the source`,
    `about ${iterations.toFixed(1)} iterations per start: largest body count / loop count; ${COUNT_CAVEAT}`,
  ];
  if (header.functionName === null) basis.push('enclosing function unknown: give the sources to name it');
  if (bytes) {
    basis.push(
      bytes.total !== null
        ? `bytes: everything ${header.functionName} allocates, callees included (heap flame, GC off) — an upper bound for the loop`
        : `bytes: what ${header.functionName} allocates itself (heap summary AllocBytes, GC off) — callees not included`,
    );
  } else if (header.functionName !== null) {
    basis.push(`no heap profile names ${header.functionName}`);
  }
  return basis;
}
