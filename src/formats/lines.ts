// A line scanner over decoded text chunks: the one place input is split into lines, so
// every parser serves the CLI, the worker and files of hundreds of MB alike.
import { InputError } from './diagnostics.ts';

/**
 * Longest line accepted: far above any profile line (the 100k-frame stack is 2.6M chars),
 * well below V8's string limit (2^29 - 24), so a huge one-line file fails with a message.
 */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024;

/** Receives each physical line without its terminator; lineNo is 1-based. */
export type LineSink = (text: string, lineNo: number) => void;

/**
 * Splits chunks into lines, accepting `\n` and `\r\n`, dropping a leading BOM, and keeping
 * only the unfinished tail of a chunk between calls (never the whole text).
 *
 * @example
 *   const s = new LineScanner((t, n) => console.log(n, t));
 *   s.push('a 4\r\nb'); s.push(' 2\n'); s.end(); // 1 "a 4", 2 "b 2"
 */
export class LineScanner {
  /** The unfinished line, as pieces: joining only when its end arrives keeps long lines linear. */
  private pending: string[] = [];
  private pendingLength = 0;
  private pendingNul = false;
  private lineNo = 0;
  private first = true;
  /** True when the text seen so far ended with a line terminator. */
  endedWithNewline = false;

  constructor(
    private readonly sink: LineSink,
    /** Longer lines throw an InputError naming the line (a JS string cannot grow without end). */
    private readonly maxLineLength = MAX_LINE_LENGTH,
  ) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.first) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) break;
      this.emit(this.takePending(chunk.slice(start, nl)));
      start = nl + 1;
    }
    if (start < chunk.length) {
      this.pendingLength += chunk.length - start;
      if (this.pendingLength > this.maxLineLength) {
        throw new InputError(`line ${this.lineNo + 1} is longer than ${this.maxLineLength} characters`);
      }
      const piece = start === 0 ? chunk : chunk.slice(start);
      if (!this.pendingNul && piece.includes('\0')) this.pendingNul = true;
      this.pending.push(piece);
    }
    this.endedWithNewline = this.pending.length === 0;
  }

  /** Flushes a last line that has no terminator. */
  end(): void {
    if (this.pending.length > 0) this.emit(this.takePending(''));
  }

  private takePending(last: string): string {
    if (this.pending.length === 0) return last;
    this.pending.push(last);
    const line = this.pending.join('');
    this.pending = [];
    this.pendingLength = 0;
    this.pendingNul = false;
    return line;
  }

  private emit(line: string): void {
    // A char-code test: String.prototype.endsWith is several times slower per call here.
    this.sink(line.length > 0 && line.charCodeAt(line.length - 1) === 13 ? line.slice(0, -1) : line, ++this.lineNo);
  }

  /** Continues after lines read elsewhere (as bytes); the text so far ended on a whole line. */
  resumeAt(linesSeen: number): void {
    this.lineNo = linesSeen;
    this.first = false;
    this.endedWithNewline = true;
  }

  /** True when the unfinished line read so far holds a NUL (binary input, no need to read on). */
  get pendingHasNul(): boolean {
    return this.pendingNul;
  }

  get linesSeen(): number {
    return this.lineNo;
  }
}

/** Splits a whole string into lines the same way (for sniffing and tests). */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  const s = new LineScanner((t) => lines.push(t));
  s.push(text);
  s.end();
  return lines;
}
