// Statement CSV — docs/formats.md §5 (and §2.5 for pre-2022-07 unquoted spans); upstream writer:
// starlark `eval/runtime/profile/stmt.rs` (StmtProfileData::write_to_string).
import type { Span, StatementProfile } from '../model/profile.ts';
import { StatementRowsBuilder } from '../model/statement-rows.ts';
import { ByteNameTable } from './byte-names.ts';
import { csvByteLineParser } from './csv-byte-records.ts';
import type { CsvTable } from './csv-records.ts';
import { findColumns, headerSniff, readCount, readSeconds, TotalRow } from './csv-table.ts';
import { checkDecodedText } from './diagnostics.ts';
import type { FormatSpec, ParseContext } from './format.ts';
import { parseSpan } from './spans.ts';
import { formatNumber } from '../model/units.ts';

const HEADER = 'File,Span,Duration(s),Count';
const COLUMNS = { file: 'File', span: 'Span', seconds: 'Duration(s)', count: 'Count' };
const NOT_A_NUMBER = 'with a duration or count that is not a number';
const NOT_A_SPAN = 'with a span that is not L:C, L:C-C2 or L1:C1-L2:C2';
/** Spans are kept in 32-bit columns (model/statement-rows.ts). */
const SPAN_LIMIT = 0xffff_ffff;
const SPAN_TOO_BIG = `with a line or column beyond ${formatNumber(SPAN_LIMIT)}`;

/**
 * Reads per-statement wall time. The `"TOTAL",""` row gives the totals; every other row is a
 * statement, its span in one of three shapes (quoted since 2022-07, bare before). `Count` is
 * timing segments, not executions (pitfall 10). File names may hold `:` and `,` (quoted).
 *
 * @example
 *   File,Span,Duration(s),Count
 *   "TOTAL","",3.864,552
 *   "test.star","7:13-19",2.800,400
 *   "test.star","3:5-9:1",0.280,40
 */
class StatementTable implements CsvTable<StatementProfile> {
  private col = { file: 0, span: 1, seconds: 2, count: 3 };
  private readonly total = new TotalRow<{ seconds: number; count: number }>('TOTAL');
  private readonly rows = new StatementRowsBuilder();
  /** The header is the writer's own (these four columns in this order): byte records can be read. */
  private writerHeader = false;
  private readonly cells = new ByteCells();
  /** File names read from bytes; each new one is decoded once and checked like a text line. */
  private readonly names = new ByteNameTable((name) => {
    checkDecodedText(this.ctx.file, this.ctx.diagnostics, this.lineNo, name);
    return this.rows.fileId(name);
  });
  private lineNo = 0;

  constructor(private readonly ctx: ParseContext) {}

  header(cells: string[]): string | null {
    const found = findColumns('statement', cells, COLUMNS);
    if ('problem' in found) return found.problem;
    this.col = found.columns;
    this.writerHeader = cells.join(',') === HEADER;
    return null;
  }

