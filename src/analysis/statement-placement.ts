// Where each row of a statement profile (docs/formats.md §5) sits: its function and innermost
// loop, through the syntax tree when the file's source is given, else through span nesting. Rows
// are read from the profile's columns by index: a statement CSV can have a million of them.
import type { Span, StatementProfile, StatementRows } from '../model/profile.ts';
import { statementSpan } from '../model/statement-rows.ts';
import { frameNameOf, sourceFor } from './profile-names.ts';
import type { SourceOutline } from './starlark-source.ts';

/** Where one statement of the profile sits. */
export interface PlacedStatement {
  /** The row's index in the profile's rows. */
  row: number;
  /** Profiler frame name of the enclosing function (`defs.bzl.my_macro`, `module`); null if unknown. */
  functionName: string | null;
  /** Span of the enclosing `def` (or top-level region without sources); null at top level. */
  functionSpan: Span | null;
  /** Span of the innermost loop whose body holds it. */
  loopSpan: Span | null;
}

type Visit = (placed: PlacedStatement) => void;

/**
 * Places every statement row in its function and loop: through the syntax tree when the file's
 * source is given, else through span nesting (an enclosing top-level statement is the region —
 * a def or a top-level loop, which counts alone cannot tell apart). Rows come grouped by file,
 * files in first-seen order.
 *
 * @example with upstream's statement golden and test.star:
 *   placeStatements(profile, [index]).find((p) => profile.rows.line[p.row] === 7)
 *   // → { functionName: 'test.star.inner', functionSpan: 2:1-8:1, loopSpan: 6:9-8:1 }
 */
export function placeStatements(profile: StatementProfile, sources: readonly SourceOutline[]): PlacedStatement[] {
  const placed: PlacedStatement[] = [];
  placeRows(profile.rows, sources, (p) => placed.push(p));
  return placed;
}

/** The function of every row, by row index (what the Statements tab shows), without a placement object per row. */
export function statementFunctions(profile: StatementProfile, sources: readonly SourceOutline[]): (string | null)[] {
  const functions = new Array<string | null>(profile.rows.length).fill(null);
  placeRows(profile.rows, sources, (p) => (functions[p.row] = p.functionName));
  return functions;
}

function placeRows(rows: StatementRows, sources: readonly SourceOutline[], visit: Visit): void {
  rowsByFile(rows).forEach((group, file) => {
    const name = rows.files[file]!;
    const source = sourceFor(name, sources);
    if (source) placeBySource(rows, name, group, source, visit);
    else placeBySpans(rows, group, visit);
  });
}

/** Row indices per file id, each group in file order (a counting sort: no per-row objects). */
export function rowsByFile(rows: StatementRows): Int32Array[] {
  const sizes = new Int32Array(rows.files.length);
  for (let i = 0; i < rows.length; i++) sizes[rows.file[i]!]!++;
  const groups = Array.from(sizes, (n) => new Int32Array(n));
  const filled = new Int32Array(rows.files.length);
  for (let i = 0; i < rows.length; i++) {
    const f = rows.file[i]!;
    groups[f]![filled[f]!++] = i;
  }
  return groups;
}

/** A source's statements by start line and column (one map per source instead of a search per row). */
const statementsByStart = new WeakMap<SourceOutline, Map<number, Map<number, number>>>();

/** Index of the statement of a source that starts at a line and column, or -1. */
export function statementAt(source: SourceOutline, line: number, column: number): number {
  let starts = statementsByStart.get(source);
  if (!starts) {
    starts = new Map();
    // The first statement starting there wins, as a search in order would find it.
    for (let s = source.statements.length - 1; s >= 0; s--) {
      const { span } = source.statements[s]!;
      let columns = starts.get(span.line);
      if (!columns) starts.set(span.line, (columns = new Map()));
      columns.set(span.column, s);
    }
    statementsByStart.set(source, starts);
  }
  return starts.get(line)?.get(column) ?? -1;
}

function placeBySource(
  rows: StatementRows,
  file: string,
  group: Int32Array,
  source: SourceOutline,
  visit: Visit,
): void {
  for (const row of group) {
    const at = statementAt(source, rows.line[row]!, rows.column[row]!);
    const statement = at >= 0 ? source.statements[at]! : null;
    const def = statement && statement.def !== null ? source.defs[statement.def]! : null;
    const loop = statement && statement.loop !== null ? source.loops[statement.loop]! : null;
    visit({
      row,
      functionName: statement ? frameNameOf(file, def) : null,
      functionSpan: def?.span ?? null,
      loopSpan: loop?.span ?? null,
    });
  }
}

