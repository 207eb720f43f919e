// Feeds raw UTF-8 bytes to a parser that reads lines as bytes (the heap flame), where
// decoding 100 MB to strings cost more than parsing them. The parser finds each line's end
// itself while it reads the line (one pass over the bytes instead of a separate `\n` search);
// this scanner only keeps the line that straddles two chunks.
import { InputError } from './diagnostics.ts';
import { MAX_LINE_LENGTH } from './lines.ts';

/**
 * Reads the line that starts at `bytes[start]` and ends at the first `\n` or `\r` before
 * `limit`; lineNo is 1-based. Returns the index of that line end (the scanner skips the `\n`
 * of a `\r\n`), NO_LINE_END (having changed nothing) when there is none before `limit`, or
 * STOP to end the reading. The bytes may be overwritten once the push() that delivered them returns.
 */
export type ByteLineReader = (bytes: Uint8Array, start: number, limit: number, lineNo: number) => number;

/**
 * Reads many lines at once (a parser's readLines): returns where the first unread line starts,
 * with `count()` lines read, or STOP; it may stop before a line it leaves to the one-line reader.
 */
export interface ByteLinesReader {
  read(bytes: Uint8Array, start: number, limit: number, lineNo: number): number;
  count(): number;
}

export const NO_LINE_END = -1;
export const STOP = -2;

const LF = 10;
const CR = 13;

/** The first `\n` or `\r` in `bytes[from, to)`, or -1. */
export function firstLineEnd(bytes: Uint8Array, from: number, to: number): number {
  const lf = bytes.subarray(0, to).indexOf(LF, from);
  const cr = bytes.subarray(0, lf < 0 ? to : lf).indexOf(CR, from);
  return cr >= 0 ? cr : lf;
}

/**
 * @example
 *   const s = new ByteLineScanner((b, from, limit) => { const nl = b.indexOf(10, from); return nl < limit ? nl : -1; }, 0);
 *   s.push(new TextEncoder().encode('a 4\r\nb')); s.push(new TextEncoder().encode(' 2\n')); // two lines read
 */
export class ByteLineScanner {
  /** An unfinished line, kept with the `\n` or `\r` that ends it once that arrives. */
  private carry = new Uint8Array(4096);
  private carryLength = 0;
  /** A straddling line, once read, stays readable here while the next tail fills `carry`. */
  private spare = new Uint8Array(4096);
  private stopped = false;
  /** The last line ended with a `\r` at a chunk's end: a `\n` starting the next chunk belongs to it. */
  private lfEndsCR = false;

  constructor(
    private readonly read: ByteLineReader,
    /** Lines already read by whoever read the file's head. */
    private lineNo: number,
    private readonly maxLineLength = MAX_LINE_LENGTH,
    private readonly readMany: ByteLinesReader | null = null,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.stopped || chunk.length === 0) return;
    let start = 0;
    if (this.lfEndsCR) {
      this.lfEndsCR = false;
      if (chunk[0] === LF) start = 1;
    }
    if (this.carryLength > 0) {
      const nl = firstLineEnd(chunk, start, chunk.length);
      if (nl < 0) return this.append(chunk, start, chunk.length);
      this.append(chunk, start, nl + 1);
      if (!this.readLine(this.carry, 0, this.carryLength)) return;
      [this.carry, this.spare] = [this.spare, this.carry];
      this.carryLength = 0;
      start = this.after(chunk, nl);
    }
    while (start < chunk.length) {
      if (this.readMany) {
        const next = this.readMany.read(chunk, start, chunk.length, this.lineNo + 1);
        if (next === STOP) return void (this.stopped = true);
        this.lineNo += this.readMany.count();
        if (next > start) {
          // A `\r` that ends the chunk may have its `\n` in the next one.
          if (next === chunk.length && chunk[next - 1] === CR) this.lfEndsCR = true;
          start = next;
          continue;
        }
      }
      const nl = this.read(chunk, start, chunk.length, this.lineNo + 1);
      if (nl === NO_LINE_END) break;
      if (nl === STOP) return void (this.stopped = true);
      this.lineNo++;
      start = this.after(chunk, nl);
    }
    if (start < chunk.length) this.append(chunk, start, chunk.length);
  }

  /** Where the next line starts after the line end at `chunk[end]` (a `\r\n` is one line end). */
  private after(chunk: Uint8Array, end: number): number {
    if (chunk[end] !== CR) return end + 1;
    if (end + 1 === chunk.length) this.lfEndsCR = true;
    return chunk[end + 1] === LF ? end + 2 : end + 1;
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

  /** True when the bytes so far ended with a `\r` whose `\n` may still come. */
  get endedWithCR(): boolean {
    return this.lfEndsCR;
  }

  get linesSeen(): number {
    return this.lineNo;
  }

  /** Reads a joined line (it ends with its line end); false once reading stops. */
  private readLine(bytes: Uint8Array, start: number, limit: number): boolean {
    const nl = this.read(bytes, start, limit, this.lineNo + 1);
    if (nl === STOP) {
      this.stopped = true;
      return false;
    }
    this.lineNo++;
    return true;
  }

  private append(chunk: Uint8Array, from: number, to: number): void {
    const length = this.carryLength + to - from;
    // The line end of a finished line is not part of its length.
    if (length - (chunk[to - 1] === LF || chunk[to - 1] === CR ? 1 : 0) > this.maxLineLength) {
      this.stopped = true;
      throw new InputError(`line ${this.lineNo + 1} is longer than ${this.maxLineLength} bytes`);
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
