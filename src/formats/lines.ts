// A line scanner over decoded text chunks: the one place input is split into lines, so
// every parser serves the CLI, the worker and files of hundreds of MB alike.

/**
 * Longest line accepted: far above any profile line (the 100k-frame stack is 2.6M chars),
 * well below V8's string limit (2^29 - 24), so a huge one-line file fails with a message.
 */
export const MAX_LINE_LENGTH = 64 * 1024 * 1024;

const LF = 10;
const CR = 13;

/** Receives each physical line without its terminator; lineNo is 1-based. */
export type LineSink = (text: string, lineNo: number) => void;

/**
 * Splits chunks into lines at `\n`, `\r\n` and a lone `\r`, dropping a leading BOM, and keeping
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
  /** The text so far ended with `\r`: a `\n` right after it belongs to the same line end. */
  private lfEndsCR = false;
  /** True when the text seen so far ended with a line terminator. */
  endedWithNewline = false;

  constructor(
    private readonly sink: LineSink,
    /** Longer lines throw a RangeError naming the line (a JS string cannot grow without end). */
    private readonly maxLineLength = MAX_LINE_LENGTH,
  ) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.first) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let start = 0;
    if (this.lfEndsCR) {
      this.lfEndsCR = false;
      if (chunk.charCodeAt(0) === LF) start = 1;
    }
    // The usual file has no `\r` at all: the native search for `\n` is its fast path.
    start = chunk.indexOf('\r', start) < 0 ? this.splitAtLF(chunk, start) : this.splitAtAnyEnd(chunk, start);
    if (start < chunk.length) {
      this.pendingLength += chunk.length - start;
      if (this.pendingLength > this.maxLineLength) {
        throw new RangeError(`line ${this.lineNo + 1} is longer than ${this.maxLineLength} characters`);
      }
      const piece = start === 0 ? chunk : chunk.slice(start);
      if (!this.pendingNul && piece.includes('\0')) this.pendingNul = true;
      this.pending.push(piece);
    }
    this.endedWithNewline = this.pending.length === 0;
  }

  /** Emits the lines of `chunk` that end with `\n`; returns where the unfinished rest starts. */
  private splitAtLF(chunk: string, start: number): number {
    for (;;) {
      const nl = chunk.indexOf('\n', start);
      if (nl < 0) return start;
      this.emit(this.takePending(chunk.slice(start, nl)));
      start = nl + 1;
    }
  }

  /**
   * Emits the lines of `chunk` ending with `\n`, `\r\n` or a lone `\r` (classic Mac, or lines
   * mixed by an editor): each is a line end, never part of a name.
   */
  private splitAtAnyEnd(chunk: string, start: number): number {
    const ends = /[\r\n]/g;
    ends.lastIndex = start;
    for (let m = ends.exec(chunk); m; m = ends.exec(chunk)) {
      const at = m.index;
      this.emit(this.takePending(chunk.slice(start, at)));
      start = at + 1;
      if (chunk.charCodeAt(at) === CR) {
        if (at + 1 === chunk.length) this.lfEndsCR = true;
        else if (chunk.charCodeAt(at + 1) === LF) start++;
      }
      ends.lastIndex = start;
    }
    return start;
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
    this.sink(line, ++this.lineNo);
  }

  /** Continues after lines read elsewhere (as bytes); the text so far ended on a whole line. */
  resumeAt(linesSeen: number, lfEndsCR: boolean): void {
    this.lineNo = linesSeen;
    this.lfEndsCR = lfEndsCR;
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
