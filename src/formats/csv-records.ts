// CSV records for the profiler's CSV outputs — docs/formats.md §1.1 and pitfall 3; upstream writer:
// starlark `eval/runtime/profile/csv.rs` (CsvWriter). Cells are decoded by papaparse.
import Papa from 'papaparse';
import type { Profile } from '../model/profile.ts';
import { ParseError } from './diagnostics.ts';
import type { LineParser, ParseContext } from './format.ts';
import { minOf } from '../model/arrays.ts';
import { scanLine, splitPlainRecord, type RecordShape } from './csv-line-scan.ts';

/** What one CSV format does with the records; `csvLineParser` does the CSV part. */
export interface CsvTable<P extends Profile> {
  /** Reads the header; returns why the file cannot be this format, or null. */
  header(cells: string[], lineNo: number): string | null;
  /** Takes a record with as many cells as the header; returns why it was skipped, or null. */
  record(cells: string[], lineNo: number): string | null;
  /**
   * Optional fast path: reads the record whose UTF-8 line starts at `bytes[start]` without
   * decoding it, when it has the shape the writer gives nearly every record, and returns the
   * index of the `\n` or `\r` ending it (before `limit`); -1, having changed nothing, for
   * anything else, which is then read from its text as usual.
   */
  recordBytes?(bytes: Uint8Array, start: number, limit: number, lineNo: number): number;
  /** The profile; may throw ParseError when a row the format needs never came. */
  finish(): P;
}

/** Records are parsed in blocks of about this many characters (one Papa.parse per block). */
const BLOCK_CHARS = 256 * 1024;
/** A quoted cell open for longer than this is an unescaped quote, not a multi-line name. */
const MAX_RECORD_LINES = 64;
const PAPA_OPTIONS = { delimiter: ',', newline: '\n', quoteChar: '"', escapeChar: '"', header: false } as const;

const UNTERMINATED = 'with an unterminated quoted cell';
const WRONG_CELLS = 'with a wrong number of cells';
const EMPTY_LAST = 'with an empty last cell';
const NOT_CSV = 'that are not valid CSV';

/** A record whose quoted cell goes on over more lines. */
interface OpenRecord extends RecordShape {
  lines: string[];
  lineNos: number[];
}

/**
 * Turns physical lines into CSV records and hands them to a table. Lines are joined while a
 * quoted cell is open (RFC-4180 newlines inside quotes); complete records are batched into
 * ~256 KiB blocks for papaparse; each record keeps its first line number for messages.
 * Blank lines, and `#` lines before the header (golden comments, pitfall 2), are dropped.
 *
 * @example
 *   File,Span,Duration(s),Count        ← header(['File','Span','Duration(s)','Count'], 1)
 *   "TOTAL","",3.864,552               ← record(['TOTAL','','3.864','552'], 2)
 *   "a,b.bzl","7:13-19",2.800,400      ← record(['a,b.bzl','7:13-19','2.800','400'], 3)
 */
export function csvLineParser<P extends Profile>(ctx: ParseContext, table: CsvTable<P>): LineParser<P> {
  return new CsvRecordReader(ctx, table);
}

export class CsvRecordReader<P extends Profile> implements LineParser<P> {
  private columns: number | null = null;
  private open: OpenRecord | null = null;
  /** Reused for the usual one-line record, so a million rows make no garbage here. */
  private readonly shape: RecordShape = { inQuotes: false, cells: 1, lastCellEmpty: false, literalQuote: false };
  private readonly replay: [string, number][] = [];
  private blockTexts: string[] = [];
  private blockLines: number[] = [];
  private blockChars = 0;
  private lenient = { rows: 0, firstLine: 0 };

  constructor(
    protected readonly ctx: ParseContext,
    protected readonly table: CsvTable<P>,
  ) {}

  /**
   * Whether the next line starts a record after the header with none waiting for papaparse (a
   * fast path must not overtake them: records reach the table in file order, and a problem in
   * a waiting block is blamed on the line whose arrival delivers it, as on the text path).
   */
  protected atRecordStart(): boolean {
    return this.open === null && this.columns !== null && this.blockTexts.length === 0;
  }

  line(text: string, lineNo: number): void {
    this.take(text, lineNo);
    if (this.replay.length > 0) this.drainReplay();
  }

  /** The input ended: a record still inside quotes is broken (usually: the file was cut). */
  endOfInput(): void {
    while (this.open) {
      const record = this.open;
      this.open = null;
      this.abandon(record);
      this.drainReplay();
    }
  }

  finish(): P {
    this.endOfInput();
    this.flushBlock();
    if (this.columns === null) throw new ParseError(this.ctx.file, 0, '', 'no CSV header line');
    if (this.lenient.rows > 0) {
      this.ctx.diagnostics.note(
        this.lenient.firstLine,
        `read ${this.lenient.rows} row(s) with unescaped quotes leniently (starlark wrote them so before 2022-07)`,
      );
    }
    return this.table.finish();
  }

  private drainReplay(): void {
    for (let next = this.replay.shift(); next; next = this.replay.shift()) this.take(next[0], next[1]);
  }

