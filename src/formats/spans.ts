// Statement spans as starlark prints them — formats.md §5 (`Span` column) and §6 (coverage
// lines); upstream writer: starlark_syntax `codemap.rs` (Display of ResolvedSpan / ResolvedFileSpan).
import type { Span } from '../model/profile.ts';

// The same span at the end of `file:span`. The lazy file part makes the match start at the
// leftmost `:` from which a whole span reaches the end, i.e. the span is read from the right
// and the file keeps every other `:` (`a:b.bzl:3:5-9:1` → file `a:b.bzl`).
const FILE_SPAN = /^(.+?):(\d+:\d+(?:-(?:\d+:)?\d+)?)$/;

/**
 * Reads a span in any of its three shapes; null when the text is not a span.
 *
 * @example
 *   parseSpan('7:13-19');  // { line: 7, column: 13, endLine: 7, endColumn: 19 }
 *   parseSpan('3:5-9:1');  // { line: 3, column: 5, endLine: 9, endColumn: 1 }
 *   parseSpan('4:1');      // { line: 4, column: 1, endLine: 4, endColumn: 1 } (empty span)
 */
export function parseSpan(text: string): Span | null {
  // `L:C`, `L:C-C2` or `L1:C1-L2:C2`, all 1-based; read by hand (a regex per row was a tenth of a
  // 1M-row statement CSV's parse).
  const reader = new DigitReader(text);
  const line = reader.number();
  if (!reader.take(COLON)) return null;
  const column = reader.number();
  let endLine = line;
  let endColumn = column;
  if (reader.take(DASH)) {
    const first = reader.number();
    if (reader.take(COLON)) {
      endLine = first;
      endColumn = reader.number();
    } else {
      endColumn = first;
    }
  }
  if (!reader.atEnd() || Number.isNaN(line + column + endLine + endColumn)) return null;
  if (line < 1 || column < 1 || endColumn < 1 || endLine < line) return null;
  if (![line, column, endLine, endColumn].every(Number.isSafeInteger)) return null;
  return { line, column, endLine, endColumn };
}

const COLON = 58;
const DASH = 45;

/** Reads `\d+` runs and single separators from the front of a text. */
class DigitReader {
  private at = 0;

  constructor(private readonly text: string) {}

  /** The run of ASCII digits at the cursor as a number; NaN when there is none. */
  number(): number {
    const start = this.at;
    let value = 0;
    for (let c = this.text.charCodeAt(this.at); c >= 48 && c <= 57; c = this.text.charCodeAt(++this.at)) {
      value = value * 10 + (c - 48);
    }
    if (this.at === start) return NaN;
    // Beyond 2^53 the running sum rounds differently from Number(text): read those the slow way.
    return Number.isSafeInteger(value) ? value : Number(this.text.slice(start, this.at));
  }

  take(code: number): boolean {
    if (this.text.charCodeAt(this.at) !== code) return false;
    this.at++;
    return true;
  }

  atEnd(): boolean {
    return this.at === this.text.length;
  }
}

/**
 * Splits `file:span` at the span found from the right; the file name may contain `:`.
 * Null when no span ends the text or the file part is empty.
 *
 * @example
 *   parseFileSpan('a:b.bzl:3:5-9:1'); // { file: 'a:b.bzl', span: { line: 3, column: 5, endLine: 9, endColumn: 1 } }
 *   parseFileSpan('test.star:7:13-19'); // { file: 'test.star', span: { line: 7, … endColumn: 19 } }
 */
export function parseFileSpan(text: string): { file: string; span: Span } | null {
  const m = FILE_SPAN.exec(text);
  if (!m) return null;
  const span = parseSpan(m[2]!);
  return span ? { file: m[1]!, span } : null;
}

/** The span as starlark prints it: `formatSpan(parseSpan('7:13-19')!)` → `"7:13-19"`. */
export function formatSpan(span: Span): string {
  const start = `${span.line}:${span.column}`;
  if (span.endLine !== span.line) return `${start}-${span.endLine}:${span.endColumn}`;
  return span.endColumn === span.column ? start : `${start}-${span.endColumn}`;
}