  /**
   * The record as the writer prints it, `"<file>","<span>",<seconds>,<count>` (a bare span as
   * before 2022-07 too), read from its bytes with the same checks as `record`; false for
   * anything else (TOTAL's empty span, quotes in the name, other number shapes), which the
   * text path then reads or skips and counts.
   */
  recordBytes(bytes: Uint8Array, start: number, limit: number, lineNo: number): number {
    if (!this.writerHeader || bytes[start] !== QUOTE) return NOT_READ;
    const c = this.cells;
    const close = closingQuote(bytes, c.viewOf(bytes), start + 1, limit);
    if (close < 0 || close + 2 >= limit || bytes[close + 1] !== COMMA) return NOT_READ;
    const quoted = bytes[close + 2] === QUOTE;
    c.reset(bytes, quoted ? close + 3 : close + 2, limit);
    const line = c.numberThen(SPAN_DIGITS);
    if (line < 1 || c.separator() !== COLON) return NOT_READ;
    const column = c.numberThen(SPAN_DIGITS);
    let endLine = line;
    let endColumn = column;
    if (c.separator() === DASH) {
      endColumn = c.numberThen(SPAN_DIGITS);
      if (c.separator() === COLON) [endLine, endColumn] = [endColumn, c.numberThen(SPAN_DIGITS)];
    }
    if (column < 1 || endColumn < 1 || endLine < line || Math.max(endLine, column, endColumn) > SPAN_LIMIT)
      return NOT_READ;
    if (quoted && c.separator() !== QUOTE) return NOT_READ;
    if ((quoted ? c.nextByte() : c.separator()) !== COMMA) return NOT_READ;
    const seconds = c.decimalThen();
    if (seconds < 0 || c.separator() !== COMMA) return NOT_READ;
    const count = c.numberThen(EXACT_DIGITS);
    if (count < 0 || (c.separator() !== LF && c.separator() !== CR)) return NOT_READ;
    this.lineNo = lineNo;
    const file = this.names.id(bytes, c.view, start + 1, close);
    this.rows.push(file, line, column, endLine, endColumn, seconds, count);
    return c.lineEnd();
  }

  record(cells: string[]): string | null {
    const file = cells[this.col.file]!;
    const spanText = cells[this.col.span]!;
    const seconds = readSeconds(cells[this.col.seconds]!);
    const count = readCount(cells[this.col.count]!);
    if (Number.isNaN(seconds) || Number.isNaN(count)) return NOT_A_NUMBER;
    if (file === 'TOTAL' && spanText === '') return this.total.take({ seconds, count });
    const span = parseSpan(spanText);
    if (span === null) return NOT_A_SPAN;
    if (!fitsColumns(span)) return SPAN_TOO_BIG;
    this.rows.push(this.rows.fileId(file), span.line, span.column, span.endLine, span.endColumn, seconds, count);
    return null;
  }

  finish(): StatementProfile {
    const total = this.total.require(this.ctx);
    const rows = this.rows.finish();
    this.checkCounts(rows.count, total.count);
    return { format: 'statement', totalSeconds: total.seconds, totalCount: total.count, rows };
  }

  /**
   * Counts are exact integers and the profiler sums them into TOTAL (seconds are rounded to
   * `%.3f`, so they are not compared): rows that do not add up were lost (cut or edited).
   */
  private checkCounts(counts: Float64Array, totalCount: number): void {
    let sum = 0;
    for (let i = 0; i < counts.length; i++) sum += counts[i]!;
    if (sum === totalCount) return;
    this.ctx.diagnostics.note(
      0,
      `the statements' counts add up to ${sum}, not the TOTAL row's ${totalCount}: rows are missing or were skipped, so the table is incomplete`,
    );
  }
}

const NOT_READ = -1;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const COLON = 58;
/** Digits of a span number: 10 may pass SPAN_LIMIT, which the caller checks. */
const SPAN_DIGITS = 10;
/** Up to 15 digits every integer is exact in a double (2^53 ≈ 9.007e15). */
const EXACT_DIGITS = 15;
const POWERS_OF_TEN = Array.from({ length: EXACT_DIGITS + 1 }, (_, k) => 10 ** k);

/** Every byte of a 32-bit word is at least `"` (0x22 + 1); `"`, `\n` and `\r` are all below it. */
const BELOW_QUOTE_PLUS_ONE = 0x2323_2323;
const HIGH_BITS = 0x8080_8080 | 0;

/**
 * The `"` closing a name that starts at `from`, or -1 when a line end or `limit` comes first.
 * Eight bytes at a time: the SWAR test "has a byte less than n" flags the bytes below 0x23 of
 * a 32-bit word, exactly for its lowest flagged byte, and `"`, `\n` and `\r` are all below it
 * while a name's bytes rarely are (a space, `!`), so most words are skipped whole.
 */
