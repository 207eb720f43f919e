// The contract every format module fulfils. One module per format, each detecting itself
// from content (never from the file name: Buck2's profile.csv holds several formats).
import type { FormatName, Profile } from '../model/profile.ts';
import type { DiagnosticSink } from './diagnostics.ts';

/** What a detector sees: the first content lines (leading `#` comments and blanks removed). */
export interface SniffInput {
  /** Up to SNIFF_LINES lines, BOM and line ends removed. */
  lines: readonly string[];
  /** True when `lines` holds the whole file. */
  complete: boolean;
}

export const SNIFF_LINES = 32;

export interface ParseContext {
  /** The file's path, for messages. Untrusted text. */
  file: string;
  diagnostics: DiagnosticSink;
}

/** Consumes lines in order and produces the profile at the end. */
export interface LineParser<P extends Profile = Profile> {
  /** One physical line without terminator. Throws ParseError when the file is broken here. */
  line(text: string, lineNo: number): void;
  /**
   * Optional fast path, the same as line() for the UTF-8 line at `bytes[start]`: it ends at the
   * first `\n` or `\r` before `limit` (the scanner skips the `\n` of a `\r\n`), which the parser
   * finds while reading and returns; NO_LINE_END (-1, having changed nothing) when there is no
   * line end before `limit`. The driver switches to it after sniffing when the input is UTF-8.
   * The bytes may be overwritten after the next chunkDone(); the line before is still readable.
   */
  lineBytes?(bytes: Uint8Array, start: number, limit: number, lineNo: number): number;
  /**
   * Optional batch form of lineBytes: reads every whole line of `bytes[start, limit)` it can,
   * the first being line `lineNo`, and returns where the first unread line starts: the last
   * line, when it has no end before `limit`, or one the parser leaves to lineBytes (which then
   * reads it alone, so a failure there names its line). `linesRead` says how many it read.
   */
  readLines?(bytes: Uint8Array, start: number, limit: number, lineNo: number): number;
  readonly linesRead?: number;
  /** Called after each chunk of byte lines: copy what must outlive the chunk's bytes. */
  chunkDone?(): void;
  /**
   * Optional: settle what is still buffered from the lines so far. The driver calls it right
   * after a last line that has no terminator, so a skip or error there reads as "cut short"
   * (a CSV record left open inside quotes is only known to be broken once the input ends).
   */
  endOfInput?(): void;
  /** Called once after the last line. May throw ParseError. */
  finish(): P;
}

export interface FormatSpec<P extends Profile = Profile> {
  name: FormatName;
  /**
   * The writer ends every line with `\n` (formats.md §1.1, §3, §4, §10.3): a last line without
   * one was cut short, so the driver drops it and says so instead of reading a partial number.
   */
  endsEveryLine?: boolean;
  /** True when the content looks like this format; false means "try the next detector". */
  sniff(input: SniffInput): boolean;
  create(ctx: ParseContext): LineParser<P>;
}

/**
 * What a binary detector sees: the first BINARY_SNIFF_BYTES bytes of the file after gzip/zstd
 * decompression (fewer when the file is shorter: then `complete` is true).
 */
export interface ByteSniffInput {
  head: Uint8Array;
  complete: boolean;
}

/** Binary detectors decide on this many decompressed bytes, whatever the chunking. */
export const BINARY_SNIFF_BYTES = 64 * 1024;

/**
 * Consumes the decompressed bytes of a binary file in order, in chunks cut anywhere: a record
 * may start in one chunk and end several chunks later (`DelimitedRecords` reassembles
 * varint-length-delimited records; a whole-buffer format may simply collect every chunk).
 */
export interface ByteParser<P extends Profile = Profile> {
  /**
   * The next bytes. The array may be reused once the call returns: copy what must outlive it.
   * Throws ParseError when the file is broken (its `line` names the record, 1-based).
   */
  push(chunk: Uint8Array): void;
  /**
   * After the last chunk: null when the input ended on a record boundary, else why it looks
   * cut short (the driver reports it as `ParsedFile.truncated`, keeping what was read).
   */
  endOfInput(): { record: number; message: string } | null;
  /** Called once after endOfInput(). May throw ParseError. */
  finish(): P;
}

/** A binary format: detected from its first bytes, before the "binary data" refusal. */
export interface BinaryFormatSpec<P extends Profile = Profile> {
  name: FormatName;
  /** True when the head looks like this format; false means "try the next detector". */
  sniffBytes(input: ByteSniffInput): boolean;
  create(ctx: ParseContext): ByteParser<P>;
}
