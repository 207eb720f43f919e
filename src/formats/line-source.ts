// Bytes → lines for one file: decoded text lines while the file is sniffed (and for parsers
// that read text), raw byte lines once a parser that reads bytes has taken over, so the hot
// path of a 100 MB heap flame neither decodes nor allocates a string per line.
import { ByteLineScanner, firstLineEnd, STOP, type ByteLineReader } from './byte-lines.ts';
import type { LineParser } from './format.ts';
import { LineScanner } from './lines.ts';

/** Bytes decoded at a time: big chunks (Blob streams give 2 MiB) are decoded in slices, so
 *  each slice's text is still in the CPU cache when the scanner and the parser read it. */
const DECODE_SLICE = 256 * 1024;
/** The first slice is small: the format is known after SNIFF_LINES lines, and a parser that reads
 *  bytes takes over at the slice's end (a 256 KiB head read as text cost a 10 MB heap flame a
 *  fifth of its parse while the code was still cold). */
const HEAD_SLICE = 16 * 1024;

const LF = 10;

/** What the source reports to its session. */
export interface LineHost {
  /** One text line without terminator; lineNo is 1-based. */
  line(text: string, lineNo: number): void;
  /** After each decoded slice; false stops reading (the outcome is already known). */
  afterSlice(): boolean;
  /** The byte parser threw on a line. */
  failLine(error: unknown, lineNo: number, text: string): void;
}

/**
 * Decodes and splits the bytes of one (decompressed) file. Throws InputError for a line too
 * long to hold.
 */
export class LineSource {
  private decoder = new TextDecoder('utf-8');
  private readonly text: LineScanner;
  private bytes: ByteLineScanner | null = null;
  private byteParser: LineParser | null = null;
  private slicesDecoded = 0;

  constructor(private readonly host: LineHost) {
    this.text = new LineScanner((text, lineNo) => host.line(text, lineNo));
  }

  /** UTF-16 input (it starts with a byte-order mark) is decoded as such and stays text. */
  decodeAs(encoding: 'utf-16le' | 'utf-16be'): void {
    this.decoder = new TextDecoder(encoding);
  }

  pushText(text: string): void {
    this.text.push(text);
  }

  /** From the next line boundary on, deliver lines as bytes to `parser` (UTF-8 input only). */
  readBytesWith(parser: LineParser): void {
    if (parser.lineBytes && this.decoder.encoding === 'utf-8') this.byteParser = parser;
  }

  pushBytes(data: Uint8Array, final: boolean): void {
    let at = 0;
    do {
      if (this.bytes) {
        this.bytes.push(at === 0 ? data : data.subarray(at));
        this.byteParser!.chunkDone?.();
        return;
      }
      let end = Math.min(data.length, at + (this.slicesDecoded++ === 0 ? HEAD_SLICE : DECODE_SLICE));
      // End a slice after a line break where there is one: then the text read so far ends
      // on a whole line, the decoder holds no partial character, and bytes can take over.
      if (end < data.length) {
        const nl = data.lastIndexOf(LF, end - 1);
        if (nl >= at) end = nl + 1;
      }
      const text = this.decoder.decode(data.subarray(at, end), { stream: !(final && end === data.length) });
      if (text) this.text.push(text);
      if (!this.host.afterSlice()) return;
      if (this.byteParser && end > 0 && data[end - 1] === LF) this.startBytes(this.byteParser);
      at = end;
    } while (at < data.length);
  }

  private startBytes(parser: LineParser): void {
    const many = parser.readLines?.bind(parser);
    this.bytes = new ByteLineScanner(
      this.guarded(parser.lineBytes!.bind(parser)),
      this.text.linesSeen,
      undefined,
      many ? { read: this.guarded(many), count: () => parser.linesRead ?? 0 } : null,
    );
  }

  /**
   * A parser's byte reader that stops the reading on what it throws, reported at the line it
   * was given. A batch (readLines) leaves to lineBytes the lines whose failure needs their own
   * line's text; what it throws itself (a ParseError) names its line.
   */
  private guarded(read: ByteLineReader): ByteLineReader {
    return (bytes, start, limit, lineNo) => {
      try {
        return read(bytes, start, limit, lineNo);
      } catch (e) {
        this.host.failLine(e, lineNo, lineText(bytes, start, limit));
        return STOP;
      }
    };
  }

  /** Flushes the decoder; a last unterminated byte line goes back to the text scanner. */
  flush(): void {
    if (!this.bytes) return this.pushBytes(new Uint8Array(0), true);
    const rest = this.bytes.takeRest();
    this.text.resumeAt(this.bytes.linesSeen, this.bytes.endedWithCR);
    this.bytes = null;
    if (rest) this.text.push(new TextDecoder().decode(rest));
  }

  /** Emits the last line when it has no terminator (call after flush). */
  end(): void {
    this.text.end();
  }

  get linesSeen(): number {
    return this.bytes ? this.bytes.linesSeen : this.text.linesSeen;
  }

  /** True when the input so far ended with a line terminator. */
  get endedWithNewline(): boolean {
    return this.bytes ? this.bytes.endedWithNewline : this.text.endedWithNewline;
  }

  /** True when the unfinished text line holds a NUL (binary input). */
  get pendingHasNul(): boolean {
    return this.text.pendingHasNul;
  }
}

/** The text of the line at `bytes[start]`, without its terminator (for error messages). */
function lineText(bytes: Uint8Array, start: number, limit: number): string {
  const end = firstLineEnd(bytes, start, limit);
  return new TextDecoder().decode(bytes.subarray(start, end < 0 ? limit : end));
}
