// Feeds raw UTF-8 bytes to a parser that reads lines as bytes (the heap flame), where
// decoding 100 MB to strings cost more than parsing them. The parser finds each line's end
// itself while it reads the line (one pass over the bytes instead of a separate `\n` search);
// this scanner only keeps the line that straddles two chunks.
import { InputError } from './diagnostics.ts';
import { MAX_LINE_LENGTH } from './lines.ts';

/**
 * Reads the line that starts at `bytes[start]` and ends at the first `\n` before `limit`
 * (a `\r` before it belongs to the terminator); lineNo is 1-based. Returns the index of that
 * `\n`, NO_LINE_END (having changed nothing) when there is none before `limit`, or STOP to
 * end the reading. The bytes may be overwritten once the push() that delivered them returns.
 */
export type ByteLineReader = (bytes: Uint8Array, start: number, limit: number, lineNo: number) => number;

export const NO_LINE_END = -1;
export const STOP = -2;

const LF = 10;

/**
 * @example
 *   const s = new ByteLineScanner((b, from, limit) => { const nl = b.indexOf(10, from); return nl < limit ? nl : -1; }, 0);
 *   s.push(new TextEncoder().encode('a 4\r\nb')); s.push(new TextEncoder().encode(' 2\n')); // two lines read
 */
export class ByteLineScanner {
  /** An unfinished line, kept with the `\n` that ends it once that arrives. */
  private carry = new Uint8Array(4096);
  private carryLength = 0;
  /** A straddling line, once read, stays readable here while the next tail fills `carry`. */
  private spare = new Uint8Array(4096);
  private stopped = false;

  constructor(
    private readonly read: ByteLineReader,
    /** Lines already read by whoever read the file's head. */
    private lineNo: number,
    private readonly maxLineLength = MAX_LINE_LENGTH,
  ) {}

  push(chunk: Uint8Array): void {
    if (this.stopped) return;
    let start = 0;
    if (this.carryLength > 0) {
      const nl = chunk.indexOf(LF);
      if (nl < 0) return this.append(chunk, 0, chunk.length);
      this.append(chunk, 0, nl + 1);
      if (!this.readLine(this.carry, 0, this.carryLength)) return;
      [this.carry, this.spare] = [this.spare, this.carry];
      this.carryLength = 0;
      start = nl + 1;
    }
    while (start < chunk.length) {
      const nl = this.read(chunk, start, chunk.length, this.lineNo + 1);
      if (nl === NO_LINE_END) break;
      if (nl === STOP) return void (this.stopped = true);
      this.lineNo++;
      start = nl + 1;
    }
    if (start < chunk.length) this.append(chunk, start, chunk.length);
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

  /** Reads a joined line (it ends with its `\n`); false once reading stops. */
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
    // The `\n` of a finished line is not part of its length.
    if (length - (chunk[to - 1] === LF ? 1 : 0) > this.maxLineLength) {
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