  private take(text: string, lineNo: number): void {
    if (this.open !== null) return this.continueOpen(text, lineNo);
    // `#` lines before the header are golden comments (pitfall 2); after it, the writer never
    // writes one, so a `#` line is read as a record (kept or skipped and counted), never dropped.
    if (text.length === 0 || (this.columns === null && text.charCodeAt(0) === 35) /* # */) return;
    const shape = this.shape;
    shape.inQuotes = false;
    shape.cells = 1;
    shape.lastCellEmpty = false;
    shape.literalQuote = false;
    scanLine(text, shape);
    if (!shape.inQuotes) return this.complete(text, lineNo, shape);
    this.open = { ...shape, lines: [text], lineNos: [lineNo] };
  }

  private continueOpen(text: string, lineNo: number): void {
    const record = this.open!;
    record.lines.push(text);
    record.lineNos.push(lineNo);
    scanLine(text, record);
    if (record.inQuotes && record.lines.length <= MAX_RECORD_LINES) return;
    this.open = null;
    // A multi-line record that is too wide or needed a literal quote was an unescaped quote
    // swallowing the next lines, not a newline inside a name.
    if (record.inQuotes || record.cells !== this.columns || record.literalQuote) this.abandon(record);
    else this.complete(record.lines.join('\n'), record.lineNos[0]!, record);
  }

  /** Skips the record's first line and reads the lines after it again as fresh records. */
  private abandon(record: OpenRecord): void {
    this.ctx.diagnostics.skip(record.lineNos[0]!, UNTERMINATED, record.lines[0]!);
    const again: [string, number][] = record.lines.slice(1).map((t, i) => [t, record.lineNos[i + 1]!]);
    this.replay.unshift(...again);
  }

  private complete(text: string, lineNo: number, record: RecordShape): void {
    if (this.columns === null) return this.readHeader(text, lineNo);
    // Shape checks happen here, line by line, so the driver can tell a cut-short last line.
    if (record.cells !== this.columns) return this.ctx.diagnostics.skip(lineNo, WRONG_CELLS, text);
    if (record.lastCellEmpty) return this.ctx.diagnostics.skip(lineNo, EMPTY_LAST, text);
    // Nearly every record the profiler writes is plain: split it here and skip papaparse (whose
    // per-block join and per-cell work were most of a 1M-row statement CSV's parse).
    const plain = record.literalQuote ? null : splitPlainRecord(text, this.columns);
    if (plain !== null) {
      this.flushBlock(); // records reach the table in file order
      return this.deliver(plain, lineNo, text);
    }
    this.blockTexts.push(text);
    this.blockLines.push(lineNo);
    this.blockChars += text.length + 1;
    if (this.blockChars >= BLOCK_CHARS) this.flushBlock();
  }

  private readHeader(text: string, lineNo: number): void {
    const cells = Papa.parse<string[]>(text, PAPA_OPTIONS).data[0] ?? [];
    const problem = this.table.header(cells, lineNo);
    if (problem !== null) throw new ParseError(this.ctx.file, lineNo, text, problem);
    this.columns = cells.length;
  }

  private flushBlock(): void {
    const texts = this.blockTexts;
    const lineNos = this.blockLines;
    if (texts.length === 0) return;
    this.blockTexts = [];
    this.blockLines = [];
    this.blockChars = 0;
    const result = Papa.parse<string[]>(texts.join('\n'), PAPA_OPTIONS);
    const clean = result.data.length === texts.length && result.errors.every((e) => e.code === 'InvalidQuotes');
    if (!clean) return this.parseOneByOne(texts, lineNos);
    this.countLenient(result.errors, lineNos);
    for (let i = 0; i < texts.length; i++) this.deliver(result.data[i]!, lineNos[i]!, texts[i]!);
  }

  /** The slow path for a block papaparse read differently from the line scan: exact blame. */
  private parseOneByOne(texts: string[], lineNos: number[]): void {
    for (let i = 0; i < texts.length; i++) {
      const result = Papa.parse<string[]>(texts[i]!, PAPA_OPTIONS);
      if (result.data.length !== 1 || result.errors.some((e) => e.code !== 'InvalidQuotes')) {
        this.ctx.diagnostics.skip(lineNos[i]!, NOT_CSV, texts[i]!);
        continue;
      }
      this.countLenient(result.errors, [lineNos[i]!]);
      this.deliver(result.data[0]!, lineNos[i]!, texts[i]!);
    }
  }

  private countLenient(errors: Papa.ParseError[], lineNos: number[]): void {
    const rows = new Set(errors.map((e) => e.row ?? 0));
    if (rows.size === 0) return;
    if (this.lenient.rows === 0) this.lenient.firstLine = lineNos[minOf(rows)] ?? 0;
    this.lenient.rows += rows.size;
  }

  private deliver(cells: string[], lineNo: number, text: string): void {
    const problem = cells.length === this.columns ? this.table.record(cells, lineNo) : WRONG_CELLS;
    if (problem !== null) this.ctx.diagnostics.skip(lineNo, problem, text);
  }
}