/** Span nesting only: the outermost enclosing statement is the region. */
function placeBySpans(rows: StatementRows, group: Int32Array, visit: Visit): void {
  const parents = nestRows(rows, group);
  group.forEach((row, i) => {
    let top = i;
    while (parents[top]! >= 0) top = parents[top]!;
    visit({
      row,
      functionName: top === i ? 'module' : null,
      functionSpan: top === i ? null : statementSpan(rows, group[top]!),
      loopSpan: null,
    });
  });
}

/**
 * The smallest enclosing row of each of `group`'s rows, as a position in `group` (-1 at top
 * level), with one sorted sweep and a stack.
 */
export function nestRows(rows: StatementRows, group: ArrayLike<number>): Int32Array {
  // A file's rows are spread over the profile's million-row columns: copied together once, the
  // sort and the sweep below read them from the cache instead of from all over memory.
  const spans = spansOf(rows, group);
  const order = byStartThenEnd(spans);
  const parents = new Int32Array(group.length).fill(-1);
  const open: number[] = [];
  for (const i of order) {
    while (open.length > 0 && !rowContains(spans, open[open.length - 1]!, i)) open.pop();
    parents[i] = open.length > 0 ? open[open.length - 1]! : -1;
    open.push(i);
  }
  return parents;
}

/** Span columns, row `i` at index `i` of each. */
type SpanColumns = Pick<StatementRows, 'line' | 'column' | 'endLine' | 'endColumn'>;

function spansOf(rows: StatementRows, group: ArrayLike<number>): SpanColumns {
  const pick = (column: Uint32Array) => {
    const picked = new Uint32Array(group.length);
    for (let i = 0; i < group.length; i++) picked[i] = column[group[i]!]!;
    return picked;
  };
  return {
    line: pick(rows.line),
    column: pick(rows.column),
    endLine: pick(rows.endLine),
    endColumn: pick(rows.endColumn),
  };
}

/** `spanContains` on two rows' columns (a million rows make no span objects here). */
function rowContains({ line, column, endLine, endColumn }: SpanColumns, outer: number, inner: number): boolean {
  const startsAfter = line[inner]! > line[outer]! || (line[inner] === line[outer] && column[inner]! >= column[outer]!);
  const endsBefore =
    endLine[inner]! < endLine[outer]! || (endLine[inner] === endLine[outer] && endColumn[inner]! <= endColumn[outer]!);
  return startsAfter && endsBefore;
}

const DESCENDING = 0xffff_ffff;

/**
 * Positions 0 … n − 1 of the spans, by start ascending, then end descending (an
 * enclosing row before what it holds; equal spans keep their order). An LSD radix sort, a byte
 * at a time over the four span columns, skipping bytes that are the same in every row:
 * comparator calls were most of placing a million rows.
 */
function byStartThenEnd(spans: SpanColumns): Int32Array {
  const n = spans.line.length;
  const sorted = { order: new Int32Array(n), keys: new Uint32Array(n) };
  for (let i = 0; i < n; i++) sorted.order[i] = i;
  const spare = { order: new Int32Array(n), keys: new Uint32Array(n) };
  const fields: [Uint32Array, number][] = [
    [spans.endColumn, DESCENDING],
    [spans.endLine, DESCENDING],
    [spans.column, 0],
    [spans.line, 0],
  ];
  for (const [field, flip] of fields) {
    const { order, keys } = sorted;
    for (let k = 0; k < n; k++) keys[k] = flip === 0 ? field[order[k]!]! : flip - field[order[k]!]!;
    let all = -1;
    let any = 0;
    for (let k = 0; k < n; k++) {
      all &= keys[k]!;
      any |= keys[k]!;
    }
    for (let shift = 0; shift < 32; shift += 8) if (((all ^ any) >>> shift) & 255) byteSort(sorted, spare, shift);
  }
  return sorted.order;
}

interface Sorting {
  order: Int32Array;
  keys: Uint32Array;
}

const counts = new Int32Array(257);

/** One stable counting pass on the key byte at `shift`; the result is left in `sorted` (the arrays swap). */
function byteSort(sorted: Sorting, spare: Sorting, shift: number): void {
  const { order, keys } = sorted;
  const n = order.length;
  counts.fill(0);
  for (let k = 0; k < n; k++) counts[((keys[k]! >>> shift) & 255) + 1]!++;
  for (let d = 1; d <= 256; d++) counts[d]! += counts[d - 1]!;
  for (let k = 0; k < n; k++) {
    const to = counts[(keys[k]! >>> shift) & 255]!++;
    spare.order[to] = order[k]!;
    spare.keys[to] = keys[k]!;
  }
  [sorted.order, spare.order] = [spare.order, order];
  [sorted.keys, spare.keys] = [spare.keys, keys];
}