function closingQuote(bytes: Uint8Array, view: DataView, from: number, limit: number): number {
  let i = from;
  while (i + 8 <= limit) {
    const a = view.getInt32(i, true);
    const b = view.getInt32(i + 4, true);
    const low = (a - BELOW_QUOTE_PLUS_ONE) & ~a & HIGH_BITS;
    const high = (b - BELOW_QUOTE_PLUS_ONE) & ~b & HIGH_BITS;
    if ((low | high) === 0) {
      i += 8;
      continue;
    }
    const at = low !== 0 ? i + lowestFlaggedByte(low) : i + 4 + lowestFlaggedByte(high);
    const c = bytes[at]!;
    if (c === QUOTE) return at;
    if (c === LF || c === CR) return -1;
    i = at + 1;
  }
  for (; i < limit; i++) {
    const c = bytes[i]!;
    if (c === QUOTE) return i;
    if (c === LF || c === CR) return -1;
  }
  return -1;
}

/** The index (0–3, little-endian) of the lowest byte whose high bit `flags` has set. */
function lowestFlaggedByte(flags: number): number {
  return (31 - Math.clz32(flags & -flags)) >> 3;
}

/** A cursor over the number cells of one record's bytes. Negative results mean "not this shape". */
class ByteCells {
  private bytes: Uint8Array = new Uint8Array(0);
  view: DataView = new DataView(this.bytes.buffer);
  private at = 0;
  private end = 0;
  private digitCount = 0;
  /**
   * The byte after the last number read (the cursor is past it), or -1 at the end: each cell
   * is read with the byte that ends it in one call, as a call per byte was most of a record.
   */
  private after = -1;

  /** A DataView of `bytes` (made once per chunk): the cursor reads them from now on. */
  viewOf(bytes: Uint8Array): DataView {
    if (bytes !== this.bytes) {
      this.bytes = bytes;
      this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    return this.view;
  }

  reset(bytes: Uint8Array, at: number, end: number): void {
    this.viewOf(bytes);
    this.at = at;
    this.end = end;
  }

  /** A run of 1 to `maxDigits` ASCII digits, else -1; then the byte after it, as `separator`. */
  numberThen(maxDigits: number): number {
    const { bytes, end } = this;
    const start = this.at;
    let value = 0;
    let i = start;
    for (; i < end; i++) {
      const d = bytes[i]! - 48;
      if (d < 0 || d > 9) break;
      value = value * 10 + d;
    }
    this.digitCount = i - start;
    this.after = i < end ? bytes[i]! : -1;
    this.at = i + 1;
    return this.digitCount > 0 && this.digitCount <= maxDigits ? value : -1;
  }

  separator(): number {
    return this.after;
  }

  /** The next byte (the cursor passes it), or -1 at the end. */
  nextByte(): number {
    return this.at < this.end ? this.bytes[this.at++]! : -1;
  }

  /**
   * `12` or `0.378`, as Number() reads it, then its separator: digits as one exact integer over
   * a power of ten is the correctly rounded quotient, the double nearest the decimal. Else -1.
   */
  decimalThen(): number {
    const whole = this.numberThen(EXACT_DIGITS);
    if (whole < 0 || this.after !== DOT) return whole;
    const wholeDigits = this.digitCount;
    const fraction = this.numberThen(EXACT_DIGITS - wholeDigits);
    if (fraction < 0) return -1;
    const scale = POWERS_OF_TEN[this.digitCount]!;
    return (whole * scale + fraction) / scale;
  }

  /** The index of the separator just read (a record's line end). */
  lineEnd(): number {
    return this.at - 1;
  }
}

function fitsColumns(span: Span): boolean {
  return span.endLine <= SPAN_LIMIT && span.column <= SPAN_LIMIT && span.endColumn <= SPAN_LIMIT;
}

/** Statement CSV: sniffed by its `File,Span,Duration(s),Count` header, read by StatementTable. */
export const statementFormat: FormatSpec<StatementProfile> = {
  name: 'statement',
  endsEveryLine: true,
  sniff: headerSniff(HEADER),
  create: (ctx) => csvByteLineParser(ctx, new StatementTable(ctx)),
};
