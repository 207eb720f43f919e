// Splits raw UTF-8 bytes into lines without decoding them: the hot path for parsers that
// read bytes (the heap flame), where decoding 100 MB to strings cost more than parsing.
import { MAX_LINE_LENGTH } from './lines.ts';

/**
 * Receives one line as `bytes[start, end)` without its terminator (`\n`, `\r\n`); lineNo is
 * 1-based. Returns false to stop reading the chunk. The bytes may be overwritten once the
 * push() that delivered them returns.
 */
export type ByteLineSink = (bytes: Uint8Array, start: number, end: number, lineNo: number) => boolean;

const LF = 10;
const CR = 13;

/**
 * The byte twin of LineScanner: finds `\n` with the native Uint8Array.indexOf and copies only
 * a line that straddles two chunks (into a buffer it reuses).
 *
 * @example
 *   const s = new ByteLineScanner((b, from, to, n) => (console.log(n, to - from), true), 0);
 *   s.push(new TextEncoder().encode('a 4\r\nb')); s.push(new TextEncoder().encode(' 2\n')); // 1 3, 2 3
 */
export class ByteLineScanner {
  private carry = new Uint8Array(4096);
  private carryLength = 0;
  /** A straddling line, once emitted, stays readable here while the next tail fills `carry`. */
  private spare = new Uint8Array(4096);
  private stopped = false;

  constructor(
    private readonly sink: ByteLineSink,
    /** Lines already read by whoever read the file's head. */
    private lineNo: number,
    private readonly maxLineLength = MAX_LINE_LENGTH,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    let start = 0;
    if (this.carryLength > 0) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) return this.keep(chunk, 0);
      this.append(chunk, 0, nl);
      if (!this.emit(this.carry, 0, this.carryLength)) return;
      [this.carry, this.spare] = [this.spare, this.carry];
      this.carryLength = 0;
      start = nl + 1;
    }
    for (let nl = chunk.indexOf(LF, start); nl >= 0; nl = chunk.indexOf(LF, start)) {
      if (!this.emit(chunk, start, nl)) return;
      start = nl + 1;
    }
    if (start < chunk.length) this.keep(chunk, start);
  }

  /** The unfinished last line (no terminator), or null; the scanner is spent afterwards. */
  takeRest(): Uint8Array | null {
    this.stopped = true;
    return this.carryLength > 0 ? this.carry.slice(0, this.carryLength) : null;
  }

  /** True when the bytes so far ended with a line terminator. */
  get endedWithNewline(): boolean {
    return this.carryLength === 0;
  }

  get linesSeen(): number {
    return this.lineNo;
  }

  private emit(bytes: Uint8Array, start: number, end: number): boolean {
    const last = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (this.sink(bytes, start, last, ++this.lineNo)) return true;
    this.stopped = true;
    return false;
  }

  private keep(chunk: Uint8Array, from: number): void {
    this.append(chunk, from, chunk.length);
  }

  private append(chunk: Uint8Array, from: number, to: number): void {
    const length = this.carryLength + to - from;
    if (length > this.maxLineLength) {
      this.stopped = true;
      throw new RangeError(`line ${this.lineNo + 1} is longer than ${this.maxLineLength} bytes`);
    }
    if (length > this.carry.length) {
      const wider = new Uint8Array(Math.max(length, this.carry.length * 2));
      wider.set(this.carry.subarray(0, this.carryLength));
      this.carry = wider;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLength);
    this.carryLength = length;
  }
}
