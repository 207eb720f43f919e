// A line scanner over decoded text chunks: the one place input is split into lines, so
// every parser serves the CLI, the worker and files of hundreds of MB alike.

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
  private tail = '';
  private lineNo = 0;
  private first = true;
  /** True when the text seen so far ended with a line terminator. */
  endedWithNewline = false;

  constructor(private readonly sink: LineSink) {}

  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (this.first) {
      this.first = false;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    let text = this.tail.length > 0 ? this.tail + chunk : chunk;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      if (nl < 0) break;
      const stop = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.sink(text.slice(start, stop), ++this.lineNo);
      start = nl + 1;
    }
    this.tail = start < text.length ? text.slice(start) : '';
    this.endedWithNewline = this.tail.length === 0;
    text = '';
  }

  /** Flushes a last line that has no terminator. */
  end(): void {
    if (this.tail.length > 0) {
      const t = this.tail.endsWith('\r') ? this.tail.slice(0, -1) : this.tail;
      this.tail = '';
      this.sink(t, ++this.lineNo);
    }
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
